"""Pages made to make the tools work for ever: a line of nearly a megabyte of `<a `, `[`,
`*`, `_`, backticks or `<!--`. `sidebyside check` and `build` must finish, in under 1 GB
of memory, refusing the page with its file and line, and keep the last good site.

Each command runs with its address space capped at 1.5 GB (so a runaway is killed, not
the machine); the timeout only guards against a hang, it is not a speed test.
"""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

import pytest

from factory import SIDEBYSIDE, TODAY, Course, tree_hash

CAP = 1_536 * 1024 * 1024  # bytes of address space for each command
NEARLY_A_MEGABYTE = 990_000  # a content file must be under 1 MB, so the line fits in one
KINDS = ["<a ", "[", "*", "_", "`", "<!--", "![", "\\"]


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def _run(course: Course, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(course.root), "SIDEBYSIDE_TODAY": TODAY}
    done = subprocess.run(
        [str(SIDEBYSIDE), *args], cwd=course.root, capture_output=True, text=True, timeout=900, env=env, preexec_fn=_capped
    )
    assert done.returncode >= 0, f"killed by signal {-done.returncode}"
    assert "MemoryError" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    return done


def _line(kind: str, length: int) -> str:
    return (kind * (length // len(kind) + 1))[:length]


def _course(tmp_path: Path) -> Course:
    course = Course(tmp_path)
    course.config["plugins"][2]["sidebyside"].update({"handouts": False, "trainer_edition": False})
    course.write_config()
    course.module(body="## Fine\n\nA fine page.\n")
    first = course.build()
    assert first.code == 0, first.text
    return course


def _refused(course: Course, before: str, where: str) -> None:
    for args in (("check",), ("build", "--strict")):
        done = _run(course, *args)
        text = done.stdout + done.stderr
        assert done.returncode == 1, text
        assert where in text, text
    assert tree_hash(course.root / "site") == before
    used = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert used < 1024 * 1024 * 1024, f"a command used {used / 1e9:.2f} GB"


@pytest.mark.parametrize("kind", KINDS)
def test_a_line_of_nearly_a_megabyte_is_refused_in_good_time(tmp_path: Path, kind: str) -> None:
    course = _course(tmp_path)
    before = tree_hash(course.root / "site")
    course.module(body="## Fine\n\nA fine page.\n\n" + _line(kind, NEARLY_A_MEGABYTE) + "\n")
    _refused(course, before, "modules/01-test/index.md")
    assert "paragraph is more than" in _run(course, "check").stdout


@pytest.mark.parametrize("kind", ["<a ", "["])
def test_the_same_cut_into_short_paragraphs_is_refused_too(tmp_path: Path, kind: str) -> None:
    course = _course(tmp_path)
    before = tree_hash(course.root / "site")
    text = _line(kind, NEARLY_A_MEGABYTE - 20_000)
    paragraphs = "\n\n".join(text[i : i + 3000] for i in range(0, len(text), 3000))
    course.module(body="## Fine\n\n" + paragraphs + "\n")
    _refused(course, before, "modules/01-test/index.md")


def test_a_page_of_many_closed_tags_in_short_paragraphs_is_refused(tmp_path: Path) -> None:
    course = _course(tmp_path)
    before = tree_hash(course.root / "site")
    text = _line("<a>", NEARLY_A_MEGABYTE - 20_000)
    course.module(body="## Fine\n\n" + "\n\n".join(text[i : i + 3000] for i in range(0, len(text), 3000)) + "\n")
    _refused(course, before, "modules/01-test/index.md")


def test_a_docs_page_is_refused_before_markdown_reads_it(tmp_path: Path) -> None:
    course = _course(tmp_path)
    before = tree_hash(course.root / "site")
    course.write("docs/about.md", "# About\n\n" + _line("[", 200_000) + "\n")
    done = _run(course, "build", "--strict")
    assert done.returncode == 1 and "docs/about.md" in done.stderr and "line 3" in done.stderr, done.stderr
    assert tree_hash(course.root / "site") == before


def test_ordinary_long_pages_are_not_refused(tmp_path: Path) -> None:
    course = _course(tmp_path)
    links = "\n".join(f"- [Page {n}](https://www.nhs.uk/{n}/) *word* `code`" for n in range(400))
    course.module(body="## Many links\n\n" + links + "\n\n" + ("A sentence of words. " * 900) + "\n")
    done = _run(course, "build")
    assert done.returncode == 0, done.stderr
    assert "https://www.nhs.uk/399/" in course.page("modules/test/index.html")
