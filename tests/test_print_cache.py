"""Handouts are cached: nothing changed renders nothing; one module changed renders only its files."""

from __future__ import annotations

from pathlib import Path

from factory import Course
from pdf_reading import all_text


def _course(course: Course) -> None:
    course.module("01-one", "## One\n\nThe first module.\n", title="Module one")
    course.module("02-two", "## Two\n\nThe second module.\n", title="Module two", order=2)
    course.term("median", "median", "The middle number when you put numbers in order.")


def _bytes(site: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((site / "handouts").glob("*.pdf"))}


def test_second_build_renders_nothing_and_one_change_renders_only_its_files(course: Course) -> None:
    _course(course)
    first = course.build()
    assert first.code == 0, first.text
    assert "Rendered 7 handouts, 0 from cache." in first.out  # no stories, so no stories handout
    before = _bytes(course.root / "site")

    second = course.build()
    assert second.code == 0, second.text
    assert "Rendered 0 handouts, 7 from cache." in second.out
    assert _bytes(course.root / "site") == before

    course.module("02-two", "## Two\n\nThe second module, now with a new sentence.\n", title="Module two", order=2)
    third = course.build()
    assert third.code == 0, third.text
    assert "Rendered 3 handouts, 4 from cache." in third.out
    after = _bytes(course.root / "site")
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"two.pdf", "two-large-print.pdf", "trainer-pack.pdf"}
    assert "now with a new sentence" in all_text(course.root / "site" / "handouts" / "two.pdf")


def test_handouts_command_writes_into_a_folder(course: Course) -> None:
    _course(course)
    result = course.run("handouts", "-o", "printed")
    assert result.code == 0, result.text
    names = sorted(p.name for p in (course.root / "printed").glob("*.pdf"))
    assert names == sorted(
        [
            "one.pdf",
            "one-large-print.pdf",
            "two.pdf",
            "two-large-print.pdf",
            "trainer-pack.pdf",
            "jargon-buster.pdf",
            "contacts.pdf",
        ]
    )  # no stories, so no stories handout
    assert "one.pdf: " in result.out and "pages" in result.out


def test_handouts_command_refuses_a_course_with_errors(course: Course) -> None:
    _course(course)
    course.module("03-bad", "Text.\n", title="Bad", order=3, next_review="not a date")
    result = course.run("handouts", "-o", "printed")
    assert result.code == 1
    assert "modules/03-bad/index.md" in result.err
    assert "No handouts were made" in result.err
    assert not (course.root / "printed").exists()
