"""Loading, validating and formatting figures: the core, without MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest
from records import write_records

from dienbien.core.data.figures import load_figure_store
from dienbien.core.data.formatting import figure_html, format_date, format_figure, source_html
from dienbien.core.errors import SiteDataError
from dienbien.core.markdown.markup import FigureCitations, replace_figure_tokens
from sitelanguages import LANGUAGES

UNITS = """\
percent: {vi: "{n}%", en: "{n}%"}
vnd_billion: {vi: "{n} tỷ đồng", en: "VND {n} billion"}
visits: {vi: "{n} lượt khách", en: {one: "{n} visit", other: "{n} visits"}}
"""
SOURCES = """\
ttxvn:
  publisher: TTXVN
  title: Bài viết
  title_en: Article
  date: 2026-03-08
"""
FIGURES = """\
growth:
  value: 15.96
  unit: percent
  label: {vi: Tăng trưởng, en: Growth}
  period: {vi: 2 tháng đầu năm 2026, en: Jan–Feb 2026}
  source: ttxvn
investment:
  value: 2484
  approx: over
  unit: vnd_billion
  label: {vi: Vốn đầu tư, en: Investment}
  period: {vi: 2 tháng đầu năm 2026, en: Jan–Feb 2026}
  source: ttxvn
visits:
  value: 310000
  approx: over
  unit: visits
  label: {vi: Lượt khách, en: Visits}
  period: {vi: 2 tháng đầu năm 2026, en: Jan–Feb 2026}
  source: ttxvn
"""


def make_data(tmp_path: Path, figures: str = FIGURES, sources: str = SOURCES, units: str = UNITS) -> Path:
    data = tmp_path / "data"
    (data / "figures").mkdir(parents=True)
    (data / "sources").mkdir()
    (data / "units.yml").write_text(units, encoding="utf-8")
    write_records(data / "sources", sources)
    write_records(data / "figures", figures)
    return data


def store(tmp_path: Path, **files: str):
    return load_figure_store(make_data(tmp_path, **files), LANGUAGES, tmp_path)


@pytest.mark.parametrize(
    ("key", "vi", "en"),
    [
        ("growth", "15,96%", "15.96%"),
        ("investment", "hơn 2.484 tỷ đồng", "over VND 2,484 billion"),
        ("visits", "hơn 310.000 lượt khách", "over 310,000 visits"),
    ],
)
def test_formats_for_each_language(tmp_path, key, vi, en):
    figures = store(tmp_path).figures
    assert format_figure(figures[key], "vi") == vi
    assert format_figure(figures[key], "en") == en


def test_dates_per_language():
    import datetime as dt

    assert format_date(dt.date(2026, 3, 8), "vi") == "8/3/2026"
    assert format_date(dt.date(2026, 3, 8), "en") == "8 March 2026"


def test_html_in_data_is_refused_and_unit_markup_is_escaped(tmp_path):
    figures = FIGURES.replace("label: {vi: Tăng trưởng, en: Growth}",
                              'label: {vi: "<img src=x onerror=alert(1)>", en: Growth}')
    with pytest.raises(SiteDataError) as e:
        store(tmp_path, figures=figures)
    assert "HTML is not allowed here" in str(e.value) and str(e.value).startswith("data/figures/growth.yml:4: ")
    units = UNITS.replace('percent: {vi: "{n}%"', 'percent: {vi: "{n}<script>x</script>%"')
    html = figure_html(store(tmp_path / "2", units=units).figures["growth"], "vi")
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("figures", "where", "message"),
    [
        (FIGURES.replace("value: 15.96", "value: 'hơn 15'"), "growth.yml:2", "value: expected a number, got 'hơn 15'"),
        (FIGURES.replace("unit: percent", "unit: percnt"), "growth.yml:3",
         "unknown unit key 'percnt'; did you mean 'percent'?"),
        (FIGURES.replace("source: ttxvn\ninvestment", "source: ttxnv\ninvestment"), "growth.yml:6",
         "unknown source key 'ttxnv'; did you mean 'ttxvn'?"),
        (FIGURES.replace("label: {vi: Tăng trưởng, en: Growth}", "label: {vi: Tăng trưởng}"), "growth.yml:4",
         "label: missing the 'en' text"),
        (FIGURES.replace("approx: over\n  unit: vnd", "approx: more\n  unit: vnd"), "investment.yml:3",
         "unknown approx 'more'"),
        (FIGURES.replace("  unit: percent\n", "  unit: percent\n  colour: red\n"), "growth.yml:4",
         "colour: unknown field"),
        (FIGURES.replace("  unit: percent\n", "  unit: percent\n  unit: visits\n"), "growth.yml:4",
         "duplicate key 'unit'"),
        (FIGURES + "growth2:\n  value: 1\n", "growth2.yml:1", "missing field 'label'"),
    ],
    ids=["text-value", "unit-typo", "source-typo", "missing-language", "bad-approx", "unknown-field", "duplicate",
         "missing-field"],
)
def test_bad_figures_name_file_and_line(tmp_path, figures, where, message):
    with pytest.raises(SiteDataError) as e:
        store(tmp_path, figures=figures)
    assert str(e.value).startswith(f"data/figures/{where}: ")
    assert message in str(e.value)


def test_a_key_defined_twice_names_both_files(tmp_path):
    data = make_data(tmp_path)
    (data / "figures" / "copy.yml").write_text((data / "figures" / "growth.yml").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    with pytest.raises(SiteDataError) as e:
        load_figure_store(data, LANGUAGES, tmp_path)
    assert str(e.value).startswith("data/figures/growth.yml:1: key: figure 'growth' is already defined at "
                                   "data/figures/copy.yml:1")


def test_optional_fields_left_empty_by_the_editor_count_as_absent(tmp_path):
    figures = FIGURES.replace("  source: ttxvn\ninvestment:", "  approx:\n  source: ttxvn\ninvestment:", 1)
    figures = figures.replace("  period: {vi: 2 tháng đầu năm 2026, en: Jan–Feb 2026}\n  source: ttxvn\nvisits:",
                              "  period: {vi: '', en: ''}\n  source: ttxvn\nvisits:")
    figs = store(tmp_path, figures=figures).figures
    assert figs["growth"].approx is None and figs["investment"].period is None


def test_unknown_key_in_page_suggests_nearest(tmp_path):
    citations = FigureCitations(store(tmp_path), "vi", "content/vi/a.md")
    with pytest.raises(SiteDataError) as e:
        replace_figure_tokens("# A\n\ntext\nvốn {{ fig.investmnt }}\n", citations.render, first_line=4)
    assert str(e.value) == ("content/vi/a.md:7: unknown figure key 'investmnt'; did you mean 'investment'? "
                            "(figures are defined in data/figures/*.yml)")


def test_tokens_in_code_are_left_alone(tmp_path):
    citations = FigureCitations(store(tmp_path), "en", "a.md")
    markdown = "Write `{{ fig.nope }}` here.\n\n```\n{{ fig.nope }}\n```\n\nGrowth {{ fig.growth }}."
    out = replace_figure_tokens(markdown, citations.render)
    assert "`{{ fig.nope }}`" in out and "\n{{ fig.nope }}\n" in out
    assert '<data value="15.96">15.96</data>%' in out


def test_citations_number_each_figure_once(tmp_path):
    citations = FigureCitations(store(tmp_path), "vi", "a.md")
    out = replace_figure_tokens("{{fig.growth}} {{ fig.visits }} {{ fig.growth }}", citations.render)
    assert out.count('href="#figure-source-1"') == 2 and out.count('href="#figure-source-2"') == 1
    sources = citations.sources_html()
    assert "Nguồn số liệu" in sources and '<time datetime="2026-03-08">8/3/2026</time>' in sources
    assert sources.count("<li") == 2


def test_code_fences_hide_tokens_links_and_images_alike():
    from dienbien.core.markdown.links import find_links
    from dienbien.core.markdown.markup import replace_figure_tokens
    from dienbien.core.media.images import find_images

    markdown = "````\n```\n{{ fig.a }} [x](a.md) ![y](a.jpg)\n```\n````\n{{ fig.b }} [x](b.md) ![y](b.jpg)\n"
    seen = []
    replace_figure_tokens(markdown, lambda key, line: seen.append((key, line)) or key, first_line=10)
    assert seen == [("b", 15)]
    assert find_links(markdown, 10) == [(15, "b.md"), (15, "b.jpg")]  # an image path is checked like a link
    assert [(image.line, image.src) for image in find_images(markdown, 10)] == [(15, "b.jpg")]


def test_a_publisher_may_have_a_name_per_language(tmp_path):
    sources = SOURCES.replace("  publisher: TTXVN\n",
                              "  publisher: TTXVN (Thông tấn xã Việt Nam)\n"
                              "  publisher_en: Vietnam News Agency (TTXVN)\n")
    source = store(tmp_path, sources=sources).sources["ttxvn"]
    assert source.publisher_in("en") == "Vietnam News Agency (TTXVN)"
    assert source.publisher_in("vi") == source.publisher == "TTXVN (Thông tấn xã Việt Nam)"
    assert source_html(source, "en").startswith("Vietnam News Agency (TTXVN), <cite>")
