"""The open-data files from the real data: valid against their schemas, complete, the CSV the
same as the JSON, the same bytes on every run."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from dienbien.core.publish import opendata
from dienbien.core.publish.sitedata import load_site_data
from dienbien.core.site.addresses import SLUGS_FILE, page_addresses
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
LANGS = LANGUAGES
URL = "https://dienbien.example.org/"
DOCS = {"vi": URL + "du-lieu-mo/", "en": URL + "en/open-data/"}
NAMES = {"vi": "Điện Biên – Miền Hoa Ban", "en": "Điện Biên – Land of the Ban Flower"}


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data", LANGS, ROOT)


@pytest.fixture(scope="module")
def files(data) -> dict[str, opendata.DataFile]:
    addresses = page_addresses(ROOT / "content", LANGS, LANGS.default, ROOT / "data" / SLUGS_FILE, ROOT)
    made = opendata.data_files(data, addresses, URL, LANGS, DOCS, NAMES, lambda key: f"{URL}q/{key}/")
    return {f.path: f for f in made}


def _rows(file: opendata.DataFile) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(file.content.decode("utf-8"), newline="")))


def test_every_file_is_valid_against_the_schema_beside_it(files):
    for path, file in files.items():
        if not file.schema:
            continue
        schema = json.loads(files[file.schema].content)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        if path.endswith(".csv"):
            rows = _rows(file)
            assert len(rows) == file.records
            for row in rows:
                validator.validate(row)
        else:
            validator.validate(json.loads(file.content))


def test_the_schemas_reject_what_they_should(files):
    schema = json.loads(files["du-lieu/figures.schema.json"].content)
    document = json.loads(files["du-lieu/figures.json"].content)
    figure = document["figures"][0]
    for broken in ({**figure, "value": "310.000"}, {**figure, "label": {"vi": "x"}}, {**figure, "extra": 1},
                   {**figure, "source": {**figure["source"], "date": "8/3/2026"}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**document, "figures": [broken]}, schema, cls=jsonschema.Draft202012Validator)


def test_counts_match_the_loaders(data, files):
    assert files["du-lieu/figures.json"].records == len(data.store.figures)
    assert files["du-lieu/places.geojson"].records == len(data.places.places) == 17
    assert files["events.json"].records == len(data.events.events)
    assert files["du-lieu/ethnic-groups.json"].records == len(data.groups.groups) == 19


def test_figures_csv_is_the_json(data, files):
    figures = json.loads(files["du-lieu/figures.json"].content)["figures"]
    rows = _rows(files["du-lieu/figures.csv"])
    assert [r["key"] for r in rows] == [f["key"] for f in figures] == sorted(data.store.figures)
    for row, figure in zip(rows, figures, strict=True):
        assert Decimal(row["value"]) == data.store.figures[figure["key"]].value == Decimal(str(figure["value"]))
        assert row["unit"] == figure["unit"] and row["approx"] == (figure["approx"] or "")
        for lang in LANGS:
            assert row[f"label_{lang}"] == figure["label"][lang]
            assert row[f"text_{lang}"] == figure["text"][lang]
            assert row[f"source_title_{lang}"] == figure["source"]["title"][lang]
        assert row["source_url"] == (figure["source"]["url"] or "")
        assert row["source_date"] == (figure["source"]["date"] or "")


def test_groups_csv_is_the_json(files):
    groups = json.loads(files["du-lieu/ethnic-groups.json"].content)["groups"]
    rows = _rows(files["du-lieu/ethnic-groups.csv"])
    assert [r["key"] for r in rows] == [g["key"] for g in groups]
    for row, group in zip(rows, groups, strict=True):
        assert float(row["population"]) == group["population"]["value"]
        assert float(row["share_percent"]) == group["share"]["value"]
        assert (row["name_vi"], row["name_en"]) == (group["name"]["vi"], group["name"]["en"])
        assert (row["page_vi"], row["page_en"]) == (group["pages"]["vi"], group["pages"]["en"])


def test_places_have_points_only_where_coordinates_are_sourced(data, files):
    collection = json.loads(files["du-lieu/places.geojson"].content)
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        place = data.places.places[feature["id"]]
        if place.lat is None:
            assert feature["geometry"] is None and feature["properties"]["coordinates_source"] is None
        else:
            assert feature["geometry"] == {"type": "Point", "coordinates": [place.lon, place.lat]}
            assert feature["properties"]["coordinates_source"]["key"] == place.coordinates_source.key
        assert "{{" not in json.dumps(feature, ensure_ascii=False)  # figure tokens are written out
        assert feature["properties"]["short_url"] == f"{URL}q/{place.key}/"
    assert sum(f["geometry"] is not None for f in collection["features"]) == sum(
        p.lat is not None for p in data.places.places.values())


def test_files_are_the_same_bytes_on_every_run(data, files):
    addresses = page_addresses(ROOT / "content", LANGS, LANGS.default, ROOT / "data" / SLUGS_FILE, ROOT)
    again = opendata.data_files(data, addresses, URL, LANGS, DOCS, NAMES, lambda key: f"{URL}q/{key}/")
    assert {f.path: f.content for f in again} == {p: f.content for p, f in files.items()}


@pytest.mark.parametrize(("size", "vi", "en"), [(999, "999 B", "999 B"), (12345, "12,3 kB", "12.3 kB"),
                                                (2000, "2 kB", "2 kB"), (1234567, "1.234,6 kB", "1,234.6 kB")])
def test_sizes_read_in_each_language(size, vi, en):
    assert opendata.size_text(size, "vi") == vi
    assert opendata.size_text(size, "en") == en
