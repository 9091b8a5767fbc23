"""The words of the site's own interface in each language: headings, labels, notices, the
patterns dates are written in. One file per language beside this module, ``strings/<code>.yml``,
its keys grouped by the module that uses them (``places:``, ``events:``…); a module takes its
group with :func:`strings`. A new language copies ``strings/en.yml`` to ``strings/<code>.yml`` and
translates it. Words in braces (``{n}``) are filled in by the code and stay as they are.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ..errors import SiteDataError, display_path
from .yamlfile import YamlDocument, load_yaml

STRINGS_DIR = Path(__file__).with_name("strings")


class Strings(dict):
    """One group of strings; a key the file lacks is an error that names the file and the group."""

    def __init__(self, data: dict, doc: YamlDocument, key: tuple) -> None:
        super().__init__({k: Strings(v, doc, key + (k,)) if isinstance(v, dict) else v for k, v in data.items()})
        self._doc, self._key = doc, key

    def __missing__(self, name: Any) -> Any:
        raise self._doc.error(self._key, f"no string '{name}'",
                              "add it here, translated: every language's file has the same keys")


@functools.cache
def _load(lang: str) -> Strings:
    path = STRINGS_DIR / f"{lang}.yml"
    shown = display_path(path, STRINGS_DIR.parents[4])
    if not path.is_file():
        raise SiteDataError(shown, None, f"the site has no interface strings in the language '{lang}'",
                            f"copy {display_path(STRINGS_DIR / 'en.yml', STRINGS_DIR.parents[4])} to {shown} "
                            "and translate its texts")
    doc = load_yaml(path, shown)
    if not isinstance(doc.data, dict):
        raise doc.error((), "expected groups of strings (places:, events: …)")
    return Strings(doc.data, doc, ())


def strings(lang: str, group: str) -> Strings:
    """The interface strings of one group (``"places"``, ``"events"``…) in ``lang``."""
    return _load(lang)[group]
