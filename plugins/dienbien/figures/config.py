from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..i18n.config import DeclaredUnderI18n


class FiguresConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Dir(exists=True, default="data")
    """Holds ``units.yml``, ``sources/*.yml``, ``figures/*.yml``, ``slogan.yml`` and ``home.yml``."""
    languages = DeclaredUnderI18n("dienbien/figures")
    """Refused: the languages are declared under ``dienbien/i18n`` (``site_languages``)."""
