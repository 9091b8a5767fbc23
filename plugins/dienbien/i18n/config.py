"""The configuration of ``dienbien/i18n``, which declares the site's languages once (codes, names,
locales, the default), and :func:`site_languages`, how every other plugin, tool and test reads them."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..core.data.languages import Language, Languages

PLUGIN = "dienbien/i18n"


class LanguageConfig(base.Config):
    name = c.Type(str)
    """The language's name in itself, shown in the language switcher: "Tiếng Việt", "English"."""
    locale = c.Type(str)
    """Open Graph locale, e.g. ``vi_VN``."""
    site_name = c.Type(str)
    site_description = c.Type(str, default="")
    copyright = c.Type(str, default="")
    """The footer line in this language (default: mkdocs.yml's copyright)."""
    translation = c.Choice(("complete", "pending"), default="complete")
    """``pending`` while the language is being translated: a page it does not have yet shows the
    default language's, with a notice, and a text the data files do not give in it reads in the
    default language. ``complete``: every page and every data text must exist in it."""


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
        elif self.languages[self.default_language].translation == "pending":
            failed.append(("default_language",
                           base.ValidationError(f"'{self.default_language}' is the default language, which the "
                                                "others fall back to: its translation cannot be pending")))
        return failed, warnings

    def registry(self) -> Languages:
        """The languages as the core takes them: in the order of mkdocs.yml, with the default."""
        return Languages(tuple(Language(code, lang.name, lang.locale, lang.translation == "pending")
                               for code, lang in self.languages.items()), self.default_language)


def site_languages(config: MkDocsConfig) -> Languages:
    """The site's languages, as ``dienbien/i18n`` declares them in a loaded configuration."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not isinstance(getattr(plugin, "config", None), I18nConfig):
        raise PluginError(f"{Path(config.config_file_path or 'mkdocs.yml').name}: the {PLUGIN} plugin declares the "
                          "site's languages (codes, names, locales, default_language); add it under plugins:")
    return plugin.config.registry()


def load_languages(config_file: Path | str) -> Languages:
    """The site's languages from ``mkdocs.yml`` itself, for tools and tests that run no build."""
    from mkdocs.config import load_config

    return site_languages(load_config(str(config_file)))


class DeclaredUnderI18n(c.BaseConfigOption):
    """The ``languages:`` option other plugins took before the languages were declared once: refused,
    with where they are declared now."""

    def __init__(self, plugin: str) -> None:
        super().__init__()
        self.plugin = plugin

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        if config.get(key_name) is None:
            return
        where = "mkdocs.yml"
        if config.config_file_path:
            # its line: the first 'languages:' after the plugin's own line
            text = Path(config.config_file_path).read_text(encoding="utf-8")
            found = re.search(rf"^\s*- {re.escape(self.plugin)}:.*?^\s*{key_name}:", text, re.M | re.S)
            where = Path(config.config_file_path).name + (f":{text[:found.end()].count(chr(10)) + 1}" if found else "")
        raise base.ValidationError(
            f"{where}: the site's languages are declared once, under {PLUGIN} (languages: codes, names, locales; "
            f"default_language), and every plugin reads them there; remove '{key_name}:' from {self.plugin}")
