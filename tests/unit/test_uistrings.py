"""The language registry and the interface strings: one file per language with the same keys, a key a
file lacks named at its line, and a pending language reading the default language's data texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.data.languages import Language, Languages, filled
from dienbien.core.data.schema import localized
from dienbien.core.data.uistrings import STRINGS_DIR, strings
from dienbien.core.data.yamlfile import load_yaml, parse_yaml
from dienbien.core.errors import SiteDataError
from sitelanguages import LANGUAGES

FILES = sorted(STRINGS_DIR.glob("*.yml"))
FRENCH = Languages((Language("vi", "Tiếng Việt", "vi_VN"), Language("en", "English", "en_US"),
                    Language("fr", "Français", "fr_FR", pending=True)), "vi")


def _keys(value, path=()) -> set[tuple]:
    """Every key path of a strings file (lists count as one value: a language has its own number of
    ranks in words)."""
    if not isinstance(value, dict):
        return {path}
    return set().union(*(_keys(v, path + (k,)) for k, v in value.items()))


def test_every_language_of_the_registry_has_its_strings_file():
    assert {p.stem for p in FILES} >= set(LANGUAGES.codes)
    for lang in LANGUAGES:
        assert strings(lang, "places")["facts"]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_strings_file_has_the_keys_of_the_english_one(path: Path):
    english = load_yaml(STRINGS_DIR / "en.yml").data
    assert _keys(load_yaml(path).data) == _keys(english), path.name


def test_a_key_a_file_lacks_is_named_with_its_group_and_line():
    with pytest.raises(SiteDataError) as e:
        strings("en", "places")["no_such_key"]
    message = str(e.value)
    assert message.startswith("plugins/dienbien/core/data/strings/en.yml:")
    line = int(message.split(":")[1])
    assert (STRINGS_DIR / "en.yml").read_text(encoding="utf-8").splitlines()[line - 1] == "places:"
    assert "no string 'no_such_key'" in message


def test_a_language_without_a_strings_file_says_which_file_to_make():
    with pytest.raises(SiteDataError) as e:
        strings("xx", "places")
    assert "plugins/dienbien/core/data/strings/xx.yml" in str(e.value) and "en.yml" in str(e.value)


def test_the_registry_keeps_the_declared_order_and_default():
    assert LANGUAGES.default == "vi" and LANGUAGES.codes == ("vi", "en") and LANGUAGES.others == ("en",)
    assert FRENCH.complete == ("vi", "en") and FRENCH.names["fr"] == "Français"
    with pytest.raises(ValueError, match="not one of"):
        Languages(FRENCH.languages, "de")
    with pytest.raises(ValueError, match="cannot be pending"):
        Languages((Language("fr", "Français", "fr_FR", pending=True),), "fr")


def test_a_pending_language_reads_the_default_language_where_the_data_has_no_text():
    doc = parse_yaml("label: {vi: Dân số, en: Population}\n", "data/figures/x.yml")
    assert localized(doc, ("label",), doc.data["label"], FRENCH) == {"vi": "Dân số", "en": "Population",
                                                                     "fr": "Dân số"}
    assert filled({"vi": "a", "fr": "b"}, FRENCH) == {"vi": "a", "en": "a", "fr": "b"}
    with pytest.raises(SiteDataError, match="missing the 'en' text"):  # a complete language may not lack it
        doc = parse_yaml("label: {vi: Dân số}\n", "data/figures/x.yml")
        localized(doc, ("label",), doc.data["label"], FRENCH)
