from __future__ import annotations

import pytest

from dienbien.core.markdown.checks import article_words, figure_problems, hardcoded_statistics, image_problems


@pytest.mark.parametrize(
    "text",
    ["Tỉnh đón hơn 310.000 lượt khách.", "The index rose 15.96% in two months.", "Diện tích 4.500 ha.",
     "a capacity of 738,8 MW", "revenue of VND 3,321 billion", "over 2,500 soldiers", "It is 32 km long.",
     "Mông 38,12 dân số", "541 steps"],
)
def test_finds_typed_statistics(text):
    assert hardcoded_statistics(text), text


@pytest.mark.parametrize(
    "text",
    ["Ngày 13/3/1954, lúc 17:30, đồi A1.", "QL6 và QL279 đến năm 2025.", "Quyết định 703/QĐ-SHTT, số 00150.",
     "Lễ hội lần thứ 6 (2019).", "Thế kỷ 11–12.", "Tỉnh đón {{ fig.tourist_visits_2026_jan_feb }}.",
     "`{{ fig.x }} 4.500 ha` in code", "[link](https://example.org/a-4.500-ha)", "{{ block.months }}",
     "22–25 tháng Hai âm lịch", "Đợt 2 từ 30/3 đến 26/4/1954"],
)
def test_passes_dates_names_and_tokens(text):
    assert hardcoded_statistics(text) == [], text


def test_reports_source_lines_after_front_matter():
    markdown = "---\ndescription: 12 km\n---\n# T\n\nfine\n\n12 km here\n"
    assert hardcoded_statistics(markdown) == [(8, "12 km")]


def test_sources_section_quotes_titles():
    markdown = "# T\n\n## Nguồn\n\n- VnEconomy, *Điện Biên cần đạt tăng trưởng 11% năm 2026*\n\n## Next\n\n11% here\n"
    assert hardcoded_statistics(markdown) == [(9, "11%")]


def test_a_typed_img_tag_is_refused_as_the_build_refuses_it(tmp_path):
    page = tmp_path / "content/vi/a.md"
    page.parent.mkdir(parents=True)
    markdown = "# A\n\n<img src=\"anh/x.jpg\" alt=\"X\">\n\n![](anh/y.jpg)\n\n![Y](anh/khong-co.jpg)\n"
    found = image_problems(markdown, page, "content/vi/a.md", tmp_path / "content", tmp_path)
    assert [line for line, _ in found] == [3, 5, 7]
    assert "<img src=\"anh/x.jpg\"> is not processed for phones" in found[0][1]
    assert "image anh/y.jpg has no alt text" in found[1][1]
    assert "there is no file content/vi/anh/khong-co.jpg" in found[2][1]


def test_unknown_figure_keys_at_the_editors_line(real_store):
    markdown = "# T\n\n{{ block.events }}\n\nHơn {{ fig.no_such_figure }}.\n`{{ fig.in_code }}`\n"
    errors = figure_problems(markdown, "content/vi/t.md", real_store, first_line=4)
    assert [(e.path, e.line) for e in errors] == [("content/vi/t.md", 8)]
    assert "unknown figure key 'no_such_figure'" in str(errors[0])


def test_article_words_leave_out_sources_and_anchors():
    html = ('<html><body><nav>menu words</nav><article><h1>Hai chữ<a class="headerlink">¶</a></h1>'
            '<p>một hai ba<br>bốn</p><section class="dbf-sources"><p>nguồn không tính</p></section>'
            '<div class="db-facts"><p>năm</p><details><p>không tính</p></details></div></article></body></html>')
    assert article_words(html) == 7
    assert article_words("<html><body><p>redirect</p></body></html>") is None
