from __future__ import annotations

import pytest

from dienbien.core.errors import SiteDataError
from dienbien.core.yamlfile import parse_yaml


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
