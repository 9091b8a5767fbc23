from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..i18n.config import DeclaredUnderI18n


class ImagesConfig(base.Config):
    enabled = c.Type(bool, default=True)
    content_dir = c.Type(str, default="content")
    """Holds one folder of Markdown per language; the default language's build publishes the
    photos every language references, once, at the site's root."""
    data_dir = c.Type(str, default="data")
    """Holds ``slogan.yml``, whose lines the social cards quote."""
    languages = DeclaredUnderI18n("dienbien/images")
    """Refused: the languages are declared under ``dienbien/i18n`` (``site_languages``)."""
    cards = c.Type(bool, default=True)
    """Draw a social card (``og:image``) for every page."""
    cache_dir = c.Optional(c.Type(str))
    """Where processed photos and cards are kept between builds; default ``$DIENBIEN_CACHE_DIR``,
    else ``.cache`` beside ``mkdocs.yml``."""
    workers = c.Type(int, default=0)
    """Processes that encode photos and draw cards; 0 means one per core."""
