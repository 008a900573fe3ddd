"""Handouts in Welsh and Urdu: read back for their words, language tag, fonts and direction."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from factory import Course
from pdf_reading import all_text, link_uris, page_texts
from sidebyside.content import load_course
from sidebyside.content.model import Course as CourseModel
from sidebyside.print import render_handouts, render_module_handout
from sidebyside.print.documents import HandoutSettings, LanguageParts, make_all, plan_handouts

WELSH_BODY = "## Croeso\n\nMae’r cwrs hwn yn sôn am wella gofal. Gallwch chi stopio ar unrhyw adeg. Mae dŵr yn y tŷ.\n"
URDU_BODY = "## خوش آمدید\n\nیہ کورس دیکھ بھال کو بہتر بنانے کے بارے میں ہے۔ آپ کسی بھی وقت رک سکتے ہیں۔\n"


def _loaded(course: Course, title: str, body: str, outcome: str) -> CourseModel:
    """A one-module course whose module is written in another language (as a translated module would be)."""
    course.module("01-first-steps", body=body, title=title, summary=title, outcomes=[outcome], duration=65)
    course.term("aim", "aim", "What you want to change.")
    loaded, _ = load_course(course.root)
    return loaded


def _settings(course: Course, language: str) -> HandoutSettings:
    return HandoutSettings(
        root=course.root,
        today=dt.date(2026, 11, 25),
        site_url="https://course.example.org/",
        language=language,
        cache_dir=course.root / "cache",
        jobs=1,
    )


def _fonts(pdf: Path) -> set[str]:
    """The names of the fonts embedded in the PDF (subset prefixes removed)."""
    names = set()
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for font in page.obj.Resources.get("/Font", {}).values():
                names.add(str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1].replace("-", ""))
    return names


def _lang(pdf: Path) -> str:
    with pikepdf.open(pdf) as document:
        return str(document.Root.Lang)


def _runs(pdf: Path, page: int = 0) -> list[tuple[float, str]]:
    """(x on the page, text) of every piece of text drawn on a page."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text.strip()))

    PdfReader(str(pdf)).pages[page].extract_text(visitor_text=visit)
    return runs


def test_a_welsh_handout_is_in_welsh_tagged_cy_and_set_in_noto(course: Course) -> None:
    loaded = _loaded(course, "Camau cyntaf", WELSH_BODY, "gwybod beth yw gwella ansawdd")
    module = loaded.modules[0]
    original = "https://course.example.org/modules/first-steps/"
    part = "module:first-steps"
    parts = LanguageParts("Cymraeg", "Saesneg", "en-GB", prefix="cy/", drafts=frozenset({part}), out_of_date=frozenset({part}))
    made = render_module_handout(loaded, module, _settings(course, "cy"), parts=parts)

    assert made.name == "first-steps.cy.pdf"
    text = all_text(made.path)
    first = page_texts(made.path)[0]
    # The engine's own words, in Welsh: the cover, the facts, the page numbers, the date.
    assert re.search(r"Tudalen 1 o \d", first)
    assert "Adolygwyd ddiwethaf 1 Tachwedd 2026" in first
    assert "Amser mewn sesiwn: tua 1 awr 5 munud" in text
    assert "Erbyn diwedd y modiwl hwn" in text
    assert "Pwy wnaeth y dudalen hon" in text
    assert "Drafft yw’r cyfieithiad hwn. Dydy cyfieithydd cymwys ddim wedi ei wirio eto." in text
    assert "Efallai fod y cyfieithiad hwn wedi dyddio: newidiodd y dudalen Saesneg ar ôl iddi gael ei chyfieithu." in first
    assert original in link_uris(made.path)
    # ... and none of the English ones.
    for english in ("Page 1 of", "Last reviewed", "Time in a session", "Who made this page", "By the end of this module"):
        assert english not in text
    # The contributor's Welsh, with its ŵ/ŷ-capable font.
    assert "Mae’r cwrs hwn yn sôn am wella gofal." in text and "Mae dŵr yn y tŷ." in text
    assert _lang(made.path) == "cy"
    assert any(name.startswith("NotoSans") for name in _fonts(made.path)), _fonts(made.path)


def test_an_urdu_handout_is_in_urdu_tagged_ur_set_in_naskh_and_laid_out_right_to_left(course: Course) -> None:
    loaded = _loaded(course, "پہلے قدم", URDU_BODY, "جانیں کہ معیار میں بہتری کیا ہے")
    module = loaded.modules[0]
    settings = _settings(course, "ur")
    made = render_module_handout(loaded, module, settings, large=True)

    assert made.name == "first-steps-large-print.ur.pdf"
    assert _lang(made.path) == "ur"
    fonts = _fonts(made.path)
    assert any(name.startswith("NotoNaskhArabic") for name in fonts), fonts
    # The text reads back as the same letters (Naskh does; Nastaliq's glyphs do not).
    text = all_text(made.path)
    assert "یہ کورس دیکھ بھال کو بہتر بنانے کے بارے میں ہے۔" in text
    assert "سیشن میں وقت: تقریباً" in text  # "Time in a session: about"
    assert "اس ماڈیول کے آخر تک آپ یہ کر سکیں گے" in text  # "By the end of this module you will"
    assert "صفحہ" in text and "ورژن" in text  # "Page", "Version"
    assert "Page 1 of" not in text and "Last reviewed" not in text

    # Right to left: the HTML says so, and the running title sits at the right of the page.
    html = plan_handouts(loaded, settings)[1].make().html
    assert '<html lang="ur" dir="rtl">' in html
    width = float(PdfReader(str(made.path)).pages[0].mediabox.width)
    title_x = [x for x, words in _runs(made.path) if "قدم" in words]
    assert title_x and min(title_x) > width / 2, title_x


def test_every_handout_of_a_course_can_be_made_in_welsh_with_its_own_names(course: Course) -> None:
    loaded = _loaded(course, "Camau cyntaf", WELSH_BODY, "gwybod beth yw gwella ansawdd")
    settings = _settings(course, "cy")
    names = [p.name for p in plan_handouts(loaded, settings)]
    assert names == [
        "first-steps.cy.pdf",
        "first-steps-large-print.cy.pdf",
        "trainer-pack.cy.pdf",
        "jargon-buster.cy.pdf",  # no stories handout: this course has no stories
        "contacts.cy.pdf",
    ]
    made = render_handouts(loaded, settings)
    by_name = made.by_name()
    assert by_name["jargon-buster.cy.pdf"].title == "Esbonio jargon"
    assert "Esbonio geiriau, o A i Y" in all_text(by_name["jargon-buster.cy.pdf"].path)
    assert "Os oes angen help arnoch chi nawr" in all_text(by_name["contacts.cy.pdf"].path)
    assert all(_lang(h.path) == "cy" for h in made.handouts)


def test_english_handouts_keep_their_names_tag_and_words(course: Course) -> None:
    loaded = _loaded(course, "First steps", "Some words.\n", "know what a test is")
    english = make_all(loaded, _settings(course, "en"))
    assert [h.name for h in english][:2] == ["first-steps.pdf", "first-steps-large-print.pdf"]
    assert all(h.css == "" for h in english)
    assert '<html lang="en-GB">' in english[0].html
    assert "Time in a session: about 1 hour 5 minutes" in english[0].html


@pytest.mark.parametrize("language", ["cy", "ur"])
def test_a_language_changes_the_cache_key_so_handouts_never_mix(course: Course, language: str) -> None:
    from sidebyside.print.pipeline import planned_key

    loaded = _loaded(course, "First steps", "Some words.\n", "know what a test is")
    english = _settings(course, "en")
    other = replace(english, language=language)
    key_en = planned_key("engine", english, plan_handouts(loaded, english)[0])
    key_other = planned_key("engine", other, plan_handouts(loaded, other)[0])
    assert key_en != key_other


def test_a_build_makes_each_translated_module_handout_linked_from_its_page_with_its_notices(course: Course) -> None:
    """A real three-language build: Welsh and Urdu handouts of the translated module, none for the untranslated one."""
    from languages_course import three_language_course, translate

    built = three_language_course(course.root)
    built.config["plugins"][2]["sidebyside"]["handouts"] = True
    built.write_config()
    translate(  # a slide block in a translation is for the decks only, as in the original
        built,
        "modules/01-welcome/index.cy.md",
        '# Croeso\n\n!!! slide "Sleid"\n    - Llinell ar sleid yn unig\n\nCroeso i’r cwrs. Byddwn yn siarad am nod.\n',
        title="Croeso",
        translated_from="0.9",  # made from an older version of the English page
    )
    result = built.build()
    assert result.code == 0, result.text
    handouts = built.root / "site" / "handouts"
    made = sorted(p.name for p in handouts.glob("*.pdf"))
    assert {"welcome.cy.pdf", "welcome-large-print.cy.pdf", "welcome.ur.pdf", "welcome-large-print.ur.pdf"} <= set(made)
    assert not any(name.startswith("teams.") and name != "teams.pdf" for name in made)  # not translated: no copy

    welsh = all_text(handouts / "welcome.cy.pdf")
    assert "Croeso i’r cwrs. Byddwn yn siarad am nod." in welsh
    assert "Llinell ar sleid yn unig" not in welsh
    assert "Drafft yw’r cyfieithiad hwn." in welsh
    assert "Efallai fod y cyfieithiad hwn wedi dyddio: newidiodd y dudalen Saesneg ar ôl iddi gael ei chyfieithu." in welsh
    assert "https://course.example.org/modules/welcome/" in link_uris(handouts / "welcome.cy.pdf")
    assert "https://course.example.org/cy/modules/welcome/" in welsh.replace(" ", "")
    urdu = all_text(handouts / "welcome.ur.pdf")
    assert "کورس میں خوش آمدید۔" in urdu
    assert "مسودہ" not in urdu and "پرانا" not in urdu  # reviewed, and up to date: no notices
    assert _lang(handouts / "welcome.ur.pdf") == "ur"

    page = (built.root / "site" / "cy" / "modules" / "welcome" / "index.html").read_text(encoding="utf-8")
    assert "handouts/welcome.cy.pdf" in page and "handouts/welcome.pdf" not in page
    assert "Llinell ar sleid yn unig" not in page
    english = (built.root / "site" / "modules" / "welcome" / "index.html").read_text(encoding="utf-8")
    assert "handouts/welcome.pdf" in english and ".cy.pdf" not in english


EASY_READ = """\
---
title: "Welcome: Easy Read"
module_version: "1.0"
co_produced_with: []
tested_with: []
owner: Test team
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

picture: wave
Welcome to the course.
We are glad you are here.
"""


def test_every_handout_comes_in_every_language_with_what_is_still_english_said_and_marked(course: Course) -> None:
    """A real three-language build: the trainer pack, jargon buster, stories, contacts and Easy Read
    handouts in Welsh and Urdu, each read back for its words, notices, language tag and font."""
    from languages_course import fingerprint, three_language_course, translate

    built = three_language_course(course.root)
    built.config["plugins"][2]["sidebyside"]["handouts"] = True
    built.write_config()
    built.write("modules/01-welcome/easy-read.md", EASY_READ)
    easy = built.root / "modules" / "01-welcome" / "easy-read.md"
    translate(
        built,
        "modules/01-welcome/easy-read.cy.md",
        "picture: wave\nCroeso i'r cwrs.\nRydyn ni'n falch eich bod chi yma.\n",
        title="Croeso: Hawdd ei Ddeall",
        translated_from=fingerprint(easy),
    )
    built.story("first-day", "It was my first meeting.\n", title="My first day")
    story = built.root / "stories" / "first-day.md"
    translate(
        built, "stories/first-day.cy.md", "Hwn oedd fy nghyfarfod cyntaf.\n", title="Fy niwrnod cyntaf", translated_from=fingerprint(story)
    )
    built.term("aim", "aim", "What a team wants to change, in a few words.")  # the English entry changed after it was translated
    result = built.build()
    assert result.code == 0, result.text
    handouts = built.root / "site" / "handouts"
    for code in ("cy", "ur"):
        for name in ("trainer-pack", "jargon-buster", "stories", "contacts"):
            assert _lang(handouts / f"{name}.{code}.pdf") == code, name
    assert (handouts / "welcome-easy-read.cy.pdf").exists() and not (handouts / "welcome-easy-read.ur.pdf").exists()

    # The jargon buster in Welsh: the Welsh entry, the English one not yet translated, and what is behind.
    welsh = all_text(handouts / "jargon-buster.cy.pdf")
    assert "Esbonio jargon" in welsh and "Beth mae tîm eisiau ei newid." in welsh
    assert "A number that shows a change." in welsh  # "measure" has no Welsh entry yet
    assert "Does dim fersiwn Cymraeg o rannau o’r daflen hon eto, felly maen nhw i’w gweld yn Saesneg." in welsh
    assert "Efallai fod rhai rhannau o’r daflen hon wedi dyddio" in welsh
    assert "Efallai fod y cyfieithiad hwn wedi dyddio: newidiodd y dudalen Saesneg" in welsh  # in the entry itself
    assert "Drafftiau yw’r cyfieithiadau yn y daflen hon." in welsh
    assert "https://course.example.org/cy/glossary/" in welsh.replace(" ", "")
    assert any(name.startswith("NotoSans") for name in _fonts(handouts / "jargon-buster.cy.pdf"))

    # The stories booklet and the Easy Read handout in Welsh: translated, so no "not translated" notice.
    stories = all_text(handouts / "stories.cy.pdf")
    assert "Fy niwrnod cyntaf" in stories and "Hwn oedd fy nghyfarfod cyntaf." in stories
    assert "Does dim fersiwn Cymraeg" not in stories and "It was my first meeting." not in stories
    easy_read = all_text(handouts / "welcome-easy-read.cy.pdf")
    assert "Rydyn ni’n falch eich bod chi yma." in easy_read.replace("'", "’") and "We are glad" not in easy_read

    # The trainer pack in Urdu: right to left in Naskh, the untranslated module in English, and said so.
    urdu = all_text(handouts / "trainer-pack.ur.pdf")
    assert "تربیت دینے والوں کا پیک" in urdu and "How teams work together." in urdu
    assert "اس پرچے کے کچھ حصوں کا ابھی اردو میں ترجمہ نہیں ہوا" in urdu
    assert any(name.startswith("NotoNaskhArabic") for name in _fonts(handouts / "trainer-pack.ur.pdf"))
    contacts = all_text(handouts / "contacts.ur.pdf")
    assert "Involvement lead" in contacts and "اس پرچے کے کچھ حصوں کا ابھی اردو میں ترجمہ نہیں ہوا" in contacts

    # Each language's Handouts page lists its own handouts, in its words, the English ones marked as English.
    page = built.page("cy/handouts/index.html")
    assert '<h1 id="taflenni">Taflenni</h1>' in page and "Printable copies" not in page
    assert "handouts/trainer-pack.cy.pdf" in page and "handouts/trainer-pack.pdf" not in page
    assert '<span lang="en-GB" dir="ltr">Teams</span>' in page and "handouts/teams.pdf" in page
    english = built.page("handouts/index.html")
    assert 'href="trainer-pack.pdf"' in english
    assert ".cy.pdf" not in english and ".ur.pdf" not in english


def test_english_parts_of_a_welsh_handout_are_marked_as_english(course: Course) -> None:
    """In the HTML that becomes the PDF: what a translation left in English says so (lang and dir)."""
    loaded = _loaded(course, "Camau cyntaf", WELSH_BODY, "gwybod beth yw gwella ansawdd")
    course.term("measure", "measure", "A number that shows a change.")
    loaded, _ = load_course(course.root)
    parts = LanguageParts(
        "Cymraeg",
        "Saesneg",
        "en-GB",
        prefix="cy/",
        untranslated=frozenset({"term:measure"}),
        kept=frozenset({"module:first-steps:summary"}),
    )
    made = {p.name: p for p in plan_handouts(loaded, _settings(course, "cy"), parts)}
    buster = made["jargon-buster.cy.pdf"].make().html
    assert '<dt lang="en-GB" dir="ltr">measure' in buster and '<dt lang="en-GB" dir="ltr">aim' not in buster
    module = made["first-steps.cy.pdf"].make().html
    assert '<p class="summary" lang="en-GB" dir="ltr">' in module
    trainer = made["trainer-pack.cy.pdf"].make().html
    assert '<html lang="cy">' in trainer and "Does dim fersiwn Cymraeg" not in trainer  # every module is translated
    # Untranslated modules have no handout of their own in Welsh: their page links the English one.
    untranslated = replace(parts, untranslated=frozenset({"module:first-steps"}))
    names = [p.name for p in plan_handouts(loaded, _settings(course, "cy"), untranslated)]
    assert "first-steps.cy.pdf" not in names and "trainer-pack.cy.pdf" in names
