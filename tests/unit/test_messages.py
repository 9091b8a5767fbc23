"""Editors' messages reach the office in Vietnamese too, with the file and line first."""

from __future__ import annotations

import logging

import pytest

from dienbien.core.messages import ENGLISH, MODE_ENV, install, localize, vietnamese

# Messages as the build prints them (tests/site/test_errors.py makes the build print each one).
REAL = [
    ("content/vi/du-lich/index.md:82: unknown figure key 'tourism_visit_2018'; did you mean 'tourism_visits_2018'? "
     "(figures are defined in data/figures/*.yml)",
     "content/vi/du-lich/index.md:82: không có số liệu nào mang mã 'tourism_visit_2018'; có phải ý bạn là "
     "'tourism_visits_2018'? (các số liệu nằm trong data/figures/*.yml)"),
    ("data/figures/voters_2026.yml:2: voters_2026.value: 429.227 is read as a decimal number, not as 429227; write "
     "429227 without dots (the site adds separators)",
     "data/figures/voters_2026.yml:2: voters_2026.value: 429.227 được hiểu là số thập phân, không phải 429227; ghi "
     "429227 không có dấu chấm (trang web tự thêm dấu phân cách hàng nghìn)"),
    ("data/places.yml:20: places.0.kind: unknown value 'relik'; did you mean 'relic'?",
     "data/places.yml:20: places.0.kind: giá trị 'relik' không hợp lệ; có phải ý bạn là 'relic'?"),
    ("data/events.yml:57: YAML syntax error: no ':' after 'end'; write 'end: ' followed by the value",
     "data/events.yml:57: lỗi cú pháp YAML: thiếu dấu ':' sau 'end'; viết 'end: ' rồi đến giá trị"),
    ("[en] content/en/lich-su/moi.md:1: this page has no Tiếng Việt version (content/vi/lich-su/moi.md); translate "
     "it, or add 'translation: pending' to its front matter to show it to Tiếng Việt readers with a notice",
     "[en] content/en/lich-su/moi.md:1: trang này chưa có bản tiếng Việt (content/vi/lich-su/moi.md); hãy dịch, "
     "hoặc thêm 'translation: pending' vào phần đầu trang (front matter) để bạn đọc tiếng Việt xem trang này kèm "
     "một dòng thông báo"),
    ("content/en/du-lich/index.md:90: image ban.jpg has no alt text; describe what it shows in the page's language: "
     "![Ruộng bậc thang ở Mường Phăng](anh.jpg); a purely decorative image is written ![](anh.jpg){ .decorative }",
     "content/en/du-lich/index.md:90: ảnh ban.jpg chưa có chú thích (alt); mô tả ảnh cho thấy gì, bằng ngôn ngữ của "
     "trang: ![Ruộng bậc thang ở Mường Phăng](anh.jpg); ảnh chỉ để trang trí thì viết ![](anh.jpg){ .decorative }"),
    ("data/events.yml:33: events.0.editions.1.start: '2024-02-30' is not a real date (day is out of range for month)",
     "data/events.yml:33: events.0.editions.1.start: '2024-02-30' không phải một ngày có thật (tháng đó không có "
     "ngày này)"),
    ("content/en/x.md:4: 'Hmong': write 'Mông'", "content/en/x.md:4: 'Hmong': viết là 'Mông' (theo bảng thuật ngữ "
     "data/glossary.yml)"),
]


@pytest.mark.parametrize(("english", "expected"), REAL)
def test_real_messages_read_in_vietnamese_with_file_and_line_first(english, expected):
    assert vietnamese(english) == expected


def test_a_message_with_an_unknown_part_stays_whole_in_english():
    message = "data/x.yml:3: unknown figure key 'a'; something no catalogue knows"
    assert vietnamese(message) is None
    assert localize(message, "vi+en") == message


def test_both_languages_by_default_vietnamese_first(monkeypatch):
    monkeypatch.delenv(MODE_ENV, raising=False)
    english = REAL[0][0]
    assert localize(english).split("\n") == [REAL[0][1], ENGLISH + english]
    assert localize(localize(english)) == localize(english)  # a message forwarded from the English build
    monkeypatch.setenv(MODE_ENV, "vi")
    assert localize(english) == REAL[0][1]
    monkeypatch.setenv(MODE_ENV, "en")
    assert localize(english) == english


def test_several_messages_in_one_error_each_get_their_vietnamese(monkeypatch):
    monkeypatch.delenv(MODE_ENV, raising=False)
    text = "editors' notes in the reading text:\n" + REAL[0][0] + "\n" + REAL[2][0]
    lines = localize(text).split("\n")
    assert lines[0] == "ghi chú của người biên tập lọt vào bài đọc:"
    assert lines[2:] == [REAL[0][1], ENGLISH + REAL[0][0], REAL[2][1], ENGLISH + REAL[2][0]]


def test_the_log_shows_the_vietnamese(monkeypatch):
    monkeypatch.delenv(MODE_ENV, raising=False)
    logger = logging.getLogger("dienbien-test-messages")
    logger.setLevel(logging.INFO)
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    logger.addHandler(Keep())
    install(logger)
    install(logger)  # once per handler
    logger.error("%s", REAL[2][0])
    logger.info("%s", REAL[2][0])  # information is not an editor's mistake
    assert records == [REAL[2][1] + "\n" + ENGLISH + REAL[2][0], REAL[2][0]]
