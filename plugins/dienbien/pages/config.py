from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..i18n.config import DeclaredUnderI18n


class PagesConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Dir(exists=True, default="data")
    languages = DeclaredUnderI18n("dienbien/pages")
    """Refused: the languages are declared under ``dienbien/i18n`` (``site_languages``)."""
