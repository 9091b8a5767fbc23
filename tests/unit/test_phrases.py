"""Editors' notes never reach a visitor: the phrase list, the reading text, and where a phrase
came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from dienbien.core.errors import SiteDataError
from dienbien.core.markdown.phrases import load_phrases, locate, reading_text
from sitelanguages import LANGUAGES

PHRASES = """\
vi:
  - phrase: độ tin cậy
    instead: bỏ nhãn độ tin cậy
en:
  - phrase: unverified
    instead: state what is known
  - phrase: data/
    instead: do not name the site's files
  - phrase: our sources do not
    instead: say what is known
"""


def phrases(tmp_path: Path, text: str = PHRASES):
    (tmp_path / "phrases.yml").write_text(text, encoding="utf-8")
    return load_phrases(tmp_path / "phrases.yml", tmp_path, LANGUAGES)


def test_finds_phrases_in_reading_text_whatever_the_case(tmp_path):
    found = phrases(tmp_path)
    html = "<p>Con số này có <em>Độ  tin cậy</em> thấp.</p><script>var unverified = 1</script>"
    assert [p.phrase for p in found.find(reading_text(html), "vi")] == ["độ tin cậy"]
    assert found.find(reading_text(html), "en") == []  # each language its own list; scripts are not read
    assert [p.line for p in found.find("Unverified. See data/places.yml", "en")] == [5, 7]
    assert found.find(reading_text('<a href="/data/x.json">Open data</a><code>data/</code>'), "en") == []


PAGES = [
    "<p>Con số này có <em>Độ  tin cậy</em> thấp.</p>",
    "<p>Con số này có độ <strong>tin</strong>\ncậy thấp.</p>",
    "<p>Độ tin c<b>ậ</b>y</p>",  # a word split by markup is not the word
    "<p>&#272;&#7897; tin c&#7853;y</p>",  # written as character references
    "<p>Độ tin</p><pre>cậy</pre>",
    "<script>var x = 'độ tin cậy'</script><p>Khác</p>",
    '<a title="độ tin cậy" href="#">Khác</a>',
    "<p>Unverified</p><p>See data/x.yml</p>",
    "<p>UNVERIFIED &amp; <code>data/</code></p>",
    "<p>Nothing here</p>",
    "<p>Ask y<b>our sources</b> do not wait</p>",  # the phrase ends and begins inside longer words
    "<p>our sources<span title='x > y'> do</span>\n not</p>",
    "<p>our sources<code>x</code>do not</p>",  # code is not read: 'sources' and 'do' meet
    "<p>four sources do note</p>",
    "<p>our sourcesdo not</p>",
    "<p>Our sources are the province's: they do not say</p>",
]


@pytest.mark.parametrize("html", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_pages_phrases_are_those_of_its_reading_text(tmp_path, html, lang):
    """find_in_page looks at the HTML first and takes it apart only when a phrase may be there."""
    found = phrases(tmp_path)
    assert found.find_in_page(html, lang) == found.find(reading_text(html), lang)


def test_the_pages_with_a_phrase_are_found(tmp_path):
    found = phrases(tmp_path)
    assert [p.phrase for p in found.find_in_page(PAGES[1], "vi")] == ["độ tin cậy"]
    assert [p.phrase for p in found.find_in_page(PAGES[3], "vi")] == ["độ tin cậy"]
    assert [p.phrase for p in found.find_in_page(PAGES[7], "en")] == ["unverified", "data/"]
    assert found.find_in_page(PAGES[2], "vi") == found.find_in_page(PAGES[5], "vi") == []


def test_locates_the_line_that_produced_a_phrase():
    sources = [("content/vi/a.md", "# A\n\nfine\n"), ("data/places.yml", "x:\n  vi: Chưa xác minh\n")]
    assert locate("chưa xác minh", sources) == ("data/places.yml", 2)
    assert locate("nowhere", sources) is None


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [("vi:\n  - phrase: x\n", 2, "missing field 'instead'"),
     ("fr:\n  - {phrase: x, instead: y}\n", 1, "fr: unknown field"),
     ("vi: độ tin cậy\n", 1, "expected a list of entries")],
)
def test_bad_phrase_list_names_its_line(tmp_path, text, line, message):
    with pytest.raises(SiteDataError) as error:
        phrases(tmp_path, text)
    assert str(error.value).startswith(f"phrases.yml:{line}:") and message in str(error.value), str(error.value)
