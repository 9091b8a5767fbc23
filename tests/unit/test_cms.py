"""The browser editor's forms follow the loaders, and the data files are as the editor writes them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dienbien.core.data.figures import FIGURE_FIELDS, source_fields
from dienbien.core.domain.visiting import PLACE_FIELDS, PLACES_DIR, SHARED_FIELDS, SHARED_FILE, TRIP_FIELDS, TRIP_FILE
from dienbien.core.errors import SiteDataError
from dienbien.core.publish.cms import backend_settings, cms_config, data_file_orders
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def test_the_forms_have_exactly_the_fields_the_loaders_accept():
    config = cms_config(ROOT / "data", LANGUAGES, local=False)
    figure = {f["name"] for f in collection(config, "figures")["fields"]}
    assert figure == set().union(*FIGURE_FIELDS)
    source = {f["name"] for f in collection(config, "sources")["fields"]}
    assert source == set().union(*source_fields(LANGUAGES))
    required = {f["name"] for f in collection(config, "figures")["fields"] if f.get("required", True)}
    assert required == FIGURE_FIELDS[0]


def test_every_unit_and_only_units_are_choices():
    config = cms_config(ROOT / "data", LANGUAGES, local=False)
    unit = next(f for f in collection(config, "figures")["fields"] if f["name"] == "unit")
    units = yaml.safe_load((ROOT / "data/units.yml").read_text(encoding="utf-8"))
    assert sorted(unit["options"]) == sorted(units)


def test_production_never_asks_the_local_proxy_and_edit_does():
    assert "local_backend" not in cms_config(ROOT / "data", LANGUAGES, local=False)
    local = cms_config(ROOT / "data", LANGUAGES, local=True)
    assert local["local_backend"]["url"].startswith("http://127.0.0.1:")
    assert local["locale"] == "vi" and local["publish_mode"] == "editorial_workflow"


def test_every_file_the_editor_edits_is_as_it_writes_it():
    config = cms_config(ROOT / "data", LANGUAGES, local=False)
    assert len(data_file_orders(config, ROOT)) > 400
    result = subprocess.run([sys.executable, str(ROOT / "tools/cms.py"), "--check"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_are_edited_per_language_at_the_same_path_and_english_needs_its_address():
    config = cms_config(ROOT / "data", LANGUAGES, local=False)
    for lang in LANGUAGES:
        pages = collection(config, f"pages_{lang}")
        assert pages["folder"] == f"content/{lang}" and pages["create"] is True
        assert pages["meta"]["path"]["index_file"] == "index"  # a new page is <path>/index.md in each language
        fields = {f["name"]: f for f in pages["fields"]}
        assert {"title", "description", "translation", "body"} <= set(fields)
        if lang == "vi":
            assert "slug" not in fields  # Vietnamese addresses are the file's path
        else:
            assert fields["slug"].get("required", True) and fields["slug"]["pattern"][0] == "^[a-z0-9-]*$"
    assert config["slug"]["encoding"] == "ascii" and config["slug"]["clean_accents"] is True


def _fields(field: dict) -> dict:
    return {f["name"]: f for f in field["fields"]}


def test_the_practical_facts_forms_have_the_loaders_fields_and_rules():
    config = cms_config(ROOT / "data", LANGUAGES, local=False)
    visiting = collection(config, "visiting")
    assert visiting["folder"] == f"data/visiting/{PLACES_DIR}" and visiting["slug"] == "{{place}}"
    place = _fields(visiting)
    assert list(place) == ["place", "getting_there", "hours", "shared_price", "price", "time_needed", "on_site",
                           "shared_on_site"]
    assert set(place) == {"place", *PLACE_FIELDS, *SHARED_FIELDS}
    places = yaml.safe_load((ROOT / "data/places.yml").read_text(encoding="utf-8"))["places"]
    assert [o["value"] for o in place["place"]["options"]] == [p["key"] for p in places]
    assert place["hours"]["max"] == 1 and place["price"]["max"] == 1  # one of each, as the loader allows
    # the shared entries are chosen from data/visiting/shared.yml by key
    files = {f["name"]: f for f in collection(config, "data")["files"]}
    assert files["visiting_shared"]["file"] == f"data/visiting/{SHARED_FILE}"
    assert (place["shared_price"]["file"], place["shared_price"]["value_field"]) == ("visiting_shared", "prices.*.key")
    assert place["shared_on_site"]["multiple"] and place["shared_on_site"]["value_field"] == "facts.*.key"
    shared = _fields(files["visiting_shared"])
    assert set(_fields(shared["prices"])) == {"key", "about", "tickets", "note", "source", "checked"}
    assert set(_fields(shared["facts"])) == {"key", "about", *LANGUAGES, "source", "checked"}
    assert files["visiting_trip"]["file"] == f"data/visiting/{TRIP_FILE}"
    assert [f["name"] for f in files["visiting_trip"]["fields"]] == list(TRIP_FIELDS)
    # every fact: a text in each language (required), its source chosen among the sources, a date at its precision
    fact = _fields(place["getting_there"])
    assert [name for name in fact if name in LANGUAGES] == list(LANGUAGES)
    assert all(fact[lang].get("required", True) for lang in LANGUAGES)
    assert fact["source"]["widget"] == "relation" and fact["source"]["collection"] == "sources"
    checked = re.compile(fact["checked"]["pattern"][0])
    assert all(checked.match(d) for d in ("2026-03-08", "2024-04", "2024"))
    assert not any(checked.match(d) for d in ("April 2024", "8/3/2026", "2024-4"))
    hours = _fields(place["hours"])
    period = _fields(hours["periods"])
    opens = re.compile(period["open"]["pattern"][0])
    assert opens.match("07:00") and opens.match("19:30") and not opens.match("7h") and not opens.match("24:00")
    assert hours["note"].get("required") is False  # optional: its texts are not required either
    assert all(f.get("required") is False for f in hours["note"]["fields"])
    ticket = _fields(_fields(place["price"])["tickets"])
    assert ticket["vnd"]["widget"] == "number" and ticket["vnd"]["value_type"] == "int" and ticket["vnd"]["min"] == 0


def test_the_live_editor_s_repository_comes_from_mkdocs_yml_and_is_checked():
    settings = backend_settings({"repo": "tourism-office/dien-bien", "auth_endpoint": "api/auth"}, "mkdocs.yml")
    config = cms_config(ROOT / "data", LANGUAGES, local=False, backend=settings)
    assert config["backend"] == {"name": "github", "repo": "tourism-office/dien-bien", "branch": "main",
                                 "auth_endpoint": "api/auth"}
    assert backend_settings(None, "mkdocs.yml") == {}
    for bad, words in (({"repo": "dien-bien"}, "is not OWNER/NAME"), ({"rep": "a/b"}, "unknown setting 'rep'"),
                       ({"repo": 5}, "every setting is a text"), ("a/b", "expected settings")):
        with pytest.raises(SiteDataError, match=words):
            backend_settings(bad, "mkdocs.yml")
