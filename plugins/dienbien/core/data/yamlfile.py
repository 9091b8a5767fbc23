"""Load YAML data files keeping the line of every value, for messages that point at it.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys and loses the
positions of values. Editors need both: a duplicated key is a mistake, and a wrong
value must be reported at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import SiteDataError

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
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BOOL, _INT, _FLOAT = (f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float"))


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader reading plain values as YAML 1.2 does, and as the browser editor writes them
    (its YAML module is YAML 1.2): ``19:30`` is a text, not the number 1170 (YAML 1.1's base 60);
    ``yes``, ``no``, ``on`` and ``off`` are words, only ``true`` and ``false`` are true and false;
    ``010`` is ten. Dates stay dates (``2026-03-08``), as the loaders expect."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL, _INT, _FLOAT)]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    _FLOAT, re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                       r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"), list("-+0123456789."))
_Loader.add_constructor(_INT, lambda loader, node: int(loader.construct_scalar(node), 10))


def safe_load(text: str) -> Any:
    """Plain data from YAML text, read as :func:`parse_yaml` reads it (without line numbers)."""
    return yaml.load(text, Loader=_Loader)


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
        raise syntax_error(text, e, path) from e
    except yaml.YAMLError as e:
        raise SiteDataError(path, None, f"YAML error: {e}") from e
    finally:
        loader.dispose()
    return YamlDocument(path=path, data=data, lines=lines, raw=raw)


# -- what a YAML syntax error means in an editor's words ---------------------------------

def _content(line: str) -> str:
    """The line without its indentation and list dashes: ``"  - start: 1"`` → ``"start: 1"``."""
    return re.sub(r"^(?:- +|-$)*", "", line.strip())


def _column(line: str) -> int:
    """Where the line's content starts, counting list dashes as indentation."""
    return len(line) - len(_content(line)) if line.strip() else 0


def _open_quote(line: str) -> str | None:
    """The quotation mark a value opens on this line and does not close, if any."""
    value = re.sub(r"^[^:]*:\s+", "", _content(line), count=1) if ": " in line else _content(line)
    for quote in ('"', "'"):
        if value.startswith(quote):
            body = value[1:].replace("\\\\", "").replace('\\"', "") if quote == '"' else value[1:].replace("''", "")
            if quote not in body:
                return quote
    return None


def _missing_colon(line: str) -> str | None:
    """The name on a line that reads ``name value`` with no colon, e.g. ``title Lễ hội``."""
    content = _content(line)
    match = re.match(r"^([a-z_][a-z0-9_]*)\s+\S", content)
    if match and not re.search(r":(\s|$)", content.split("#")[0]):
        return match.group(1)
    return None


def _gets_further(lines: list[str], index: int, replacement: str, at: int) -> bool:
    """Whether the file with line ``index`` replaced reads without error, or fails later than ``at``."""
    try:
        yaml.load("\n".join([*lines[:index], replacement, *lines[index + 1:]]), Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        return e.problem_mark is not None and e.problem_mark.line > at
    except yaml.YAMLError:
        return False
    return True


def syntax_error(text: str, error: yaml.MarkedYAMLError, path: str, first_line: int = 1) -> SiteDataError:
    """A :class:`SiteDataError` at the line the editor most likely has to change, saying what to do.

    The parser notices a mistake where it can no longer go on, often a line or more after it (an
    unclosed quote ends at the next quote; a missing ``:`` shows on the next line). ``first_line``
    is the file line of the first line of ``text`` (front matter starts on line 2).
    """
    lines = text.splitlines() or [""]
    problem, context = error.problem_mark, error.context_mark
    at = min(problem.line if problem else len(lines) - 1, len(lines) - 1)
    since = context.line if context and context.line <= at else max(at - 1, 0)
    what = (error.problem or error.context or "").strip()

    def fail(index: int, message: str, hint: str) -> SiteDataError:
        return SiteDataError(path, index + first_line, f"YAML syntax error: {message}", hint)

    def previous(index: int) -> int | None:
        for i in range(index - 1, -1, -1):
            if lines[i].strip() and not lines[i].lstrip().startswith("#"):
                return i
        return None

    for i in range(since, at + 1):
        indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
        if "\t" in indent or (i == at and "tab" in what):
            return fail(i, "a tab is used to indent this line", "YAML only allows spaces: replace the tab with spaces")
    for i in range(since, at + 1):
        quote = _open_quote(lines[i])
        if quote and _gets_further(lines, i, lines[i].rstrip() + quote, at):
            return fail(i, f"the quotation mark {quote} opened on this line is never closed",
                        f"add the closing {quote} at the end of the text on this line")
    if "flow sequence" in (error.context or "") or "flow mapping" in (error.context or ""):
        opened, closed = ("[", "]") if "sequence" in error.context else ("{", "}")
        return fail(since, f"the '{opened}' opened on this line is not closed with '{closed}'",
                    f"close it with '{closed}' on the same line; put a text that contains ',' or ': ' "
                    'in quotes, e.g. "Điện Biên: miền hoa ban"')
    def no_colon(index: int | None) -> SiteDataError | None:
        name = _missing_colon(lines[index]) if index is not None else None
        if name and _gets_further(lines, index, lines[index].replace(f"{name} ", f"{name}: ", 1), at):
            return fail(index, f"no ':' after '{name}'", f"write '{name}: ' followed by the value")
        return None

    squeezed = re.match(r"^([a-z_][a-z0-9_]*):\S", _content(lines[since]))
    if "could not find expected ':'" in what:
        if squeezed:
            return fail(since, f"no space after '{squeezed.group(1)}:'",
                        f"write '{squeezed.group(1)}: ' with a space before the value")
        return no_colon(since) or fail(since, "this line has no ':' between the name and the value",
                                        "write 'name: value'")
    if "mapping values are not allowed" in what:
        before = previous(at)
        found = no_colon(at) or (no_colon(before) if before is not None
                                 and _column(lines[at]) >= _column(lines[before]) else None)
        if found:
            return found
        if before is not None and _column(lines[at]) > _column(lines[before]) \
                and not lines[before].rstrip().endswith(":"):
            return fail(at, f"this line is indented more than line {before + first_line} above it",
                        f"start it in the same column as line {before + first_line} "
                        f"({_column(lines[before])} spaces), or under the name it belongs to")
        return fail(at, "a value on this line contains ': '",
                    'put the text in quotes, e.g. title: "Điện Biên: miền hoa ban"')
    if "expected key" in what or "'-' indicator" in what or "expected <block end>" in what:
        before = previous(at)
        if re.match(r"^-[^\s-]", lines[at].lstrip()):
            return fail(at, "a list item starts with '-' and no space", "write '- ' (a dash, then a space)")
        if before is not None and _column(lines[at]) != _column(lines[before]):
            hint = (f"line {before + first_line} above starts at column {_column(lines[before]) + 1}, this one "
                    f"at column {_column(lines[at]) + 1}: the lines of one entry start in the same column "
                    "(spaces only)")
        else:
            hint = "the lines of one entry start in the same column (spaces only)"
        return fail(at, "this line is not indented like the lines of its entry", hint)
    return fail(at, what or "the file cannot be read", "check the indentation and the quotes around this line")


def load_yaml(path: Path, shown_as: str | None = None) -> YamlDocument:
    """Read and parse a YAML file; ``shown_as`` is the path used in messages."""
    name = shown_as or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise SiteDataError(name, None, "the file is not UTF-8 text", "save it as UTF-8") from e
    return parse_yaml(text, name)
