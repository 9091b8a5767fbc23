from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class LanguageConfig(base.Config):
    name = c.Type(str)
    """The language's name in itself, shown in the language switcher: "Tiếng Việt", "English"."""
    locale = c.Type(str)
    """Open Graph locale, e.g. ``vi_VN``."""
    site_name = c.Type(str)
    site_description = c.Type(str, default="")
    copyright = c.Type(str, default="")
    """The footer line in this language (default: mkdocs.yml's copyright)."""


class I18nConfig(base.Config):
    enabled = c.Type(bool, default=True)
    content_dir = c.Dir(exists=True, default="content")
    """Holds one folder of Markdown per language: ``content/vi``, ``content/en``."""
    data_dir = c.Dir(exists=False, default="data")
    """Holds ``slugs.yml`` (addresses of pages made from data) and ``redirects.yml`` (old addresses)."""
    default_language = c.Type(str, default="vi")
    """Served at the site's root; the others at ``/<code>/``."""
    languages = c.DictOfItems(c.SubConfig(LanguageConfig))
    offline_essentials = c.ListOfItems(c.Type(str), default=[])
    """Pages (Markdown paths) every language saves for reading offline on a visitor's first visit;
    empty: no service worker."""
    parallel = c.Type(bool, default=True)
    """Build the other languages in their own processes while the default one builds."""

    def validate(self):
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        if self.default_language not in self.languages:
            failed.append(("default_language",
                           base.ValidationError(f"'{self.default_language}' is not one of languages: "
                                                + ", ".join(self.languages))))
        return failed, warnings
