"""Read handouts back: text per page, font sizes, and the PDF's accessibility structure."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import pikepdf
from pypdf import PdfReader


def page_texts(pdf: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(pdf)).pages]


def all_text(pdf: Path) -> str:
    return " ".join(page_texts(pdf))


def font_sizes(pdf: Path) -> list[tuple[float, str]]:
    """(size in points, after scaling; text) for every piece of text drawn."""
    sizes: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip():
            return
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        sizes.append((round(size * math.hypot(c, d), 2), text.strip()))

    for page in PdfReader(str(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def link_uris(pdf: Path, page_index: int = 0) -> list[str]:
    with pikepdf.open(pdf) as document:
        page = document.pages[page_index]
        uris = []
        for annot in page.obj.get("/Annots", []):
            action = annot.get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
        return uris


def outline_titles(pdf: Path) -> list[str]:
    with pikepdf.open(pdf) as document, document.open_outline() as outline:
        titles: list[str] = []

        def walk(items: list) -> None:
            for item in items:
                titles.append(str(item.title))
                walk(item.children)

        walk(outline.root)
        return titles


def page_image(pdf: Path, page: int, out: Path, dpi: int = 40) -> Path:
    """Page `page` (from 1) as a greyscale PNG, made by poppler's pdftoppm."""
    prefix = out / f"{pdf.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(prefix)], check=True
    )
    return prefix.with_suffix(".png")
