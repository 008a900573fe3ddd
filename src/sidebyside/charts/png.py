"""Draw a laid-out chart as a PNG with Pillow, for slides and anywhere SVG cannot go.

Same shapes and colours as the SVG, drawn at `scale` times the size so it stays sharp
on a projector.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from sidebyside.charts.layout import Layout, Line, Marker, Path, Text
from sidebyside.charts.palette import BACKGROUND, colour


@cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _dashed(draw: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float], fill: str, width: int, dash: float) -> None:
    length = ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 or 1
    step = 0.0
    while step < length:
        end = min(step + dash * 1.5, length)
        start_point = (a[0] + (b[0] - a[0]) * step / length, a[1] + (b[1] - a[1]) * step / length)
        end_point = (a[0] + (b[0] - a[0]) * end / length, a[1] + (b[1] - a[1]) * end / length)
        draw.line([start_point, end_point], fill=fill, width=width)
        step += dash * 2.5


def _marker(draw: ImageDraw.ImageDraw, m: Marker, k: float) -> None:
    x, y, s = m.x * k, m.y * k, m.size * k
    if m.shape == "point":
        r = s * 0.8
        draw.ellipse([x - r, y - r, x + r, y + r], fill=BACKGROUND, outline=colour("point"), width=max(1, round(2 * k)))
        return
    fill = colour(m.shape)
    if m.shape == "shift":
        half = s * 0.8
        draw.rectangle([x - half, y - half, x + half, y + half], fill=fill)
    elif m.shape in ("trend-up", "trend-down"):
        h = s * 1.1
        tip = -h if m.shape == "trend-up" else h
        draw.polygon([(x, y + tip), (x - h, y - tip * 0.8), (x + h, y - tip * 0.8)], fill=fill)
    else:
        r = s * 1.25
        draw.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill=fill)


def to_png(layout: Layout, scale: float = 3.0) -> bytes:
    """PNG bytes of the chart on white, `scale` times its SVG size (3 is sharp on slides)."""
    k = scale
    image = Image.new("RGB", (round(layout.width * k), round(layout.height * k)), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for shape in layout.shapes:
        if isinstance(shape, Line):
            width = max(1, round({"grid": 1, "axis": 1.5, "median": 2.5, "change": 2}.get(shape.role, 2) * k))
            a, b = (shape.x1 * k, shape.y1 * k), (shape.x2 * k, shape.y2 * k)
            if shape.dashed:
                _dashed(draw, a, b, colour(shape.role), width, 4 * k)
            else:
                draw.line([a, b], fill=colour(shape.role), width=width)
        elif isinstance(shape, Path):
            draw.line([(x * k, y * k) for x, y in shape.points], fill=colour(shape.role), width=round(2 * k), joint="curve")
        elif isinstance(shape, Marker):
            _marker(draw, shape, k)
        elif isinstance(shape, Text):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text(
                (shape.x * k, shape.y * k),
                shape.text,
                fill=colour(shape.role),
                font=_font(round(shape.size * k), shape.bold),
                anchor=anchor,
            )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
