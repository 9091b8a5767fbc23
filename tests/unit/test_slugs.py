from __future__ import annotations

import pytest

from dienbien.core.markdown.slugs import fold_vietnamese, slugify


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Đồi A1", "doi-a1"),
        ("Điện Biên Phủ", "dien-bien-phu"),
        ("Mường Ảng – cà phê Arabica", "muong-ang-ca-phe-arabica"),
        ("Ẳng Tở, Ẳng Nưa", "ang-to-ang-nua"),
        ("Hill A1 (Eliane 2)", "hill-a1-eliane-2"),
    ],
)
def test_vietnamese_headings_keep_their_letters(heading, slug):
    assert slugify(heading, "-") == slug


def test_fold_keeps_case_and_maps_d_with_stroke():
    assert fold_vietnamese("Đèo Pha Đin") == "Deo Pha Din"
