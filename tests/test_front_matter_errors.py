"""Every front matter mistake a contributor can make gets a plain message naming the file and line."""

from __future__ import annotations

import pytest

from factory import Course


def _module_text(front: str, body: str = "Some words.\n") -> str:
    return f"---\n{front.strip()}\n---\n\n{body}"


GOOD = """
title: A module
summary: One sentence.
order: 1
duration: 20
outcomes: [know a thing]
owner: Team
last_reviewed: 2026-11-01
next_review: 2027-11-01
version: "1.0"
"""


def _with(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


CASES = [
    # (name, front matter, line, words that must be in the message)
    (
        "unknown key with a guess",
        _with("next_review: 2027-11-01", "nxt_review: 2027-11-01"),
        9,
        ["`nxt_review` is not a known field", "Did you mean `next_review`?"],
    ),
    ("missing field", _with("owner: Team\n", ""), 2, ["required field `owner` is missing"]),
    ("wrong type for a number", _with("duration: 20", "duration: twenty"), 5, ["`duration` should be a whole number", "duration: 30"]),
    (
        "impossible date",
        _with("next_review: 2027-11-01", "next_review: 2027-02-30"),
        9,
        ["`next_review` is 2027-02-30, which is not a real date"],
    ),
    (
        "date in the wrong form",
        _with("last_reviewed: 2026-11-01", "last_reviewed: 1st November"),
        8,
        ["`last_reviewed` should be a date", "2026-11-25"],
    ),
    ("list given as a mapping", _with("outcomes: [know a thing]", "outcomes:\n  first: know a thing"), 6, ["`outcomes` should be a list"]),
    ("version as a number", _with('version: "1.0"', "version: 1.10"), 10, ["`version` looks like a number", 'version: "1.1"']),
    ("broken YAML", _with("summary: One sentence.", "summary: One: two: three"), 3, ["could not be read as YAML", "double quotes"]),
    ("tab in YAML", _with("order: 1", "order:\t1\n\tduration: 5"), 4, ["could not be read as YAML", "tabs"]),
    ("duplicate key", GOOD + "title: Again\n", 11, ["`title` is given twice"]),
    (
        "bad choice",
        GOOD + "co_produced_with:\n  - name: Sam\n    role: doctorr\n",
        13,
        ["`role` is `doctorr`, which is not one of the choices", "clinician"],
    ),
    ("empty text", _with("summary: One sentence.", 'summary: ""'), 3, ["`summary` is empty"]),
]


@pytest.mark.parametrize(("name", "front", "line", "words"), CASES, ids=[c[0] for c in CASES])
def test_module_front_matter_mistake(course: Course, name: str, front: str, line: int, words: list[str]) -> None:
    course.write("modules/01-broken/index.md", _module_text(front))
    result = course.run("check")
    assert result.code == 1, result.text
    assert "modules/01-broken/index.md" in result.text
    assert f"line {line}," in result.text, result.text
    for word in words:
        assert word in result.text, result.text
    assert "Traceback" not in result.text


def test_no_front_matter(course: Course) -> None:
    course.write("glossary/ward.md", "A ward is a room in a hospital.\n")
    result = course.run("check")
    assert result.code == 1
    assert "glossary/ward.md" in result.text and "has no front matter" in result.text
    assert "three dashes" in result.text


def test_unclosed_front_matter(course: Course) -> None:
    course.write("glossary/ward.md", "---\nterm: ward\nplain: A room in a hospital.\n")
    result = course.run("check")
    assert result.code == 1
    assert "never closed" in result.text


def test_empty_file_and_bad_encoding(course: Course) -> None:
    course.write("glossary/empty.md", "")
    (course.root / "glossary" / "latin.md").write_bytes(b"---\nterm: caf\xe9\nplain: A place.\n---\n")
    result = course.run("check")
    assert result.code == 1
    assert "glossary/empty.md" in result.text and "This file is empty" in result.text
    assert "glossary/latin.md" in result.text and "UTF-8" in result.text and "line 2," in result.text


def test_duplicate_module_slug(course: Course) -> None:
    course.module("01-welcome", title="One")
    course.module("07-welcome", title="Two")
    result = course.run("check")
    assert result.code == 1
    assert "Two modules have the web address `welcome`" in result.text


def test_duplicate_term_and_alias(course: Course) -> None:
    course.term("icb", "integrated care board", "A local NHS body.", aliases=["ICB"])
    course.term("icb-again", "ICB", "Another meaning.")
    result = course.run("check")
    assert result.code == 1
    assert "`ICB` is defined twice" in result.text
    assert "glossary/icb-again.md" in result.text


def test_see_also_and_module_references_that_lead_nowhere(course: Course) -> None:
    course.module("01-welcome")
    course.term("run-chart", "run chart", "A graph over time.", see_also=["medain"])
    course.term("median", "median", "The middle number.")
    course.story("amira", modules=["welcom"])
    result = course.run("check")
    assert result.code == 1
    assert "`medain` in `see_also` does not match any glossary term" in result.text
    assert "Did you mean `median`?" in result.text
    assert "`welcom` in `modules` does not match any module" in result.text
    assert "Did you mean `welcome`?" in result.text


def test_story_teller_fields(course: Course) -> None:
    course.story("sam", teller={"name": "Sam", "display": "nickname", "role": "patient"})
    result = course.run("check")
    assert result.code == 1
    assert "`display` is `nickname`, which is not one of the choices" in result.text
    assert "stories/sam.md" in result.text


def test_bad_file_name(course: Course) -> None:
    course.term("Run Chart", "run chart", "A graph over time.")
    result = course.run("check")
    assert result.code == 1
    assert "can't be used as a web address" in result.text


def test_json_and_github_formats(course: Course) -> None:
    course.write("modules/01-broken/index.md", _module_text(_with("next_review: 2027-11-01", "nxt_review: 2027-11-01")))
    as_json = course.run("check", "--format", "json")
    assert as_json.code == 1
    import json

    records = json.loads(as_json.out)
    assert any(r["path"] == "modules/01-broken/index.md" and r["line"] == 9 and r["severity"] == "error" for r in records)
    github = course.run("check", "--format", "github")
    assert "::error file=modules/01-broken/index.md,line=9" in github.out


def test_clean_course_exits_zero(course: Course) -> None:
    course.module()
    result = course.run("check")
    assert result.code == 0, result.text


def test_broken_mkdocs_yml_is_a_plain_message(course: Course) -> None:
    course.write("mkdocs.yml", "site_name: [unclosed\n")
    result = course.run("check")
    assert result.code == 2
    assert "mkdocs.yml" in result.text
    assert "Traceback" not in result.text


def test_one_mistake_gives_one_message_not_a_cascade(course: Course) -> None:
    """A module that cannot be read is not reported again by every page and story that points at it."""
    course.write("modules/01-broken/index.md", _module_text(_with("next_review: 2027-11-01", "nxt_review: 2027-11-01")))
    course.module("02-other", "See [the broken module](../broken/) and [the term](../../glossary/#wobbly).\n", title="Other", order=2)
    course.write("glossary/wobbly.md", "---\nterm: wobbly\nplain: [unclosed\n---\n")
    course.story("amira", modules=["broken"])
    result = course.run("check", "--format", "json")
    import json

    errors = [r for r in json.loads(result.out) if r["severity"] == "error"]
    assert result.code == 1
    assert sorted((r["path"], r["rule"]) for r in errors) == [
        ("glossary/wobbly.md", "front-matter-yaml"),
        ("modules/01-broken/index.md", "front-matter-unknown-key"),
    ], errors
