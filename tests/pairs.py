"""The English address of each Vietnamese page the tests visit, written out (``slug:`` in content/en)."""

from __future__ import annotations

#: Vietnamese site path -> English site path.
EN = {
    "": "en/",
    "404.html": "en/404.html",
    "lich-su/": "en/history/",
    "lich-su/chien-dich-dien-bien-phu/": "en/history/dien-bien-phu-campaign/",
    "lich-su/di-tich/": "en/history/sites/",
    "lich-su/di-tich/doi-a1/": "en/history/sites/hill-a1/",
    "lich-su/di-tich/bao-tang-chien-thang/": "en/history/sites/victory-museum/",
    "lich-su/di-tich/muong-phang/": "en/history/sites/muong-phang-headquarters/",
    "van-hoa/": "en/culture/",
    "van-hoa/dan-toc/": "en/culture/ethnic-groups/",
    "van-hoa/dan-toc/mong/": "en/culture/ethnic-groups/mong/",
    "van-hoa/dan-toc/giay/": "en/culture/ethnic-groups/giay/",
    "du-lich/": "en/travel/",
    "du-lich/le-hoi/": "en/travel/festivals/",
    "du-lich/diem-den/": "en/travel/destinations/",
    "du-lich/diem-den/a-pa-chai/": "en/travel/destinations/a-pa-chai/",
    "du-lich/diem-den/ho-pa-khoang/": "en/travel/destinations/pa-khoang-lake/",
    "nong-nghiep/": "en/agriculture/",
    "phat-trien/": "en/development/",
    "chuyen-di/": "en/plan-your-trip/",
    "chuyen-di/ban-do/": "en/plan-your-trip/map/",
}

#: English site path -> Vietnamese site path.
VI = {en: vi for vi, en in EN.items()}


def both(paths: list[str]) -> list[str]:
    """Each Vietnamese path followed by its English counterpart."""
    return [p for vi in paths for p in (vi, EN[vi])]
