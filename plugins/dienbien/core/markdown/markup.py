"""Figure tokens in Markdown: ``{{ fig.voters_2026 }}``.

Editors write ``{{ fig.KEY }}`` where a figure belongs. :func:`replace_figure_tokens`
swaps each token for the figure written in the page's language, followed by a
numbered reference to the "Sources of figures" list that :class:`FigureCitations`
appends to the page. Tokens inside code (``` `…` ``` spans and fenced blocks) are
left alone, so the editor guide can show the syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ..data.figures import Figure, FigureStore
from ..data.formatting import figure_html, format_figure, source_html
from ..data.mdlines import lines_outside_fences
from ..data.uistrings import strings

TOKEN = re.compile(r"\{\{\s*fig\.([^\s}]*)\s*\}\}")
BLOCK = re.compile(r"\{\{\s*block\.([^\s}]*)\s*\}\}")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


def _outside_code(line: str, token: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> str:
    """Apply ``replace`` to tokens of ``line`` that are not inside a code span."""
    out, pos = [], 0
    for span in _CODE_SPAN.finditer(line):
        out.append(token.sub(replace, line[pos:span.start()]))
        out.append(span.group(0))
        pos = span.end()
    out.append(token.sub(replace, line[pos:]))
    return "".join(out)


def replace_figure_tokens(markdown: str, render: Callable[[str, int], str], first_line: int = 1) -> str:
    """Replace every ``{{ fig.KEY }}`` outside code with ``render(KEY, line_number)``.

    ``first_line`` is the source line of the first line of ``markdown`` (front matter
    shifts it), so that ``render`` can report errors at the editor's line.
    """
    return replace_tokens(markdown, TOKEN, render, first_line)


def replace_tokens(markdown: str, token: re.Pattern[str], render: Callable[[str, int], str],
                   first_line: int = 1) -> str:
    """Replace every match of ``token`` outside code with ``render(group 1, line_number)``."""
    lines = markdown.split("\n")
    for i in lines_outside_fences(lines):
        if "{{" in lines[i]:
            number = first_line + i
            lines[i] = _outside_code(lines[i], token, lambda m, n=number: render(m.group(1), n))
    return "\n".join(lines)


class FigureCitations:
    """Renders the figures of one page and the numbered list of their sources."""

    def __init__(self, store: FigureStore, lang: str, path: str):
        self.store = store
        self.lang = lang
        self.path = path
        self.cited: list[Figure] = []

    def render(self, key: str, line: int) -> str:
        figure = self.store.get(key, self.path, line)
        if figure not in self.cited:
            self.cited.append(figure)
        n = self.cited.index(figure) + 1
        label = strings(self.lang, "markup")["ref"].format(n=n)
        return (f'{figure_html(figure, self.lang)}<sup class="dbf-ref">'
                f'<a href="#figure-source-{n}" aria-label="{escape(label)}">[{n}]</a></sup>')

    def sources_html(self) -> str:
        """The "Sources of figures" section, or ``""`` when the page cites none."""
        if not self.cited:
            return ""
        text = strings(self.lang, "markup")
        items = []
        for n, figure in enumerate(self.cited, 1):
            items.append(
                f'<li id="figure-source-{n}"><strong>{escape(figure.label[self.lang])}</strong>: '
                f"{escape(format_figure(figure, self.lang))}"
                + (f" ({escape(figure.period[self.lang])})" if figure.period else "")
                + f". {source_html(figure.source, self.lang)}.</li>"
            )
        # data-search-exclude: the search index (fetched by every page) carries prose, not citations.
        # The list folds away (a phone reader scrolls past it); a marker's link opens it, as
        # browsers open a closed <details> that holds the target of a link.
        show = text["show"].format(n=len(self.cited)) if len(self.cited) > 1 else text["show_one"]
        return (f'\n\n<section class="dbf-sources" aria-labelledby="figure-sources" data-search-exclude>\n'
                f'<h2 id="figure-sources">{text["heading"]}</h2>\n<details><summary>{escape(show)}</summary>\n'
                f'<ol>\n' + "\n".join(items) + "\n</ol>\n</details>\n</section>\n")
