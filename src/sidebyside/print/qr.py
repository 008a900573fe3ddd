"""QR codes as inline SVG, so a handout leads back to its web page. Made locally by segno."""

from __future__ import annotations

import segno


def qr_svg(address: str, size_mm: float = 28) -> str:
    """An inline SVG QR code for `address`, about `size_mm` wide."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True)
    return svg.replace("<svg ", f'<svg width="{size_mm}mm" height="{size_mm}mm" role="img" aria-hidden="true" ', 1)
