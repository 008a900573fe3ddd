"""A warm build uses what earlier builds did (each page's converted Markdown, the checks'
findings) only when nothing those read has changed, and makes exactly the same site."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from factory import SIDEBYSIDE, Course, Result

PAGES = Path(".sidebyside-cache") / "pages"
FINDINGS = Path(".sidebyside-cache") / "findings"
CONSENT = {"recorded": "2026-01-10", "ref": "CONSENT-2026-001", "scope": ["web", "print", "session"], "expires": "2026-12-01"}


def _site(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.suffix in (".html", ".json")}


def _kept(root: Path, folder: Path) -> dict[str, int]:
    """The kept files and when each was written."""
    where = root / folder
    return {p.name: p.stat().st_mtime_ns for p in where.glob("*.json")} if where.is_dir() else {}


def _rich(course: Course) -> None:
    """Pages whose conversion gives MkDocs more than HTML: headings for the contents, anchors
    linked from another page, a footnote, a chart, a macro, a title from the first heading."""
    course.term("run-chart", "run chart", "A graph that shows how something changes over time.")
    course.story("my-story", "We drew a run chart together.\n", modules=["first-steps"])
    course.module(
        "01-first-steps",
        "## Getting going\n\nWe draw a run chart.[^1] See [the next part](../next/#more-to-try).\n\n"
        '{{ story("my-story") }}\n\n### A smaller heading\n\nMore words.\n\n[^1]: A footnote.\n\n'
        "```run-chart\ntitle: Days waited\nmeasure: Days\nWeek 1: 4\nWeek 2: 5\nWeek 3: 3\nWeek 4: 6\nWeek 5: 4\n```\n",
        title="First steps",
    )
    course.module("02-next", "## More to try\n\nNo macros here.\n", title="Next steps", order=2)
    course.write("docs/about.md", "# About this course\n\nWho made it.\n")


def test_a_warm_build_uses_every_kept_page_and_makes_the_same_site(course: Course) -> None:
    _rich(course)
    cold = course.build()
    assert cold.code == 0, cold.text
    first, kept = _site(course.root), _kept(course.root, PAGES)
    assert len(kept) >= 5  # home, modules, the story, about...
    warm = course.build()
    assert warm.code == 0, warm.text
    assert _site(course.root) == first  # contents, titles and the search index alike
    # The strict build passed, so the link to the next module's heading found its anchor on the kept page.
    assert _kept(course.root, PAGES) == kept  # every page was read back, none converted and written again
    page = course.page("modules/first-steps/index.html")
    assert 'href="#a-smaller-heading"' in page  # the page's contents list, from the kept headings
    assert "<title>About this course" in course.page("about/index.html")  # the title from the first heading

    course.module("02-next", "## More to try\n\nA new sentence.\n", title="Next steps", order=2)
    changed = course.build()
    assert changed.code == 0, changed.text
    assert "A new sentence." in course.page("modules/next/index.html")
    now = _site(course.root)
    differ = [name for name in now if name.endswith(".html") and now[name] != first.get(name)]
    assert differ  # the module's page, and its trainers' copy
    again = _kept(course.root, PAGES)
    assert len(set(again) - set(kept)) == len(differ)  # only the changed pages were converted again
    assert {name: again[name] for name in kept} == kept


UNRECOGNISED = "unrecognized relative link 'somewhere/'"  # MkDocs' own words; the checks leave this link to it


def test_a_link_mkdocs_cannot_follow_is_reported_by_every_build(course: Course) -> None:
    course.write("docs/about.md", "# About\n\nSee [the other place](somewhere/).\n")
    for _ in range(2):
        result = course.build()
        assert result.code != 0
        assert UNRECOGNISED in result.text


def test_a_link_problem_let_through_is_reported_once_the_setting_asks_for_it(course: Course) -> None:
    course.write("docs/about.md", "# About\n\nSee [the other place](somewhere/).\n")
    course.config["validation"]["links"]["unrecognized_links"] = "ignore"
    course.write_config()
    assert course.build().code == 0
    assert course.build().code == 0  # the page, converted with nothing to say, is kept
    course.config["validation"]["links"]["unrecognized_links"] = "warn"
    course.write_config()
    result = course.build()
    assert result.code != 0
    assert UNRECOGNISED in result.text


def test_with_an_extension_that_reads_other_files_every_page_is_converted_afresh(course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)  # in CI, snippets wait for a maintainer's review (test_configuration_trust.py)
    course.write("snippets/note.md", "A note from another file.\n")
    course.config["markdown_extensions"].append({"pymdownx.snippets": {"base_path": ["snippets"]}})
    course.write_config()
    course.module("01-first", '## Start\n\n--8<-- "note.md"\n', title="First")
    assert course.build().code == 0
    assert _kept(course.root, PAGES) == {}
    course.write("snippets/note.md", "The note, changed.\n")
    assert course.build().code == 0
    assert "The note, changed." in course.page("modules/first/index.html")


def _findings(result: Result) -> list[str]:
    return [
        line for line in result.text.splitlines() if not line.startswith(("Rendered", "Handouts:"))
    ]  # handouts now come from their cache


def _build_on(course: Course, today: str) -> Result:
    env = {**os.environ, "SIDEBYSIDE_TODAY": today}
    done = subprocess.run([str(SIDEBYSIDE), "build", "--strict"], cwd=course.root, capture_output=True, text=True, timeout=300, env=env)
    return Result(done.returncode, done.stdout, done.stderr)


def test_kept_findings_are_the_same_and_are_found_again_when_a_file_or_the_date_changes(course: Course) -> None:
    course.module("01-first", "## Start\n\nSome words.\n", title="First")
    course.story("a-real-story", "What happened to me.\n", kind="real", consent=CONSENT)
    first = _build_on(course, "2026-11-25")
    assert first.code == 0, first.text
    assert len(_kept(course.root, FINDINGS)) == 1
    second = _build_on(course, "2026-11-25")
    assert second.code == 0 and _findings(second) == _findings(first)
    assert len(_kept(course.root, FINDINGS)) == 1  # read back, not found again

    later = _build_on(course, "2026-12-02")  # the consent has run out since: the check must run again
    assert later.code != 0
    assert "consent expired" in later.text

    course.story("a-real-story", "What happened to me.\n", kind="real", consent={**CONSENT, "expires": "2027-06-01"})
    renewed = _build_on(course, "2026-12-02")
    assert renewed.code == 0, renewed.text
    course.story("a-real-story", "What happened to me.\n", kind="real", consent=CONSENT)  # back as it was: still expired
    assert "consent expired" in _build_on(course, "2026-12-02").text


@pytest.mark.parametrize("folder", [PAGES, FINDINGS])
def test_nothing_is_kept_without_caches(course: Course, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIDEBYSIDE_NO_CACHE", "1")
    course.module("01-first", "## Start\n\nSome words.\n", title="First")
    assert course.build().code == 0
    assert _kept(course.root, folder) == {}


def test_what_builds_keep_never_shows_in_git(course: Course) -> None:
    """A contributor who builds and then runs `git add .` commits none of the caches."""
    _rich(course)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=course.root, check=True)
    built = course.build()
    assert built.code == 0, built.text
    cache = course.root / ".sidebyside-cache"
    assert {"pages", "findings", "gate", "handouts", "slides"} <= {p.name for p in cache.iterdir()}
    listed = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=course.root, capture_output=True, text=True, check=True
    ).stdout
    assert "modules/01-first-steps/index.md" in listed  # git sees the course's own files
    assert ".sidebyside-cache" not in listed
