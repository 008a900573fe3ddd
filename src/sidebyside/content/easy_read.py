"""Easy Read versions of modules: `modules/<nn>-<slug>/easy-read.md`, written by people.

The format is made to be hard to get wrong. After the front matter, the text is a list
of parts separated by blank lines. Each part starts with a picture line, then has one
short sentence on each line:

    picture: wave
    Welcome to the course.
    We are glad you are here.

`picture: NAME` picks a built-in picture (see `sidebyside.content.pictures`);
`picture: my-photo.png "What the photo shows"` uses an image in the module's folder,
with its text alternative in quotes. A line starting `## ` is a heading for the parts
after it. Loading keeps the line of every picture and sentence, so the checks can
point at them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from sidebyside.content.frontmatter import read_document
from sidebyside.content.model import Person
from sidebyside.content.pictures import catalogue
from sidebyside.content.schema import EASY_READ, validate
from sidebyside.findings import Finding, error

FILE_NAME = "easy-read.md"
PICTURE_LINE = re.compile(r'^picture:\s*(?P<name>[^\s"]+)\s*(?:"(?P<alt>[^"]*)")?\s*$', re.I)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"}


@dataclass(frozen=True)
class Picture:
    """A picture beside a part: built in (`path` is the engine's file) or the course's own."""

    name: str
    alt: str
    path: Path
    built_in: bool
    line: int


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int


@dataclass
class EasyReadPart:
    """One idea: a picture and one or more short sentences."""

    line: int
    picture: Picture | None
    sentences: list[Sentence] = field(default_factory=list)
    heading: str = ""  # a heading that comes just before this part
    picture_line: bool = False  # it starts with a picture line (which may have had a mistake, already reported)


@dataclass
class EasyRead:
    """The Easy Read version of one module."""

    path: Path
    rel: str
    title: str
    module_version: str  # the version of the main module it was written from
    owner: str
    last_reviewed: dt.date
    next_review: dt.date
    parts: list[EasyReadPart]
    body: str
    body_line: int
    co_produced_with: list[Person] = field(default_factory=list)
    tested_with: list[Person] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def tested(self) -> bool:
        """Easy Read is checked by testing it with people with a learning disability."""
        return bool(self.tested_with)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for part in self.parts for s in part.sentences]

    @property
    def pictures(self) -> list[Picture]:
        return [part.picture for part in self.parts if part.picture is not None]


def load_easy_read(path: Path, root: Path) -> tuple[EasyRead | None, list[Finding]]:
    """Read an Easy Read file; its mistakes become findings with file and line."""
    doc = read_document(path, root)
    if not doc.ok:
        return None, doc.findings
    data, findings = validate(doc.meta, EASY_READ, doc.rel)
    if findings:
        return None, findings
    parts, problems = parse_parts(doc.body, doc.body_line, doc.rel, path.parent)
    if not parts and not problems:
        problems.append(
            error(
                doc.rel,
                doc.body_line,
                "easy-read-empty",
                "This Easy Read file has no text yet.",
                "Add parts: a line `picture: NAME`, then one short sentence on each line. Leave a blank line between parts.",
            )
        )
    easy = EasyRead(
        path=path,
        rel=doc.rel,
        title=data["title"],
        module_version=data["module_version"],
        owner=data["owner"],
        last_reviewed=data["last_reviewed"],
        next_review=data["next_review"],
        parts=parts,
        body=doc.body,
        body_line=doc.body_line,
        co_produced_with=[Person(**p) for p in data.get("co_produced_with", [])],
        tested_with=[Person(**p) for p in data.get("tested_with", [])],
        lines=dict(doc.meta.lines),
    )
    return easy, problems


def parse_parts(body: str, first_line: int, rel: str, folder: Path) -> tuple[list[EasyReadPart], list[Finding]]:
    """Split the text into parts: a picture line, then sentences, one a line."""
    parts: list[EasyReadPart] = []
    findings: list[Finding] = []
    heading = ""
    current: EasyReadPart | None = None
    for number, raw in enumerate(body.splitlines(), start=first_line):
        line = raw.strip()
        if not line:
            current = None
            continue
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            current = None
            continue
        match = PICTURE_LINE.match(line)
        if match:
            if current is not None and current.sentences:
                findings.append(
                    error(
                        rel,
                        number,
                        "easy-read-layout",
                        "A picture line is in the middle of a part.",
                        "Leave a blank line before `picture:`, so the picture starts a new part.",
                        "Each part is one picture and the sentences that go with it.",
                    )
                )
            picture, problem = _picture(match.group("name"), match.group("alt"), number, rel, folder)
            if problem is not None:
                findings.append(problem)
            current = EasyReadPart(number, picture, heading=heading, picture_line=True)
            heading = ""
            parts.append(current)
            continue
        if current is None:
            current = EasyReadPart(number, None, heading=heading)
            heading = ""
            parts.append(current)
        current.sentences.append(Sentence(line, number))
    return parts, findings


def _picture(name: str, alt: str | None, line: int, rel: str, folder: Path) -> tuple[Picture | None, Finding | None]:
    built_in = catalogue()
    if Path(name).suffix.lower() not in IMAGE_SUFFIXES:
        known = built_in.get(name.lower())
        if known is not None:
            return Picture(known.name, (alt or "").strip() or known.alt, known.path, True, line), None
        close = difflib.get_close_matches(name.lower(), list(built_in), n=1, cutoff=0.6)
        hint = f"Did you mean `{close[0]}`? " if close else ""
        return None, error(
            rel,
            line,
            "easy-read-picture-name",
            f"There is no picture called `{name}`.",
            f"{hint}The pictures you can use are listed in reference/easy-read.md. "
            'To use your own image, put it in this folder and write `picture: my-image.png "What it shows"`.',
        )
    image = (folder / name).resolve()
    if not image.is_relative_to(folder.resolve()) or not image.is_file():
        return None, error(
            rel,
            line,
            "easy-read-picture-missing",
            f"The image `{name}` is not in this module's folder.",
            "Put the image in the same folder as easy-read.md, or check the spelling of its name.",
        )
    if not (alt or "").strip():
        return None, error(
            rel,
            line,
            "easy-read-picture-alt",
            f"The image `{name}` has no words saying what it shows.",
            f'Add them in quotes after the name, for example `picture: {name} "Two people talking at a table"`.',
            "People who cannot see the picture hear or read these words instead.",
        )
    return Picture(name, (alt or "").strip(), image, False, line), None
