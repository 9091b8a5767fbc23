"""One form for each name: the glossary check finds variants in pages and data texts with
their file and line, and allows the common alternative in brackets at first mention."""

from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.markdown.glossary import check_data, check_markdown, load_glossary, variants_in
from sitelanguages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "data" / "glossary.yml", ROOT, LANGUAGES)


@pytest.mark.parametrize(
    ("lang", "line", "found"),
    [("en", "The Hmong live on the ridges.", ["Hmong"]),
     ("en", "Beside highway QL279 in phường Điện Biên Phủ.", ["QL279", "phường"]),
     ("en", "The Black Tai and White Tai villages.", ["Black Tai", "White Tai"]),
     ("en", "A relic site beside Pá Khoang lake, in ban flower season.",
      ["relic site", "Pá Khoang lake", "ban flower"]),
     ("vi", "Hầm tướng De Castries, văn hoá Thái.", ["De Castries", "hoá"]),
     ("vi", "Ngữ hệ H'Mông – Dao.", ["H'Mông", "H'Mông – Dao"])],
)
def test_flags_variants(glossary, lang, line, found):
    assert [f for f, _ in variants_in(line, glossary[lang])] == found


@pytest.mark.parametrize(
    ("lang", "line"),
    [("en", "The Mông (Hmong) are the largest group."),
     ("en", "Thành Bản Phủ, the Ban flower, National Highway 279, Điện Biên Phủ ward."),
     ("en", "See [the page](https://example.org/hmong-relic-site) and `QL279`."),
     ("en", "Figure and attribute names are not text: {{ fig.hmong_share }} *Mông*{ lang=\"hmn\" }"),
     ("vi", "Đờ Cát-xtơ-ri, văn hóa, thủy lợi, người Mông.")],
)
def test_allows_preferred_forms_first_mentions_links_and_code(glossary, lang, line):
    assert variants_in(line, glossary[lang]) == []


def test_markdown_lines_and_sources_section(glossary):
    markdown = "# T\n\nThe Hmong.\n\n```\nHmong\n```\n\n## Sources\n\n- *Hmong culture*, a title\n"
    assert [(f.line, f.found) for f in check_markdown(markdown, "p.md", glossary["en"])] == [(3, "Hmong")]


def test_data_texts_of_one_language(tmp_path, glossary):
    (tmp_path / "d.yml").write_text("a:\n  vi: người Hmông\n  en: the Hmong\nb: Hmong\n", encoding="utf-8")
    assert [(f.line, f.found) for f in check_data(tmp_path / "d.yml", "d.yml", "en", glossary["en"])] == [(3, "Hmong")]
    assert [(f.line, f.found) for f in check_data(tmp_path / "d.yml", "d.yml", "vi", glossary["vi"])] == [
        (2, "Hmông")]
