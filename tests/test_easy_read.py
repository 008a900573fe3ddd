"""Easy Read editions: the format, its checks, the web page, the A4 handout and the reminders."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image

from factory import Course
from pdf_reading import all_text, font_sizes, page_image
from sidebyside.checks import CheckContext, EasyReadLimits, run_checks
from sidebyside.content import load_course
from sidebyside.findings import Finding

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

FRONT = """\
---
title: "A test module: Easy Read"
module_version: "1.0"
co_produced_with: []
tested_with: []
owner: Test team
last_reviewed: 2026-11-01
next_review: 2027-11-01
---
"""

GOOD = """\
## Why this matters

picture: wave
Welcome to the course.
We are glad you are here.

picture: chair
The meeting is run by the **chair**.
The chair is the person who runs the meeting.

picture: photo.png "Two people talking at a table"
You can ask questions at any time.
"""


def _photo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 40), (0, 94, 184)).save(path)


def _course(course: Course, easy: str = GOOD, **module: Any) -> Course:
    course.module(body="## Getting going\n\nThe chair runs the meeting.\n", **module)
    course.term("chair", "chair", "The person who runs a meeting.")
    _photo(course.root / "modules/01-test/photo.png")
    course.write("modules/01-test/easy-read.md", FRONT + "\n" + easy)
    return course


def _findings(course: Course, limits: EasyReadLimits | None = None) -> list[Finding]:
    loaded, found = load_course(course.root)
    context = CheckContext(dt.date(2026, 11, 25), easy_read=limits or EasyReadLimits())
    return [f for f in found + run_checks(loaded, context) if f.path.endswith("easy-read.md")]


def _rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


# --- the checks --------------------------------------------------------------------------


def test_good_easy_read_has_no_findings(course: Course) -> None:
    assert _findings(_course(course)) == []


def test_a_part_without_a_picture_is_named_with_its_line(course: Course) -> None:
    found = _findings(_course(course, "picture: wave\nHello there.\n\nThis part has no picture.\n"))
    assert _rules(found) == ["easy-read-no-picture"]
    assert found[0].line == 14 and "has no picture" in found[0].message and "picture: talk" in found[0].suggestion


def test_an_unknown_picture_gets_did_you_mean_and_only_one_message(course: Course) -> None:
    found = _findings(_course(course, "picture: wavve\nHello there.\n"))
    assert _rules(found) == ["easy-read-picture-name"]
    assert "There is no picture called `wavve`" in found[0].message and "Did you mean `wave`?" in found[0].suggestion


def test_own_images_need_words_saying_what_they_show_and_must_be_in_the_folder(course: Course) -> None:
    found = _findings(_course(course, 'picture: photo.png\nHello there.\n\npicture: missing.png "A dog"\nHello again.\n'))
    assert _rules(found) == ["easy-read-picture-alt", "easy-read-picture-missing"]
    assert 'picture: photo.png "' in found[0].suggestion
    assert "not in this module's folder" in found[1].message


def test_a_picture_outside_the_module_folder_is_refused(course: Course) -> None:
    _photo(course.root / "elsewhere.png")
    found = _findings(_course(course, 'picture: ../../elsewhere.png "Outside"\nHello there.\n'))
    assert _rules(found) == ["easy-read-picture-missing"]


def test_long_sentences_are_found_and_the_limit_can_be_changed(course: Course) -> None:
    sentence = "This sentence has far too many words in it for a reader who is new to all of this."
    found = _findings(_course(course, f"picture: wave\n{sentence}\n"))
    assert _rules(found) == ["easy-read-long-sentence"]
    assert found[0].message == "This sentence has 19 words. Easy Read sentences have 15 words or fewer."
    assert _findings(course, EasyReadLimits(max_words=20)) == []


def test_one_sentence_a_line(course: Course) -> None:
    found = _findings(_course(course, "picture: wave\nHello there. You are welcome here.\n"))
    assert _rules(found) == ["easy-read-one-sentence"]
    assert found[0].suggestion == "Put each sentence on a line of its own."


def test_short_forms_are_not_used(course: Course) -> None:
    found = _findings(_course(course, "picture: wave\nThe team works in AQuA and the NHS.\nIt is OK to ask.\n"))
    assert _rules(found) == ["easy-read-short-form", "easy-read-short-form"]
    assert "`AQuA` is a short form" in found[0].message and found[0].column == 19


def test_a_glossary_word_is_explained_in_the_next_sentence(course: Course) -> None:
    found = _findings(_course(course, "picture: chair\nThe chair starts the meeting.\nEveryone says hello.\n"))
    assert _rules(found) == ["easy-read-explain"]
    assert "“chair” is a word from the glossary" in found[0].message
    assert "This means the person who runs a meeting." in found[0].suggestion
    # Explained straight after the word, or in the next sentence: fine.
    assert (
        _findings(course.write("modules/01-test/easy-read.md", FRONT + "picture: chair\nThe chair is the person who leads.\n") and course)
        == []
    )


def test_too_many_parts_for_an_easy_read_document(course: Course) -> None:
    parts = "\n".join(f"picture: wave\nPart number {n}.\n" for n in range(12))
    found = _findings(_course(course, parts), EasyReadLimits(max_pages=2))
    assert _rules(found) == ["easy-read-too-long"]
    assert "12 parts, about 3 pages" in found[0].message


def test_a_part_with_many_sentences_is_more_than_one_idea(course: Course) -> None:
    found = _findings(_course(course, "picture: wave\n" + "".join(f"Sentence {n}.\n" for n in range(7))))
    assert _rules(found) == ["easy-read-long-part"]


def test_a_changed_module_asks_for_the_easy_read_version_to_be_reviewed(course: Course) -> None:
    found = _findings(_course(course, version="1.1", changes=[{"version": "1.1", "changed": "New words."}]))
    assert _rules(found) == ["easy-read-out-of-date"]
    assert found[0].severity.value == "warning"
    assert 'set `module_version: "1.1"`' in found[0].suggestion


def test_personal_details_in_easy_read_are_found(course: Course) -> None:
    found = _findings(_course(course, "picture: phone\nCall Sam on 07700 900123.\n"))
    assert "personal-phone" in _rules(found)


def test_check_command_reports_easy_read_problems(course: Course) -> None:
    _course(course, "picture: wave\nHello there. Welcome.\n")
    result = course.run("check")
    assert result.code == 1
    assert "modules/01-test/easy-read.md\n  line 12, column 1: error" in result.text and "more than one sentence" in result.text


# --- the outputs -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Course:
    course = Course(tmp_path_factory.mktemp("easy-read"))
    _course(course)
    course.module(folder="02-other", title="Another module", order=2)
    course.config["plugins"][2]["sidebyside"]["offline_copy"] = True
    course.write_config()
    result = course.build()
    assert result.code == 0, result.text
    return course


def test_the_easy_read_page_shows_pictures_beside_short_sentences(built: Course) -> None:
    page = built.page("modules/test/easy-read/index.html")
    assert "<h1" in page and "A test module: Easy Read" in page
    assert "We are glad you are here." in page and "<strong>chair</strong>" in page
    assert 'alt="A hand waving hello"' in page and 'alt="Two people talking at a table"' in page
    assert "Not tested yet" in page and "has not yet been tested with Easy Read reviewers" in page
    assert "OpenMoji" in page and "CC BY-SA 4.0" in page
    assert (built.root / "site/assets/sidebyside/pictures/wave.svg").is_file()
    assert (built.root / "site/modules/test/photo.png").is_file()
    assert page.count('class="sbs-er-part"') == 3


def test_module_pages_link_to_easy_read_or_say_there_is_none(built: Course) -> None:
    page = built.page("modules/test/index.html")
    assert 'href="easy-read/"' in page and "Read this page in Easy Read" in page
    assert "Download the Easy Read version (PDF" in page and "test-easy-read.pdf" in page
    assert "There is no Easy Read version of this page yet." in built.page("modules/other/index.html")
    assert "test-easy-read.pdf" in built.page("handouts/index.html")
    assert "This module has an" in built.page("trainers/modules/test/index.html")


def test_the_easy_read_handout_is_large_tagged_and_says_what_its_pictures_show(built: Course) -> None:
    pdf = built.root / "site/handouts/test-easy-read.pdf"
    text = all_text(pdf)
    assert "Welcome to the course." in text and "The chair is the person who runs the meeting." in text
    assert "Pictures from OpenMoji" in text
    sizes = [size for size, _ in font_sizes(pdf)]
    assert min(sizes) >= 16, f"text smaller than 16 pt: {min(sizes)}"
    with pikepdf.open(pdf) as document:
        assert str(document.Root.Lang) == "en-GB"
        figures = _figures(document.Root.StructTreeRoot)
    assert {"A hand waving hello", "A chair", "Two people talking at a table"} <= set(figures)
    ARTIFACTS.mkdir(exist_ok=True)
    for number in (1, 2):  # the first two pages, for people to look at
        assert page_image(pdf, number, ARTIFACTS, dpi=60).stat().st_size > 2_000


def _figures(node: Any) -> list[str]:
    """The text alternative of every Figure in a PDF's structure tree."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, pikepdf.Dictionary):
            if item.get("/S") == "/Figure" and "/Alt" in item:
                found.append(str(item.Alt))
            if "/K" in item:
                stack.append(item.K)
    return found


def test_the_offline_copy_holds_the_easy_read_page_and_handout(built: Course) -> None:
    zips = list((built.root / "site/handouts").glob("*.zip"))
    assert zips
    with zipfile.ZipFile(zips[0]) as archive:
        names = archive.namelist()
    assert any(n.endswith(("modules/test/easy-read/index.html", "modules/test/easy-read.html")) for n in names)
    assert any(n.endswith("assets/sidebyside/pictures/wave.svg") for n in names)
    assert any(n.endswith("test-easy-read.pdf") for n in names)


def test_an_easy_read_version_behind_its_module_is_flagged_everywhere(course: Course) -> None:
    _course(course, version="1.1", changes=[{"version": "1.1", "changed": "New words."}])
    course.config["plugins"][2]["sidebyside"]["handouts"] = False
    course.write_config()
    result = course.build()
    assert result.code == 0, result.text
    assert "This may be out of date" in course.page("modules/test/easy-read/index.html")
    assert "The Easy Read version needs a review" in course.page("trainers/modules/test/index.html")
    assert "The module has changed since this Easy Read version was written" in course.run("check").text


def test_pictures_are_real_svg_files_with_a_text_alternative_for_each() -> None:
    from sidebyside.content.pictures import catalogue

    pictures = catalogue()
    assert len(pictures) >= 80
    for picture in pictures.values():
        assert picture.alt and picture.alt[0].isupper()
        head = picture.path.read_text(encoding="utf-8")[:200]
        assert head.startswith("<svg") and "<script" not in picture.path.read_text(encoding="utf-8")
