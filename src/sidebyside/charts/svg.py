"""Draw a laid-out chart as inline SVG: text stays text, colours come from classes.

Only plain SVG elements are used (svg, title, desc, g, line, polyline, circle, rect,
polygon, text), with no scripts, styles, links or foreign objects, so it passes any
sanitiser that allows simple SVG.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from sidebyside.charts.layout import Layout, Line, Marker, Path, Text
from sidebyside.charts.palette import BACKGROUND, colour


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def marker(m: Marker) -> str:
    """A point's shape: circle (ordinary), square (shift), triangle (trend), diamond (unusual)."""
    s, x, y = m.size, m.x, m.y
    cls = f'class="sbs-c-{m.shape}"'
    if m.shape == "point":
        return (
            f'<circle {cls} cx="{_f(x)}" cy="{_f(y)}" r="{_f(s * 0.8)}" fill="{BACKGROUND}" stroke="{colour("point")}" stroke-width="2"/>'
        )
    fill = f'fill="{colour(m.shape)}" stroke="{colour(m.shape)}" stroke-width="1"'
    if m.shape == "shift":
        side = s * 1.6
        return f'<rect {cls} x="{_f(x - side / 2)}" y="{_f(y - side / 2)}" width="{_f(side)}" height="{_f(side)}" {fill}/>'
    if m.shape in ("trend-up", "trend-down"):
        h = s * 1.1
        tip = -h if m.shape == "trend-up" else h
        points = f"{_f(x)},{_f(y + tip)} {_f(x - h)},{_f(y - tip * 0.8)} {_f(x + h)},{_f(y - tip * 0.8)}"
        return f'<polygon {cls} points="{points}" {fill}/>'
    r = s * 1.25
    points = f"{_f(x)},{_f(y - r)} {_f(x + r)},{_f(y)} {_f(x)},{_f(y + r)} {_f(x - r)},{_f(y)}"
    return f'<polygon {cls} points="{points}" {fill}/>'


def _shape(shape: Line | Path | Marker | Text) -> str:
    if isinstance(shape, Line):
        dash = ' stroke-dasharray="6 4"' if shape.dashed else ""
        width = {"grid": 1, "axis": 1.5, "median": 2.5, "change": 2}.get(shape.role, 2)
        return (
            f'<line class="sbs-c-{shape.role}" x1="{_f(shape.x1)}" y1="{_f(shape.y1)}" x2="{_f(shape.x2)}" y2="{_f(shape.y2)}" '
            f'stroke="{colour(shape.role)}" stroke-width="{width}"{dash}/>'
        )
    if isinstance(shape, Path):
        points = " ".join(f"{_f(x)},{_f(y)}" for x, y in shape.points)
        return f'<polyline class="sbs-c-{shape.role}" points="{points}" fill="none" stroke="{colour(shape.role)}" stroke-width="2"/>'
    if isinstance(shape, Marker):
        return marker(shape)
    weight = ' font-weight="bold"' if shape.bold else ""
    return (
        f'<text class="sbs-c-{shape.role}" x="{_f(shape.x)}" y="{_f(shape.y)}" text-anchor="{shape.anchor}" '
        f'font-size="{shape.size}" fill="{colour(shape.role)}"{weight}>{escape(shape.text)}</text>'
    )


def to_svg(layout: Layout, title: str, description: str, ident: str) -> str:
    """The chart as one <svg> element, named by its <title> and described by its <desc>."""
    body = "".join(_shape(s) for s in layout.shapes)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sbs-chart-svg" viewBox="0 0 {layout.width} {layout.height}" '
        f'width="{layout.width}" height="{layout.height}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="sans-serif">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
        f"<g>{body}</g></svg>"
    )


def standalone(layout: Layout, title: str, description: str) -> str:
    """The chart as an .svg file (for slides or downloads), on a white background."""
    svg = to_svg(layout, title, description, "chart")
    background = f'<rect x="0" y="0" width="{layout.width}" height="{layout.height}" fill="{BACKGROUND}"/>'
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg.replace("<g>", background + "<g>", 1)
