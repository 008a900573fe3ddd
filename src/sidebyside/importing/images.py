"""Images from imported files are saved again without their metadata (camera, names,
GPS position), so nothing private is published with them."""

from __future__ import annotations

from pathlib import Path

SAVE_AS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WEBP"}


def clean_copy(source: Path, target: Path) -> Path:
    """Copy the picture's pixels only (no EXIF, XMP, text chunks or comments) to `target`.

    A format pictures are not kept in on the web (TIFF, BMP, EMF ...) becomes PNG."""
    from PIL import Image

    suffix = target.suffix.lower()
    if suffix not in SAVE_AS:
        target = target.with_suffix(".png")
        suffix = ".png"
    with Image.open(source) as opened:
        opened.load()
        picture: Image.Image = opened
        if SAVE_AS[suffix] == "JPEG" and picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        # A new image holding only the pixels (and the palette): none of the old metadata comes along.
        clean = Image.new(picture.mode, picture.size)
        if picture.mode == "P":
            clean.putpalette(picture.getpalette() or [])
        clean.paste(picture)
        target.parent.mkdir(parents=True, exist_ok=True)
        clean.save(target, SAVE_AS[suffix], **({"quality": 90} if SAVE_AS[suffix] == "JPEG" else {}))
    return target
