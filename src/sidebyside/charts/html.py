"""A run chart as HTML: a figure with the SVG, the plain-English reading, and the numbers."""

from __future__ import annotations

import hashlib
from html import escape

from sidebyside.charts import describe, table
from sidebyside.charts.layout import lay_out
from sidebyside.charts.reading import Reading
from sidebyside.charts.svg import to_svg


def ident_for(text: str, taken: set[str]) -> str:
    """An id for the chart's title and description that no other chart on the page has."""
    base = "sbs-chart-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    ident, count = base, 1
    while ident in taken:
        count += 1
        ident = f"{base}-{count}"
    taken.add(ident)
    return ident


def figure(reading: Reading, ident: str) -> str:
    """The chart, what it shows in words (author caption or our reading), and a table of its numbers."""
    chart = reading.chart
    description = describe.description(reading)
    svg = to_svg(lay_out(reading), chart.title, description, ident)
    shown = chart.caption or describe.caption(reading)
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headings(reading))
    body = "".join(
        f'<tr><th scope="row">{escape(r[0])}</th>' + "".join(f"<td>{escape(c)}</td>" for c in r[1:]) + "</tr>" for r in table.rows(reading)
    )
    return (
        f'<figure class="sbs-chart" id="{ident}">'
        f'<p class="sbs-chart-title"><strong>{escape(chart.title)}</strong></p>'
        f'<div class="sbs-chart-picture">{svg}</div>'
        f"<figcaption>{escape(shown)}</figcaption>"
        f'<details class="sbs-chart-data"><summary>The numbers in this chart, as a table</summary>'
        f'<div class="sbs-chart-table"><table><caption>{escape(chart.title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>"
        f"</figure>"
    )


def problem_note(message: str) -> str:
    """Shown in place of a chart that cannot be drawn (only when checks are turned off)."""
    return f'<p class="sbs-chart-problem"><strong>This chart could not be drawn.</strong> {escape(message)}</p>'
