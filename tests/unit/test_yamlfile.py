from __future__ import annotations

import datetime as dt

import pytest

from dienbien.core.data.yamlfile import parse_yaml
from dienbien.core.errors import SiteDataError
from dienbien.core.messages import vietnamese


def test_lines_of_nested_values():
    doc = parse_yaml("a:\n  b: 1\n  c:\n    - x\n    - y\n", "data/x.yml")
    assert doc.data == {"a": {"b": 1, "c": ["x", "y"]}}
    assert doc.line("a", "b") == 2
    assert doc.line("a", "c", 1) == 5
    assert doc.line("a", "missing") == 1  # falls back to the parent's line


def test_duplicate_key_names_both_lines():
    with pytest.raises(SiteDataError) as e:
        parse_yaml("one: 1\ntwo: 2\none: 3\n", "data/x.yml")
    assert str(e.value).startswith("data/x.yml:3: duplicate key 'one' (first defined at line 1)")


def test_tab_indentation_is_explained():
    with pytest.raises(SiteDataError) as e:
        parse_yaml("a:\n\tb: 1\n", "data/x.yml")
    assert e.value.line == 2
    assert "tab" in str(e.value) and "spaces" in str(e.value)


def test_syntax_error_has_line():
    with pytest.raises(SiteDataError) as e:
        parse_yaml("a: [1, 2\nb: 3\n", "data/x.yml")
    assert str(e.value).startswith("data/x.yml:")
    assert "YAML syntax error" in str(e.value)


# Real typos in a festival edition, as an editor makes them: the message names the line to change
# and what to do, in words an editor knows (and in Vietnamese, see core/messages.py).
EDITION = """events:
  - key: le-hoi-hoa-ban
    type: Festival
    editions:
      - start: 2026-03-10
        time: "20:00"
        title: {vi: Khai mạc, en: Opening}
        sources: [ttxvn]
      - start: 2027-03-10
        end: 2027-03-14
        title: {vi: Lễ hội Hoa Ban 2027, en: Ban Flower Festival 2027}
        sources: [ttxvn]
"""


def _broken(old: str, new: str) -> tuple[str, int]:
    assert old in EDITION
    return EDITION.replace(old, new, 1), EDITION[:EDITION.index(old)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "says"), [
    ("        end: 2027", "       end: 2027", "this line is not indented like the lines of its entry; line 9 above"),
    ("        end: 2027", "          end: 2027", "this line is indented more than line 9 above it"),
    ("      - start: 2027", "    - start: 2027", "this line is not indented like the lines of its entry"),
    ("        end: 2027", "\tend: 2027", "a tab is used to indent this line; YAML only allows spaces"),
    ("        end: 2027", "        end 2027", "no ':' after 'end'; write 'end: ' followed by the value"),
    ("      - start: 2027", "      - start 2027", "no ':' after 'start'"),
    ('        time: "20:00"', '        time: "20:00', 'the quotation mark " opened on this line is never closed'),
    ("        sources: [ttxvn]\n      - start: 2027", "        sources: [ttxvn\n      - start: 2027",
     "the '[' opened on this line is not closed with ']'"),
    ("title: {vi: Khai mạc, en: Opening}", "title: {vi: Khai mạc: đêm đầu, en: Opening}",
     "the '{' opened on this line is not closed with '}'"),
    ("    type: Festival", "    type: Lễ hội: Hoa Ban", "a value on this line contains ': '; put the text in quotes"),
    ("        end: 2027", "        end:2027", "no space after 'end:'"),
    ("      - start: 2027", "      -start: 2027", "a list item starts with '-' and no space"),
])
def test_yaml_typos_point_at_the_line_to_change(old, new, says):
    text, line = _broken(old, new)
    with pytest.raises(SiteDataError) as e:
        parse_yaml(text, "data/events.yml")
    assert e.value.line == line, str(e.value)
    assert says in str(e.value)
    assert "did not find expected" not in str(e.value) and "while parsing" not in str(e.value)
    assert vietnamese(str(e.value)).startswith(f"data/events.yml:{line}: lỗi cú pháp YAML: ")


def test_plain_values_read_as_yaml_1_2_as_the_browser_editor_writes_them():
    """The editor's YAML module is YAML 1.2; the build reads what it writes the same way."""
    doc = parse_yaml('time: 19:30\nquoted: "19:30"\nword: yes\nflag: true\ncount: 010\nday: 2026-03-08\n'
                     'share: 15.96\n', "data/x.yml")
    assert doc.data == {"time": "19:30", "quoted": "19:30", "word": "yes", "flag": True, "count": 10,
                        "day": dt.date(2026, 3, 8), "share": 15.96}
