"""Broken content, as a table: every kind fails the build plainly and leaves the last good site whole.

Each case starts from a GOOD course that has already been built, adds one broken file,
and runs the real `sidebyside build --strict`. The build must stop with a non-zero exit
status, say which file and line to fix in plain words (no traceback), and leave site/
exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from factory import Course, tree_hash

GOOD_BODY = "## Getting going\n\nWe look at a run chart together.\n"


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Course], None]
    path: str  # the file the message must name
    line: int | str  # the line it must name, or text found only on that line of the file
    says: str  # words the message must contain


def _module(course: Course, body: str = "Some words.\n", folder: str = "02-broken", **meta: object) -> None:
    course.module(folder, body, order=2, title="Broken module", **meta)


def _raw(rel: str, text: str | bytes) -> Callable[[Course], None]:
    def write(course: Course) -> None:
        path = course.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return write


def _symlink_outside(course: Course) -> None:
    outside = course.root.parent / "outside-secret.md"
    outside.write_text("---\nterm: secret\nplain: Something from outside the repository.\n---\n", encoding="utf-8")
    os.symlink(outside, course.root / "glossary" / "secret.md")


def _duplicate_module(course: Course) -> None:
    course.module("07-test", "Some words.\n", order=7, title="Another test module")


def _real_story(consent: dict[str, object] | None) -> Callable[[Course], None]:
    def write(course: Course) -> None:
        meta: dict[str, object] = {"kind": "real"}
        if consent is not None:
            meta["consent"] = consent
        course.story("a-real-story", "What happened to me.\n", **meta)

    return write


CONSENT = {"recorded": "2026-01-10", "ref": "CONSENT-2026-001", "scope": ["web", "print", "session"], "expires": "2029-01-10"}


BODY = "<the first line of the text>"


def _line_of(root: Path, rel: str, line: int | str) -> int:
    if isinstance(line, int):
        return line
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    if line == BODY:
        end = [i for i, text in enumerate(lines) if text.strip() == "---"][1]
        return next(i for i, text in enumerate(lines, start=1) if i > end + 1 and text.strip())
    return next(i for i, text in enumerate(lines, start=1) if line in text)


CASES = [
    Case(
        "broken YAML",
        _raw("modules/02-broken/index.md", "---\ntitle: [Broken\norder: 2\n---\nText.\n"),
        "modules/02-broken/index.md",
        3,
        "YAML",
    ),
    Case(
        "tabs in YAML",
        _raw("glossary/tabbed.md", "---\nterm: tabbed\n\tplain: Indented with a tab.\n---\n"),
        "glossary/tabbed.md",
        3,
        "tabs",
    ),
    Case(
        "a missing field",
        _raw("glossary/no-plain.md", "---\nterm: no plain\n---\nText.\n"),
        "glossary/no-plain.md",
        2,
        "required field `plain` is missing",
    ),
    Case(
        "a wrong type",
        _raw("glossary/wrong-type.md", "---\nterm: wrong type\nplain: A word.\navoid: sometimes\n---\n"),
        "glossary/wrong-type.md",
        4,
        "should be true or false",
    ),
    Case(
        "an unknown key",
        _raw("glossary/unknown-key.md", "---\nterm: unknown key\nplain: A word.\nsee_allso: [run-chart]\n---\n"),
        "glossary/unknown-key.md",
        4,
        "Did you mean `see_also`?",
    ),
    Case(
        "an impossible date",
        lambda c: _module(c, next_review="2027-02-30"),
        "modules/02-broken/index.md",
        "next_review:",
        "not a real date",
    ),
    Case("a duplicate slug", _duplicate_module, "modules/07-test/index.md", 1, "Two modules have the web address `test`"),
    Case(
        "a duplicate term",
        lambda c: c.term("run-chart-again", "run chart", "A graph over time."),
        "glossary/run-chart.md",
        2,
        "defined twice",
    ),
    Case(
        "a term with two definitions",
        _raw("glossary/twice.md", "---\nterm: twice\nplain: One meaning.\nplain: Another meaning.\n---\n"),
        "glossary/twice.md",
        4,
        "given twice",
    ),
    Case(
        "a see_also loop (a term that points at itself)",
        lambda c: c.term("loop", "loop", "Goes round.", see_also=["loop"]),
        "glossary/loop.md",
        4,
        "points at itself",
    ),
    Case(
        "a missing image", lambda c: _module(c, "![A run chart](chart.png)\n"), "modules/02-broken/index.md", "chart.png", "cannot be found"
    ),
    Case("an image with no alt text", lambda c: _module(c, "![](chart.png)\n"), "modules/02-broken/index.md", "chart.png", "no alt text"),
    Case(
        "a file that is not UTF-8",
        _raw("glossary/latin1.md", "---\nterm: café\nplain: A place for coffee.\n---\n".encode("latin-1")),
        "glossary/latin1.md",
        2,
        "UTF-8",
    ),
    Case("an empty file", _raw("stories/empty.md", ""), "stories/empty.md", 1, "empty"),
    Case(
        "a 5 MB file",
        _raw("stories/huge.md", "---\ntitle: Huge\n---\n" + ("All work and no play. " * 240_000)),
        "stories/huge.md",
        1,
        "MB",
    ),
    Case("a symlink pointing outside the repository", _symlink_outside, "glossary/secret.md", 1, "symbolic link"),
    # Untrusted HTML: each item.
    Case("<script>", lambda c: _module(c, "<script>alert(1)</script>\n"), "modules/02-broken/index.md", BODY, "`<script>`"),
    Case(
        "an on...= event attribute",
        lambda c: _module(c, '<p onmouseover="steal()">Hover</p>\n'),
        "modules/02-broken/index.md",
        BODY,
        "event attribute",
    ),
    Case(
        "an event attribute in attr_list",
        lambda c: _module(c, 'A paragraph.\n{ onclick="steal()" }\n'),
        "modules/02-broken/index.md",
        "onclick",
        "event attribute",
    ),
    Case(
        "a javascript: link",
        lambda c: _module(c, "[Your results](javascript:alert(1))\n"),
        "modules/02-broken/index.md",
        BODY,
        "`javascript:` link",
    ),
    Case(
        "a hidden javascript: link",
        lambda c: _module(c, '<a href="jav&#x61;script:alert(1)">Your results</a>\n'),
        "modules/02-broken/index.md",
        BODY,
        "`javascript:` link",
    ),
    Case(
        "a data: link",
        lambda c: _module(c, "[Open](data:text/html;base64,PHNjcmlwdD4=)\n"),
        "modules/02-broken/index.md",
        BODY,
        "`data:` link",
    ),
    Case(
        "an <iframe> from an unknown host",
        lambda c: _module(c, '<iframe src="https://evil.example.com/"></iframe>\n'),
        "modules/02-broken/index.md",
        BODY,
        "`<iframe>`",
    ),
    Case("<object>", lambda c: _module(c, '<object data="x.swf"></object>\n'), "modules/02-broken/index.md", BODY, "`<object>`"),
    Case("<embed>", lambda c: _module(c, '<embed src="x.swf">\n'), "modules/02-broken/index.md", BODY, "`<embed>`"),
    Case(
        "<form>", lambda c: _module(c, '<form action="https://evil.example.com/"></form>\n'), "modules/02-broken/index.md", BODY, "`<form>`"
    ),
    Case("<style>", lambda c: _module(c, "<style>body { display: none }</style>\n"), "modules/02-broken/index.md", BODY, "`<style>`"),
    # Personal details: each kind.
    Case(
        "an NHS number",
        lambda c: c.story("details", "My NHS number is 943 476 5919.\n"),
        "stories/details.md",
        BODY,
        "an NHS number",
    ),
    Case("a phone number", lambda c: c.story("details", "Ring me on 07700 900123.\n"), "stories/details.md", BODY, "a phone number"),
    Case(
        "an email address",
        lambda c: c.story("details", "Write to jo.bloggs@example.com.\n"),
        "stories/details.md",
        BODY,
        "an email address",
    ),
    Case("a postcode", lambda c: c.story("details", "I live in LS1 4AP.\n"), "stories/details.md", BODY, "a postcode"),
    Case("a date of birth", lambda c: c.story("details", "I was born on 3 March 1952.\n"), "stories/details.md", BODY, "a date of birth"),
    Case(
        "a hospital number", lambda c: c.story("details", "My MRN: 12345678 was on it.\n"), "stories/details.md", BODY, "a hospital number"
    ),
    Case(
        "a personal detail in a module",
        lambda c: _module(c, "Call Jo on 0113 496 0000.\n"),
        "modules/02-broken/index.md",
        BODY,
        "a phone number",
    ),
    # Consent: each state that leaves a real story out.
    Case("a real story with no consent", _real_story(None), "stories/a-real-story.md", "kind:", "no consent record"),
    Case("expired consent", _real_story({**CONSENT, "expires": "2026-01-01"}), "stories/a-real-story.md", "consent:", "consent expired"),
    Case("withdrawn consent", _real_story({**CONSENT, "withdrawn": True}), "stories/a-real-story.md", "consent:", "consent was withdrawn"),
    Case(
        "consent dated in the future",
        _real_story({**CONSENT, "recorded": "2027-01-01"}),
        "stories/a-real-story.md",
        "consent:",
        "in the future",
    ),
    Case("consent that covers nothing", _real_story({**CONSENT, "scope": []}), "stories/a-real-story.md", "consent:", "does not cover"),
    # Macros and links.
    Case("a macro reading the configuration", lambda c: _module(c, "{{ config.extra }}\n"), "modules/02-broken/index.md", BODY, "`config`"),
    Case(
        "a macro including a file",
        lambda c: _module(c, '{% include "/etc/passwd" %}\n'),
        "modules/02-broken/index.md",
        BODY,
        "cannot include",
    ),
    Case(
        "a link to a page that does not exist",
        lambda c: _module(c, "Read [Working together](../working-togther/).\n"),
        "modules/02-broken/index.md",
        BODY,
        "does not exist",
    ),
    Case(
        "a link to a glossary word that does not exist",
        lambda c: _module(c, "See [run charts](../../glossary/#run-chrat).\n"),
        "modules/02-broken/index.md",
        BODY,
        "Did you mean `#run-chart`?",
    ),
    Case(
        "a review date that has passed",
        lambda c: _module(c, next_review="2026-11-01"),
        "modules/02-broken/index.md",
        "next_review:",
        "has passed",
    ),
    Case(
        "reviews more than three years apart",
        lambda c: _module(c, last_reviewed="2026-11-01", next_review="2030-11-01"),
        "modules/02-broken/index.md",
        "next_review:",
        "more than 3 years",
    ),
]


@pytest.fixture(scope="module")
def good_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good course, built once; each case works on its own copy."""
    course = Course(tmp_path_factory.mktemp("good") / "course")
    course.module("01-test", GOOD_BODY, title="A good module")
    course.term("run-chart", "run chart", "A graph that shows how something changes over time.", aliases=["run charts"])
    course.story("a-good-story", "Something that happened, made up for the course.\n")
    result = course.build()
    assert result.code == 0, result.text
    return course.root


def test_cases_cover_at_least_25_kinds() -> None:
    assert len({case.name for case in CASES}) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_fails_plainly_and_keeps_the_site(case: Case, good_course: Path, tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(good_course, root, symlinks=True)
    course = Course.__new__(Course)
    course.root = root
    before = tree_hash(root / "site")

    case.breaks(course)
    result = course.build()
    if result.code == 0:
        pytest.fail(f"the build passed:\n{result.text}")

    assert result.code != 0, result.text
    assert "Traceback" not in result.text
    assert case.says in result.text, result.text
    assert case.path in result.text, result.text
    line = _line_of(root, case.path, case.line)
    named_line = f"line {line}," in result.text or f"{case.path}:{line}:" in result.text
    assert named_line, f"expected line {line} of {case.path}:\n{result.text}"
    assert tree_hash(root / "site") == before, "the last good site changed"
