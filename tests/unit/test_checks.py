from __future__ import annotations

import pytest

from dienbien.core.checks import hardcoded_statistics


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
