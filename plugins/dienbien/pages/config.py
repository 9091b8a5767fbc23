from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PagesConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Dir(exists=True, default="data")
    languages = c.ListOfItems(c.Type(str), default=["vi", "en"])
    """Every language a text in the data files must be given in."""
