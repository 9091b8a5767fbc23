"""The key-facts box of a group or place page: labelled rows and the sources behind them."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..data.figures import Source
from ..data.formatting import source_html
from ..markdown.slugs import slugify


def facts_box(heading: str, rows: Iterable[tuple[str, str]], sources: Iterable[Source], sources_label: str,
              lang: str) -> str:
    """``rows`` are ``(label, value HTML)``; values may hold ``{{ fig.KEY }}`` tokens."""
    anchor = slugify(heading)
    facts = "\n".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    cited = "".join(f"<li>{source_html(s, lang)}</li>" for s in sources)
    return (f'<aside class="db-facts" aria-labelledby="{anchor}">\n'
            f'<h2 id="{anchor}">{heading}</h2>\n<dl>\n{facts}\n</dl>\n'
            f'<details data-search-exclude><summary>{sources_label}</summary><ul>{cited}</ul></details>\n'
            '</aside>\n\n')
