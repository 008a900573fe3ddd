"""A small course in three languages (English, Welsh, Urdu) for the language tests.

The Welsh and Urdu here are short test sentences, not reviewed translations.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from factory import Course, _front

LANGUAGES = [{"code": "cy", "name": "Cymraeg"}, {"code": "ur", "name": "اردو", "direction": "rtl"}]


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def translate(course: Course, rel: str, body: str, **meta: Any) -> Path:
    """Write a translation beside `rel` (`modules/01-welcome/index.cy.md` for `cy`)."""
    return course.write(rel, _front(meta) + "\n" + body)


def three_language_course(root: Path) -> Course:
    """English with Welsh and Urdu translations of some pages: one page left untranslated, one term translated."""
    course = Course(root)
    course.config["plugins"][2]["sidebyside"].update({"language": "en", "translations": LANGUAGES, "handouts": False, "slides": False})
    course.write_config()
    course.write("docs/about.md", "# About this course\n\nWho wrote this course.\n")
    course.module(
        "01-welcome",
        title="Welcome",
        version="1.0",
        body="# Welcome\n\nWelcome to the course. We will talk about an aim.\n",
    )
    course.module("02-teams", title="Teams", order=2, body="# Teams\n\nHow teams work together.\n")
    course.term("aim", "aim", "What a team wants to change.")
    course.term("measure", "measure", "A number that shows a change.")
    translate(
        course,
        "modules/01-welcome/index.cy.md",
        "# Croeso\n\nCroeso i'r cwrs. Byddwn yn siarad am nod.\n",
        title="Croeso",
        translated_from="1.0",
    )
    translate(
        course,
        "modules/01-welcome/index.ur.md",
        "# خوش آمدید\n\nکورس میں خوش آمدید۔ ہم ایک مقصد کے بارے میں بات کریں گے۔\n",
        title="خوش آمدید",
        translated_from="1.0",
        translation_reviewed_by="A. Translator",
        translation_reviewed_on="2026-11-20",
    )
    aim = course.root / "glossary" / "aim.md"
    translate(course, "glossary/aim.cy.md", "", term="nod", plain="Beth mae tîm eisiau ei newid.", translated_from=fingerprint(aim))
    translate(course, "glossary/aim.ur.md", "", term="مقصد", plain="ٹیم کیا بدلنا چاہتی ہے۔", translated_from=fingerprint(aim))
    home = course.root / "docs" / "index.md"
    translate(course, "docs/index.cy.md", "# Hafan\n\nCroeso i'r cwrs prawf.\n", translated_from=fingerprint(home))
    translate(course, "docs/index.ur.md", "# ہوم\n\nٹیسٹ کورس میں خوش آمدید۔\n", translated_from=fingerprint(home))
    return course
