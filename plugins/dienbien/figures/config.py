from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FiguresConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Dir(exists=True, default="data")
    """Holds ``units.yml``, ``sources/*.yml``, ``figures/*.yml``, ``slogan.yml`` and ``home.yml``."""
    languages = c.ListOfItems(c.Type(str), default=["vi", "en"])
    """Every language a label, period or unit must be given in."""
