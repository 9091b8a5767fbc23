from __future__ import annotations

import xml.etree.ElementTree as ET

from dienbien.core.media.svgchart import bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(html: str) -> ET.Element:
    svg = html[html.index("<svg"): html.index("</svg>") + 6]
    return ET.fromstring(svg)


def test_bar_lengths_are_proportional_and_labelled():
    svg = parse(bar_chart("c", "Tỷ lệ", "mô tả", [("Mông", 38.12, "38,12%"), ("Thái", 19.06, "19,06%")]))
    widths = [float(r.get("width")) for r in svg.iter(SVG + "rect")]
    assert widths[0] == 2 * widths[1]
    texts = [t.text for t in svg.iter(SVG + "text")]
    assert texts == ["Mông", "38,12%", "Thái", "19,06%"]
    assert svg.get("role") == "img" and svg.find(SVG + "title").text == "Tỷ lệ"


def test_labels_are_escaped():
    html = column_chart("c", "<b>", "d", [("<x>", 1.0, "1 & 2")])
    assert "<b>" not in html and "&lt;b&gt;" in html and "&lt;x&gt;" in html
    parse(html)  # well-formed despite the markup characters
