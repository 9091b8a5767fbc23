"""JSON-LD nodes from the data, without MkDocs: a place's own type plus TouristAttraction,
coordinates only where the data has them, breadcrumbs in order, products without prices."""

from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.data.figures import load_figure_store
from dienbien.core.domain.places import Place
from dienbien.core.errors import SiteDataError
from dienbien.core.site.structured_data import (
    breadcrumb,
    load_products,
    place_node,
    product_nodes,
    web_page,
)
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


def place(**changes) -> Place:
    fields = dict(key="ho-pa-khoang", kind="destination", type="LakeBodyOfWater",
                  name={"vi": "Hồ Pá Khoang", "en": "Pa Khoang Lake"}, other_names=("Pa Khoang",),
                  what={"vi": "Hồ nhân tạo", "en": "A reservoir"}, where={"vi": "Pá Khoang", "en": "Pá Khoang"},
                  lat=None, lon=None, coordinates_source=None, see=(), visit=None, figures=(), sources=(), line=1)
    fields.update(changes)
    return Place(**fields)


def test_place_has_its_type_and_tourist_attraction_and_no_made_up_geo():
    node = place_node(place(), "en", "https://x.org/en/p/")
    assert node["@type"] == ["LakeBodyOfWater", "TouristAttraction"]
    assert node["name"] == "Pa Khoang Lake" and node["alternateName"] == ["Pa Khoang"]
    assert "geo" not in node and "address" not in node
    located = place_node(place(type="TouristAttraction", lat=22.4, lon=102.14), "vi", "https://x.org/p/")
    assert located["@type"] == "TouristAttraction"
    assert located["geo"] == {"@type": "GeoCoordinates", "latitude": 22.4, "longitude": 102.14}


def test_web_page_carries_language_and_breadcrumb():
    trail = [("Trang chủ", "https://x.org/"), ("Du lịch", "https://x.org/du-lich/"),
             ("Lễ hội", "https://x.org/du-lich/le-hoi/")]
    page = web_page("Lễ hội", trail[-1][1], "vi", trail, "https://x.org/")
    assert page["inLanguage"] == "vi" and page["breadcrumb"] == breadcrumb(trail)
    assert [i["position"] for i in page["breadcrumb"]["itemListElement"]] == [1, 2, 3]
    assert "mainEntity" not in page


def test_real_products_have_no_prices_or_reviews():
    store = load_figure_store(ROOT / "data", LANGUAGES, ROOT)
    products = load_products(ROOT / "data/products.yml", ROOT, LANGUAGES, store)
    nodes = product_nodes(products, "vi", "https://x.org/nong-nghiep/")
    assert {n["name"] for n in nodes} == {"Cà phê Arabica Mường Ảng", "Mắc ca Tuần Giáo"}
    assert nodes[0]["url"] == "https://x.org/nong-nghiep/#ca-phe-arabica-muong-ang"
    assert not {"offers", "review", "aggregateRating"} & {k for n in nodes for k in n}


def test_product_mistakes_name_the_line(tmp_path):
    text = (ROOT / "data/products.yml").read_text(encoding="utf-8").replace("    page: nong-nghiep/index.md",
                                                                          "    page: nong-nghiep/", 1)
    (tmp_path / "products.yml").write_text(text, encoding="utf-8")
    store = load_figure_store(ROOT / "data", LANGUAGES, ROOT)
    with pytest.raises(SiteDataError) as err:
        load_products(tmp_path / "products.yml", tmp_path, LANGUAGES, store)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row == "    page: nong-nghiep/")
    assert (err.value.path, err.value.line) == ("products.yml", line)
    assert "expected the page's path in content/<lang>/" in str(err.value)
