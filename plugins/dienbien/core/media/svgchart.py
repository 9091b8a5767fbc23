"""Charts drawn at build time as inline SVG: no JavaScript, no charting library.

Each chart is a ``<figure>`` whose SVG has a title and a description for screen readers,
and whose caption says where the same numbers stand as text.
"""

from __future__ import annotations

from html import escape

ROW = 22  # px per bar
LABEL_W = 120  # px for the category labels
BAR_W = 260  # px for the longest bar
VALUE_W = 70  # px for the value after a bar


def bar_chart(chart_id: str, title: str, description: str, bars: list[tuple[str, float, str]]) -> str:
    """Horizontal bars: ``(label, value, value as written)``, in the order given."""
    top = max(value for _, value, _ in bars) or 1
    height = ROW * len(bars) + 8
    width = LABEL_W + BAR_W + VALUE_W
    rows = []
    for i, (label, value, written) in enumerate(bars):
        y = 4 + i * ROW
        length = max(1.0, BAR_W * value / top)
        rows.append(
            f'<text x="{LABEL_W - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" rx="2"/>'
            f'<text x="{LABEL_W + length + 5:.1f}" y="{y + 15}">{escape(written)}</text>')
    return _figure(chart_id, title, description, width, height, "".join(rows))


def column_chart(chart_id: str, title: str, description: str, columns: list[tuple[str, float, str]]) -> str:
    """Vertical columns over time: ``(x label, value, value as written)``."""
    top = max(value for _, value, _ in columns) or 1
    col_w, gap, plot_h, base = 64, 22, 180, 210
    width = len(columns) * (col_w + gap) + gap
    rows = []
    for i, (label, value, written) in enumerate(columns):
        x = gap + i * (col_w + gap)
        h = max(1.0, plot_h * value / top)
        rows.append(
            f'<rect x="{x}" y="{base - h:.1f}" width="{col_w}" height="{h:.1f}" rx="2"/>'
            f'<text x="{x + col_w / 2}" y="{base - h - 6:.1f}" text-anchor="middle">{escape(written)}</text>'
            f'<text x="{x + col_w / 2}" y="{base + 18}" text-anchor="middle">{escape(label)}</text>')
    return _figure(chart_id, title, description, width, base + 26, "".join(rows))


def _figure(chart_id: str, title: str, description: str, width: int, height: int, body: str) -> str:
    return (f'<figure class="db-chart">\n'
            f'<svg viewBox="0 0 {width} {height}" width="{width}" role="img" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{chart_id}-title">{escape(title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
            f"{body}</svg>\n<figcaption>{escape(title)}. {escape(description)}</figcaption>\n</figure>\n")
