"""`sidebyside new course DIR`: a whole course folder that builds straight away.

The files come from data/course_template: a mkdocs.yml whose every setting a trust
changes is explained in plain words, pages to fill in (home, contact, contributing,
accessibility statement, trainers) and a first module.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from pathlib import Path

from sidebyside.new import NewFileProblem

TEMPLATE = "data/course_template"


def _template_files() -> list[tuple[str, str]]:
    """Every file of the template, as (path inside the course, text)."""
    root = Path(str(files("sidebyside").joinpath(TEMPLATE)))
    return [(p.relative_to(root).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(root.rglob("*")) if p.is_file()]


def _next_year(today: dt.date) -> dt.date:
    return today.replace(year=today.year + 1, day=28 if (today.month, today.day) == (2, 29) else today.day)


def new_course(folder: Path, name: str, today: dt.date) -> list[Path]:
    """Write the course into `folder` (new or empty); returns the files written."""
    if folder.exists() and not folder.is_dir():
        raise NewFileProblem(f"{folder} is a file. Give the name of a new folder, for example: sidebyside new course my-course")
    if folder.is_dir() and any(p for p in folder.iterdir() if p.name != ".git"):
        raise NewFileProblem(f"{folder} already has files in it. Give the name of a new or empty folder, so nothing is overwritten.")
    name = " ".join(name.split()) or "Our course"
    if any(c in name for c in "\"'\\:#{}[]"):
        raise NewFileProblem("Keep the course name to letters, numbers and spaces, for example --title 'Working Together'.")
    values = {"__COURSE_NAME__": name, "__TODAY__": today.isoformat(), "__NEXT_REVIEW__": _next_year(today).isoformat()}
    written = []
    for rel, text in _template_files():
        for token, value in values.items():
            text = text.replace(token, value)
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
