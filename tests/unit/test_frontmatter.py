from __future__ import annotations

import pytest

from dienbien.core.errors import SiteDataError
from dienbien.core.markdown.frontmatter import check_front_matter


def test_known_keys_pass():
    check_front_matter("---\ntitle: A\ndescription: B\nhide:\n  - toc\ntranslation: pending\n---\n# A\n", "p.md")
    check_front_matter("# No front matter\n", "p.md")


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("---\ntitle: A\ndescripton: B\n---\n", 3, "descripton: unknown field; did you mean 'description'?"),
        ("---\ntranslation: later\n---\n", 2, "translation: unknown value 'later'"),
        ("---\nhide: toc\n---\n", 2, "hide: expected a list"),
        ("---\ntitle: 2026\n---\n", 2, 'title: expected text, got int 2026; put it in quotes: "2026"'),
        ("---\ntitle: [a\n---\n", 2, "YAML syntax error: the '[' opened on this line"),
    ],
    ids=["misspelt-key", "bad-translation", "hide-not-list", "number-title", "bad-yaml"],
)
def test_mistakes_name_the_line(source, line, message):
    with pytest.raises(SiteDataError) as e:
        check_front_matter(source, "content/vi/p.md")
    assert str(e.value).startswith(f"content/vi/p.md:{line}: ")
    assert message in str(e.value)
