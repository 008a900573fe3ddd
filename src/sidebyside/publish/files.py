"""Files a build publishes besides pages: only kinds we know, only from inside the
course, and pictures without their hidden details (camera, place, names)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sidebyside.publish.gate import GateProblem, check_html

PICTURES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
ALLOWED = PICTURES | {".svg", ".ico", ".md"}
# What a picture may keep: how to show it, nothing about who took it, where or with what.
HARMLESS = {
    "jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "icc_profile", "transparency", "gamma", "duration",
    "loop", "background", "version", "progressive", "progression", "interlace", "aspect", "srgb", "chromaticity",
    "adobe", "adobe_transform", "extension", "blend", "disposal",
}  # fmt: skip


def inside(path: Path, root: Path) -> bool:
    """True when `path`, with every link followed, is inside `root`."""
    return path.resolve().is_relative_to(root.resolve())


def check_file(path: Path, rel: str, root: Path, also_allowed: set[str]) -> None:
    """Raise GateProblem if a file may not be published as it is."""
    if not inside(path, root):
        raise GateProblem(f"{rel} is a link to a file outside the course, so the build stopped. Copy the file into the course instead.")
    if ".git" in Path(rel).parts:
        raise GateProblem(f"{rel} is inside git's own folder and is never published.")
    suffix = path.suffix.lower()
    if rel in also_allowed:
        return
    if suffix not in ALLOWED:
        raise GateProblem(
            f"{rel} cannot be published: only pages (.md) and pictures (.png, .jpg, .gif, .webp, .svg) are. "
            "Remove it from the folder, or ask a maintainer to add it to mkdocs.yml if it is part of the site's design."
        )
    if suffix == ".svg":
        removed = check_html(path.read_text(encoding="utf-8", errors="replace"))
        if removed:
            raise GateProblem(
                f"{rel} has things a picture must not have ({', '.join(r.describe() for r in removed[:5])}), so the build stopped. "
                "Save it again as a plain drawing, or as a PNG."
            )


def without_hidden_details(path: Path, cache: Path) -> tuple[Path, bool]:
    """A copy of a picture with its metadata removed, and whether it had any. Other files as they are."""
    if path.suffix.lower() not in PICTURES:
        return path, False
    from PIL import Image

    data = path.read_bytes()
    try:
        image = Image.open(path)
        image.verify()  # a picture in name only (a web page called .png, say) is not published
        image = Image.open(path)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise GateProblem(
            f"{path.name} is not a picture Side by Side can read, or it is far too large, so the build stopped. "
            "Open it in a picture editor and save it again as PNG or JPEG."
        ) from None
    with image:
        if not _hidden(image):
            return path, False
        cache.mkdir(parents=True, exist_ok=True)
        clean = cache / (hashlib.sha256(data).hexdigest()[:32] + path.suffix.lower())
        if not clean.is_file():
            frames = getattr(image, "n_frames", 1)
            # Pillow writes some details (a JPEG's comment, say) from `info` when it saves.
            image.info = {key: value for key, value in image.info.items() if key in HARMLESS}
            keep: dict[str, object] = {"save_all": True} if frames > 1 else {}
            if image.format == "JPEG":
                keep["quality"] = 95
            image.save(clean, format=image.format, **keep)
    return clean, True


def _hidden(image: Any) -> bool:
    return bool(image.getexif()) or any(key not in HARMLESS for key in image.info)


def has_hidden_details(path: Path) -> bool:
    """Whether a picture carries details beyond how to show it (EXIF, GPS, XMP, comments, text)."""
    if path.suffix.lower() not in PICTURES:
        return False
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return _hidden(image)
    except (OSError, UnidentifiedImageError, ValueError):
        return False
