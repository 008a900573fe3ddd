"""One build, one pass: mkdocs.yml is read once, MkDocs runs once, and a warm build converts no Markdown for handouts."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from factory import Course
from pdf_reading import all_text


def _course(course: Course) -> None:
    course.config["plugins"][-1]["sidebyside"].update({"offline_copy": True, "handouts": True})
    course.write_config()
    course.module("01-first-steps", "## Getting going\n\nWe look at a run chart together.\n", title="First steps")
    course.module("02-meetings", "## Meetings\n\nAn agenda lists what a meeting will cover.\n", title="Meetings", order=2)
    course.term("run-chart", "run chart", "A graph that shows how something changes over time.")


class Counted:
    """Wraps a function and counts its calls."""

    def __init__(self, function):
        self.function = function
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.function(*args, **kwargs)


def _build_here(course: Course, monkeypatch: pytest.MonkeyPatch) -> tuple[int, Counted, Counted, Counted]:
    """`sidebyside build` in this process (so the counters see everything), all work in one process."""
    import mkdocs.commands.build
    import mkdocs.config.base

    from sidebyside import cli
    from sidebyside.print import documents

    monkeypatch.setenv("SIDEBYSIDE_ONE_PROCESS", "1")
    monkeypatch.chdir(course.root)
    opened = Counted(mkdocs.config.base._open_config_file)
    runs = Counted(mkdocs.commands.build.build)
    converted = Counted(documents.to_html)
    monkeypatch.setattr(mkdocs.config.base, "_open_config_file", opened)
    monkeypatch.setattr(mkdocs.commands.build, "build", runs)
    monkeypatch.setattr(documents, "to_html", converted)
    code = cli.main(["build", "--strict", "-f", str(course.root / "mkdocs.yml")])
    return code, opened, runs, converted


def test_a_build_reads_mkdocs_yml_once_and_runs_mkdocs_once(course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    _course(course)
    code, opened, runs, converted = _build_here(course, monkeypatch)
    assert code == 0
    assert opened.calls == 1  # mkdocs.yml, read once for the website, the handouts and the offline copy
    assert runs.calls == 1  # the offline copy is made from the same build
    assert converted.calls > 0  # a cold cache: the handouts were made
    site = course.root / "site"
    assert (site / "handouts" / "first-steps.pdf").is_file()
    with zipfile.ZipFile(site / "handouts" / "test-course-offline.zip") as archive:  # named from site_name
        assert "test-course/modules/first-steps/index.html" in archive.namelist()


def test_a_warm_build_converts_no_markdown_for_the_handouts(course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    _course(course)
    assert course.build().code == 0  # fills the cache
    code, _, _, converted = _build_here(course, monkeypatch)
    assert code == 0
    assert converted.calls == 0
    assert "We look at a run chart together." in all_text(course.root / "site" / "handouts" / "first-steps.pdf")


def test_a_changed_glossary_term_makes_the_handouts_that_use_it_again(course: Course) -> None:
    _course(course)
    assert course.build().code == 0
    before = {p.name: p.read_bytes() for p in (course.root / "site" / "handouts").glob("*.pdf")}
    course.term("run-chart", "run chart", "A chart of numbers over time, with a line through the middle.")
    result = course.build()
    assert result.code == 0, result.text
    after = {p.name: p.read_bytes() for p in (course.root / "site" / "handouts").glob("*.pdf")}
    assert {name for name in after if after[name] != before[name]} >= {"jargon-buster.pdf", "first-steps.pdf"}
    assert "line through the middle" in all_text(course.root / "site" / "handouts" / "jargon-buster.pdf")
    assert "line through the middle" in all_text(course.root / "site" / "handouts" / "first-steps.pdf")


def test_the_offline_copy_links_folders_to_their_index_pages() -> None:
    from sidebyside.render.file_links import file_link, for_files

    assert file_link("../glossary/#aim") == "../glossary/index.html#aim"
    assert file_link("../..") == "../../index.html"
    assert file_link(".") == "./index.html"
    assert file_link("./") == "./index.html"
    assert file_link("modules/?q=1") == "modules/index.html?q=1"
    for unchanged in ("#top", "https://example.org/", "mailto:a@example.org", "handouts/one.pdf", "../assets/x.css", "/about/", ""):
        assert file_link(unchanged) == unchanged
    page = '<a href="../modules/">M</a><img src="pic.png"><a class="x" href="..">Up</a>'
    assert for_files(page) == '<a href="../modules/index.html">M</a><img src="pic.png"><a class="x" href="../index.html">Up</a>'


def test_the_offline_search_index_leads_to_files(tmp_path: Path) -> None:
    import json

    from sidebyside.app.offline import offline_search_index

    script = offline_search_index(
        json.dumps({"config": {}, "docs": [{"location": ""}, {"location": "modules/a/#b"}, {"location": "x.html"}]})
    )
    assert script.startswith("var __index = ")
    locations = [d["location"] for d in json.loads(script.removeprefix("var __index = "))["docs"]]
    assert locations == ["index.html", "modules/a/index.html#b", "x.html"]


def test_every_handout_has_its_own_cache_key(course: Course) -> None:
    """Two booklets made from the same records (the jargon buster and the stories) must not share a PDF."""
    import datetime as dt

    from sidebyside.content import load_course
    from sidebyside.print.documents import HandoutSettings, plan_handouts
    from sidebyside.print.pipeline import planned_key

    _course(course)
    loaded, _ = load_course(course.root)
    settings = HandoutSettings(root=course.root, today=dt.date(2026, 11, 25))
    planned = plan_handouts(loaded, settings)
    keys = {planned_key("engine", settings, p) for p in planned}
    assert len(keys) == len(planned)
