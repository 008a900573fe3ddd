"""Files a build publishes besides pages: only kinds we know, only from inside the
course, and pictures without their hidden details (camera, place, names)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sidebyside.publish.gate import GateProblem, check_html

PICTURES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
ALLOWED = PICTURES | {".svg", ".ico", ".md"}
HIDDEN = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "comments", "photoshop", "iptc", "dpi_exif")


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
    with Image.open(path) as image:
        hidden = any(key in image.info for key in HIDDEN) or bool(image.getexif())
        if not hidden:
            return path, False
        cache.mkdir(parents=True, exist_ok=True)
        clean = cache / (hashlib.sha256(data).hexdigest()[:32] + path.suffix.lower())
        if not clean.is_file():
            keep = {"icc_profile": image.info["icc_profile"]} if "icc_profile" in image.info else {}
            if image.format == "JPEG":
                keep["quality"] = 95
            image.save(clean, format=image.format, **keep)
    return clean, True
