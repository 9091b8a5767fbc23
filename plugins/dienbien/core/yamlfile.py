"""Load YAML data files keeping the line of every value, for messages that point at it.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys and loses the
positions of values. Editors need both: a duplicated key is a mistake, and a wrong
value must be reported at its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import SiteDataError

Key = tuple[Any, ...]


@dataclass
class YamlDocument:
    """A parsed data file: ``data`` as plain Python, ``lines`` maps a key path to its line."""

    path: str
    data: Any
    lines: dict[Key, int] = field(default_factory=dict)
    raw: dict[Key, str] = field(default_factory=dict)  # each scalar as written, e.g. "310.000"

    def line(self, *key: Any) -> int:
        """Line of the value at ``key`` (or of its nearest recorded parent)."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), 1)

    def error(self, key: Key, message: str, hint: str = "") -> SiteDataError:
        dotted = ".".join(str(k) for k in key)
        return SiteDataError(self.path, self.line(*key), f"{dotted}: {message}" if dotted else message, hint)


# libyaml's parser when PyYAML has it (it does in the PyPI wheels): several times faster,
# and it keeps node positions just the same.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _convert(loader: _Loader, node: yaml.Node, key: Key, lines: dict[Key, int], path: str,
             raw: dict[Key, str]) -> Any:
    lines[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            name = loader.construct_object(key_node, deep=True)
            if name in result:
                first = lines[key + (name,)]
                raise SiteDataError(
                    path,
                    key_node.start_mark.line + 1,
                    f"duplicate key '{name}' (first defined at line {first})",
                    "keep one of them",
                )
            lines[key + (name,)] = key_node.start_mark.line + 1
            result[name] = _convert(loader, value_node, key + (name,), lines, path, raw)
            lines[key + (name,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, key + (i,), lines, path, raw) for i, item in enumerate(node.value)]
    raw[key] = node.value
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as e:  # a date-shaped value that is no date: 2026-02-30, 2026-13-01
        if node.tag.endswith(":timestamp"):
            raise SiteDataError(path, node.start_mark.line + 1, f"{node.value!r} is not a real date ({e})",
                                "write an existing date as YYYY-MM-DD, e.g. 2026-03-08") from e
        raise


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Parse ``text``; ``path`` is what messages call the file."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Key, int] = {}
        raw: dict[Key, str] = {}
        data = _convert(loader, node, (), lines, path, raw) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        problem = e.problem or e.context or "invalid YAML"
        hint = "check the indentation and quotes around this line"
        if "\t" in text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else False:
            problem = "a tab character is used for indentation"
            hint = "YAML only allows spaces: replace the tab with spaces"
        raise SiteDataError(path, line, f"YAML syntax error: {problem}", hint) from e
    except yaml.YAMLError as e:
        raise SiteDataError(path, None, f"YAML error: {e}") from e
    finally:
        loader.dispose()
    return YamlDocument(path=path, data=data, lines=lines, raw=raw)


def load_yaml(path: Path, shown_as: str | None = None) -> YamlDocument:
    """Read and parse a YAML file; ``shown_as`` is the path used in messages."""
    name = shown_as or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise SiteDataError(name, None, "the file is not UTF-8 text", "save it as UTF-8") from e
    return parse_yaml(text, name)
