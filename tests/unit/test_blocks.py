"""The registry of page blocks: every name an editor may write renders or fails at its line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dienbien.core.errors import SiteDataError
from dienbien.core.publish.sitedata import load_site_data
from dienbien.pages.blocks import BLOCKS, FAMILIES, BlockPage, block_names, render_block
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data", LANGUAGES, ROOT)


def page(data, **changes) -> BlockPage:
    base = BlockPage(src="chuyen-di/index.md", lang="en", shown="content/en/trip.md", line=7, data=data,
                     link=lambda to: f"link:{to}", place_link=lambda key: f"place:{key}",
                     page_path=lambda src: "/" + src.removesuffix("index.md"), published=None, plan=None)
    return dataclasses.replace(base, **changes)


def error(name: str, where: BlockPage) -> SiteDataError:
    with pytest.raises(SiteDataError) as raised:
        render_block(name, where)
    return raised.value


def test_the_list_of_blocks_names_every_registered_block_and_each_family_s_keys(data):
    names = block_names(data)
    assert [n for n in names if n in BLOCKS] == list(BLOCKS)
    assert "event.KEY" in names
    assert {"places.relic", "places.destination", "open_data.files", "practical.road"} <= set(names)
    assert {f"chart.{key}" for key in data.charts} <= set(names)
    assert set(FAMILIES) == {"places.", "event.", "open_data.", "practical.", "chart."}


def test_an_unknown_block_is_named_at_its_line_with_the_list(data):
    message = str(error("month", page(data)))
    assert message.startswith("content/en/trip.md:7: unknown block 'month'")
    assert "blocks are: ethnic_groups_table, ethnic_groups_chart," in message
    assert "places.relic" in message and "event.KEY" in message


def test_an_unknown_key_of_a_family_gets_the_family_s_own_message(data):
    assert "unknown chart 'nope'; charts are defined in data/charts.yml: " in str(error("chart.nope", page(data)))
    assert "unknown event 'nope'; events in data/events.yml: le-hoi-hoa-ban" in str(error("event.nope", page(data)))
    assert "unknown practical topic 'nope'; topics are: " in str(error("practical.nope", page(data)))
    assert "unknown block 'places.nope'; blocks are: " in str(error("places.nope", page(data)))


def test_a_block_whose_data_file_is_missing_says_which_file(data):
    where = page(dataclasses.replace(data, months=None))
    assert str(error("months", where)).startswith(
        "content/en/trip.md:7: block 'months' needs data/months.yml, which does not exist")


def test_plan_belongs_on_a_place_page_only(data):
    assert "belongs on the page of a relic site or destination" in str(error("plan", page(data)))
    assert render_block("plan", page(data, plan=lambda: "PLAN")) == "PLAN"


def test_named_blocks_render_from_the_real_data(data):
    months = render_block("months", page(data))
    assert "| " in months or "<table" in months
    relics = render_block("places.relic", page(data))
    assert "link:lich-su/di-tich/doi-a1.md" in relics
