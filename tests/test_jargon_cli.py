"""`sidebyside check` and `sidebyside build` with the jargon checks, on real courses and a real git repo."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from factory import SIDEBYSIDE, Course

UNEXPLAINED = "## Tools\n\nWe drew a driver diagram together.\n"


def test_clean_course_exits_0(course: Course):
    course.module(body="## Hello\n\nWe meet on Monday to talk about the letters.\n")
    result = course.run("check")
    assert result.code == 0, result.text
    assert "Found 0 errors" in result.out or "No problems found." in result.out


def test_unexplained_term_exits_1_and_says_what_to_do_grouped_by_page(course: Course):
    course.module(body=UNEXPLAINED)
    course.story("plain-story", "We went to the clinic and it was fine.\n\nWe will utilise it.\n")
    result = course.run("check")
    assert result.code == 1
    lines = result.out.splitlines()
    module = lines.index("modules/01-test/index.md")
    # The body starts after the front matter: find the line the factory wrote it on.
    text = (course.root / "modules/01-test/index.md").read_text().split("\n")
    line = text.index("We drew a driver diagram together.") + 1
    assert lines[module + 1] == f"  line {line}, column 11: error: 'driver diagram' isn't in the glossary."
    assert lines[module + 2].startswith("    Try: Add it (`sidebyside new term`) or use plainer words, for example:")
    assert lines[module + 3].startswith("    Why it matters: ")
    assert "stories/plain-story.md" in lines
    assert "warning: 'utilise' has a plainer alternative.\n    Try: Use.\n    Why it matters: " in result.out


def test_glossary_term_makes_it_pass(course: Course):
    course.module(body=UNEXPLAINED)
    course.term("driver-diagram", "driver diagram", "A chart that links your aim to the things that affect it.")
    assert course.run("check").code == 0


def test_front_matter_allow_in_a_module_and_a_story(course: Course):
    course.module(body=UNEXPLAINED, jargon={"allow": ["driver diagram"]})
    course.story("s", "We drew a driver diagram.\n", jargon={"allow": ["driver diagram"]})
    result = course.run("check")
    assert result.code == 0, result.text


def test_glossary_definition_must_be_plain(course: Course):
    course.module()
    long = " ".join(["word"] * 26) + "."
    course.term("first", "first thing", long)
    course.term("second", "second thing", "A kind of driver diagram.")
    result = course.run("check", "--format", "json")
    assert result.code == 1
    found = {(f["path"], f["rule"], f["line"], f["column"]) for f in json.loads(result.out)}
    assert ("glossary/first.md", "jargon-definition-length", 3, 8) in found
    assert ("glossary/second.md", "jargon-term", 3, 18) in found


def test_broken_word_list_exits_2_with_a_plain_message(course: Course):
    course.module()
    course.write("jargon/local.yml", "list: jargon\nentries:\n  - term: [unclosed\n")
    result = course.run("check")
    assert result.code == 2
    assert "The word list jargon/local.yml is not valid YAML at line" in result.err
    assert "Traceback" not in result.text
    course.write("jargon/local.yml", "list: jargon\nentries:\n  - term: huddle\n")
    result = course.run("check")
    assert result.code == 2 and "missing `plain`" in result.err


def test_a_course_can_add_its_own_words(course: Course):
    course.module(body="We had a huddle.\n")
    course.write(
        "jargon/local.yml",
        "list: jargon\nentries:\n  - term: huddle\n    plain: a short meeting\n    why: Staff word.\n    source: Our team\n",
    )
    result = course.run("check", "--format", "json")
    assert result.code == 1
    assert [f["rule"] for f in json.loads(result.out)] == ["jargon-term"]


def test_json_format(course: Course):
    course.module(body=UNEXPLAINED)
    result = course.run("check", "--format", "json")
    data = json.loads(result.out)
    assert data == [
        {
            "path": "modules/01-test/index.md",
            "line": data[0]["line"],
            "column": 11,
            "rule": "jargon-term",
            "severity": "error",
            "message": "'driver diagram' isn't in the glossary.",
            "suggestion": data[0]["suggestion"],
            "why": data[0]["why"],
        }
    ]


def test_github_format_errors_first_capped_with_a_summary(course: Course, tmp_path: Path):
    words = " ".join(["word"] * 22)
    body = "\n\n".join(f"{words}." for _ in range(60)) + "\n\nWe drew a driver diagram.\n"
    course.module(body=body)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    done = subprocess.run([str(SIDEBYSIDE), "check", "--format", "github"], cwd=course.root, capture_output=True, text=True, env=env)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=modules/01-test/index.md,line=")
    assert "title=jargon-term::'driver diagram' isn't in the glossary." in lines[0]
    assert len(lines) == 51
    assert lines[-1].startswith("::notice title=More findings::Showing the first 50 of 61 findings")
    text = summary.read_text()
    assert "## Side by Side content check" in text
    assert "Found 1 error, 0 warnings and 60 suggestions." in text
    assert "| Where | What we noticed | Try instead | Why it matters |" in text
    assert text.count("\n| ") == 62  # a header row and 61 findings


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def test_changed_since_reports_only_changed_files(course: Course):
    course.module("01-old", body=UNEXPLAINED)
    course.module("02-new", body="Plain words only.\n", order=2)
    root = course.root
    _git(root, "init", "-q", "-b", "main")
    _git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "add", "-A")
    _git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start")
    assert course.run("check").code == 1  # the old module has a problem
    result = course.run("check", "--changed-since", "main")
    assert result.code == 0, result.text  # nothing changed yet
    course.module("02-new", body="We made a process map.\n", order=2)
    course.story("fresh", "We ran an SPC chart.\n")
    result = course.run("check", "--changed-since", "main", "--format", "json")
    assert result.code == 1
    assert {f["path"] for f in json.loads(result.out)} == {"modules/02-new/index.md", "stories/fresh.md"}
    bad = course.run("check", "--changed-since", "no-such-branch")
    assert bad.code == 2 and "Check the branch or commit name" in bad.err


def test_build_with_an_unexplained_term_fails_with_the_message(course: Course):
    course.module(body=UNEXPLAINED)
    result = course.build()
    assert result.code == 1
    assert "'driver diagram' isn't in the glossary." in result.err
    assert "The site was not built" in result.err


def test_jargon_warnings_do_not_fail_a_strict_build_unless_asked(course: Course):
    course.module(body="## Hello\n\nWe will utilise your ideas.\n")
    result = course.build()
    assert result.code == 0, result.text
    assert "1 warning(s)" in result.out and "sidebyside check" in result.out
    verbose = course.run("-v", "build", "--strict")
    assert "Jargon advice: modules/01-test/index.md:" in verbose.err
    course.config["plugins"][2]["sidebyside"]["jargon_warnings_fail"] = True
    course.write_config()
    result = course.build()
    assert result.code == 1
    assert "'utilise' has a plainer alternative." in result.err


def test_reference_course_has_zero_jargon_errors(repo: Path):
    done = subprocess.run([str(SIDEBYSIDE), "check", "--format", "json"], cwd=repo, capture_output=True, text=True)
    findings = json.loads(done.stdout)
    assert [f for f in findings if f["severity"] == "error"] == []
    assert done.returncode == 0
    # (A translated docs page gets one note that its language has no reading measure; nothing else.)
    checked = {f["path"].split("/")[0] for f in findings if not f["rule"].startswith("translation-")}
    assert "docs" not in checked


def test_a_course_with_errors_is_not_printed(course: Course):
    """The checks run beside the build; a course they fail is stopped before its handouts are made."""
    course.module(body=UNEXPLAINED)
    result = course.build()
    assert result.code == 1 and "'driver diagram' isn't in the glossary." in result.err
    printed = course.root / ".sidebyside-cache" / "handouts"
    assert not printed.exists() or not any(printed.rglob("*.pdf"))
