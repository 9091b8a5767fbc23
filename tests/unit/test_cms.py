"""The browser editor's forms follow the loaders, and the data files are as the editor writes them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from dienbien.core.data.figures import FIGURE_FIELDS, source_fields
from dienbien.core.publish.cms import cms_config, data_file_orders

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("vi", "en")


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
