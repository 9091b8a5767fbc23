"""Charts of figures over time (``data/charts.yml``): each names figure keys in order."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..data.figures import FigureStore
from ..data.formatting import format_figure
from ..data.schema import check_keys, localized, mapping, references, text
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..errors import display_path
from ..media.svgchart import column_chart


@dataclass(frozen=True)
class Chart:
    key: str
    title: dict[str, str]
    note: dict[str, str] | None
    figures: tuple[str, ...]
    x_labels: dict[str, str]


def load_charts(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> dict[str, Chart]:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the charts file")
    check_keys(doc, (), data, {"charts"}, set())
    charts = {}
    for key, entry in mapping(doc, ("charts",), data["charts"], "charts by key").items():
        k = ("charts", key)
        entry = mapping(doc, k, entry, "a chart")
        check_keys(doc, k, entry, {"title", "figures", "x_labels"}, {"note"})
        figures = references(doc, k + ("figures",), entry["figures"], store.figures, "figure",
                             "figures are defined in data/figures/*.yml")
        labels = mapping(doc, k + ("x_labels",), entry["x_labels"], "a label per figure key")
        for f in figures:
            if f not in labels:
                raise doc.error(k + ("x_labels",), f"no x label for '{f}'", f'add {f}: "2024"')
        charts[key] = Chart(key, localized(doc, k + ("title",), entry["title"], languages),
                            localized(doc, k + ("note",), entry["note"], languages) if entry.get("note") else None,
                            tuple(figures), {f: text(doc, k + ("x_labels", f), labels[f]) for f in figures})
    return charts


def chart_markdown(chart: Chart, store: FigureStore, lang: str) -> str:
    """The SVG chart, then its figures as a cited list (the chart's text alternative)."""
    columns = [(chart.x_labels[f], float(store.figures[f].value),
                format_figure(store.figures[f], lang)) for f in chart.figures]
    note = chart.note[lang] + " " if chart.note else ""
    svg = column_chart(f"chart-{chart.key}", chart.title[lang], note + strings(lang, "charts")["note"], columns)
    items = "\n".join(f"- {escape(chart.x_labels[f])}: {{{{ fig.{f} }}}}" for f in chart.figures)
    return f"{svg}\n{items}\n"
