"""Courses in more than one language: translated files beside the originals, built into one
site with a page per language, checked in every language, and never silently out of date."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

import pytest

from factory import Course
from languages_course import fingerprint, three_language_course, translate
from pdf_reading import all_text

SWITCHER = re.compile(r'<nav class="sbs-languages"[^>]*>(.*?)</nav>', re.S)
HTML_TAG = re.compile(r"<html\b[^>]*>")


@pytest.fixture
def built(tmp_path: Path) -> Course:
    course = three_language_course(tmp_path / "course")
    result = course.build()
    assert result.code == 0, result.text
    return course


def findings(course: Course, *paths: str) -> list[dict[str, Any]]:
    result = course.run("check", "--format", "json", *paths)
    return json.loads(result.out)


def switcher_links(html: str) -> dict[str, str]:
    match = SWITCHER.search(html)
    assert match, "no language switcher on the page"
    return dict((code, href) for href, code in re.findall(r'href="([^"]*)"[^>]*data-sbs-language="([^"]*)"', match.group(1)))


def notices(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", n) for n in re.findall(r'<div class="sbs-language-notice".*?</div>', html, re.S)]


# --- one site, every page in every language --------------------------------------------


def test_every_page_is_built_in_every_language(built: Course) -> None:
    site = built.root / "site"
    english = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("cy", "ur"))
    assert "modules/welcome/index.html" in english and "glossary/index.html" in english and "about/index.html" in english
    for code in ("cy", "ur"):
        missing = [page for page in english if not (site / code / page).is_file()]
        assert not missing, f"pages missing in {code}: {missing}"
    # A docs page's translation is published in its language's copy, never as a page of its own.
    assert not (site / "index.cy").exists() and not (site / "index.ur").exists()


def test_translated_pages_show_the_translation_with_their_language_and_direction(built: Course) -> None:
    welsh, urdu, english = (
        built.page(p) for p in ("cy/modules/welcome/index.html", "ur/modules/welcome/index.html", "modules/welcome/index.html")
    )
    assert "Byddwn yn siarad am" in welsh and "Welcome to the course" not in welsh
    assert "ہم ایک" in urdu
    assert 'lang="cy" dir="ltr"' in HTML_TAG.search(welsh).group(0)
    assert 'lang="ur" dir="rtl"' in HTML_TAG.search(urdu).group(0)
    assert 'lang="en-GB" dir="ltr"' in HTML_TAG.search(english).group(0)
    assert "Hafan" in built.page("cy/index.html") and "ٹیسٹ کورس" in built.page("ur/index.html")


def test_the_switcher_keeps_the_reader_on_the_same_page(built: Course) -> None:
    site = built.root / "site"
    for page in ("modules/welcome/", "cy/modules/welcome/", "ur/modules/teams/", "cy/about/", "", "ur/glossary/"):
        links = switcher_links((site / page / "index.html").read_text(encoding="utf-8"))
        assert set(links) == {"en", "cy", "ur"}
        original = page.removeprefix("cy/").removeprefix("ur/")
        for code, href in links.items():
            assert not href.startswith(("/", "http")), f"{href} is not relative: it would break under a version's folder"
            target = posixpath.normpath(posixpath.join(page or ".", href))
            expected = posixpath.normpath(original if code == "en" else f"{code}/{original}")
            assert target == expected, f"from /{page} the {code} link leads to /{target}"
            assert (site / target / "index.html").is_file()


def test_a_page_not_yet_translated_falls_back_to_the_original_with_a_notice(built: Course) -> None:
    html = built.page("cy/modules/teams/index.html")
    assert "How teams work together." in html
    assert notices(html) == ["Does dim fersiwn Cymraeg o’r dudalen hon eto, felly mae hi i’w gweld yn Saesneg."]
    # The text is English, so the page says so; the notice says which language it is in.
    assert 'lang="en-GB"' in HTML_TAG.search(html).group(0)
    assert notices(built.page("cy/about/index.html")) == notices(html)


def test_a_draft_translation_says_so_until_a_reviewer_is_recorded(built: Course) -> None:
    assert notices(built.page("cy/modules/welcome/index.html")) == [
        "Drafft yw’r cyfieithiad hwn. Dydy cyfieithydd cymwys ddim wedi ei wirio eto."
    ]
    assert notices(built.page("ur/modules/welcome/index.html")) == []  # translation_reviewed_by is recorded
    assert notices(built.page("modules/welcome/index.html")) == []


def test_glossary_words_in_a_translation_link_to_that_languages_glossary(built: Course) -> None:
    welsh = built.page("cy/modules/welcome/index.html")
    assert re.search(r'<a class="sbs-term" href="../../glossary/#aim"[^>]*>(<[^>]+>)*nod(<[^>]+>)*</a>', welsh)
    assert 'data-sbs-more="Mwy am ‘nod’ yn yr eirfa"' in welsh  # the pop-up's link, in Welsh
    assert "Beth mae tîm eisiau ei newid." in built.page("cy/glossary/index.html")
    urdu = built.page("ur/modules/welcome/index.html")
    assert re.search(r'<a class="sbs-term" href="../../glossary/#aim"[^>]*>(<[^>]+>)*مقصد(<[^>]+>)*</a>', urdu)


def test_the_menu_of_a_translated_page_stays_in_its_language(built: Course) -> None:
    html = built.page("cy/modules/welcome/index.html")
    menu = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.S)
    assert menu
    for href in re.findall(r'href="([^"#]*)"', menu.group(0)):
        target = posixpath.normpath(posixpath.join("cy/modules/welcome", href))
        assert target == "cy" or target.startswith("cy/"), f"the menu leads out of Welsh to /{target}"


def test_a_one_language_course_has_no_switcher(course: Course) -> None:
    course.module("01-test", body="# Test\n\nSome words.\n")
    assert course.build().code == 0
    html = course.page("modules/test/index.html")
    assert "sbs-languages" not in html and '<html lang="en-GB"' in html
    assert not (course.root / "site" / "cy").exists()


# --- no silent drift -----------------------------------------------------------------------


def test_changing_the_english_page_marks_its_translations_out_of_date(built: Course) -> None:
    assert not [f for f in findings(built) if f["rule"].startswith("translation-out")]
    original = built.root / "modules" / "01-welcome" / "index.md"
    original.write_text(original.read_text(encoding="utf-8").replace("version: '1.0'", "version: '1.1'"), encoding="utf-8")
    assert "version: '1.1'" in original.read_text(encoding="utf-8")
    result = built.build()
    assert result.code == 0, result.text
    welsh = built.page("cy/modules/welcome/index.html")
    assert notices(welsh)[0] == (
        "Efallai fod y cyfieithiad hwn wedi dyddio: newidiodd y dudalen Saesneg ar ôl iddi gael ei chyfieithu. Darllenwch y dudalen Saesneg."
    )
    link = re.search(r'<div class="sbs-language-notice".*?href="([^"]+)"', welsh, re.S).group(1)
    assert posixpath.normpath(posixpath.join("cy/modules/welcome", link)) == "modules/welcome"
    assert "انگریزی" in notices(built.page("ur/modules/welcome/index.html"))[0]
    reported = {(f["path"], f["rule"], f["severity"]) for f in findings(built)}
    assert ("modules/01-welcome/index.cy.md", "translation-out-of-date", "warning") in reported
    assert ("modules/01-welcome/index.ur.md", "translation-out-of-date", "warning") in reported
    # The translator brings the page up to date, and says so.
    done = built.run("translation", "done", "modules/01-welcome/index.cy.md")
    assert done.code == 0, done.text
    assert "version 1.1" in done.out
    assert 'translated_from: "1.1"' in (built.root / "modules/01-welcome/index.cy.md").read_text(encoding="utf-8")
    assert not [f for f in findings(built) if f["path"].endswith(".cy.md") and f["rule"] == "translation-out-of-date"]
    assert built.build().code == 0
    assert not any("wedi dyddio" in n for n in notices(built.page("cy/modules/welcome/index.html")))


def test_a_changed_glossary_entry_marks_its_translation_out_of_date(built: Course) -> None:
    (built.root / "glossary" / "aim.md").write_text("---\nterm: aim\nplain: What a team sets out to change.\n---\n", encoding="utf-8")
    reported = {(f["path"], f["rule"]) for f in findings(built)}
    assert ("glossary/aim.cy.md", "translation-out-of-date") in reported
    assert ("glossary/aim.ur.md", "translation-out-of-date") in reported
    assert built.run("translation", "done", "glossary/aim.cy.md").code == 0
    assert fingerprint(built.root / "glossary" / "aim.md") in (built.root / "glossary" / "aim.cy.md").read_text(encoding="utf-8")
    reported = {(f["path"], f["rule"]) for f in findings(built)}
    assert ("glossary/aim.cy.md", "translation-out-of-date") not in reported


def test_a_translation_that_does_not_say_what_it_was_made_from_is_reported(course: Course) -> None:
    course.config["plugins"][2]["sidebyside"]["translations"] = [{"code": "cy", "name": "Cymraeg"}]
    course.write_config()
    course.module("01-test", body="Some words.\n")
    translate(course, "modules/01-test/index.cy.md", "Rhai geiriau.\n", title="Prawf")
    found = [f for f in findings(course) if f["rule"] == "translation-unrecorded"]
    assert found and found[0]["path"] == "modules/01-test/index.cy.md"
    assert "sidebyside translation done modules/01-test/index.cy.md" in found[0]["suggestion"]
    assert course.build().code == 0
    assert "wedi dyddio" in notices(course.page("cy/modules/test/index.html"))[0]


def test_a_translation_with_no_original_is_reported_and_named_when_the_build_stops(course: Course) -> None:
    course.config["plugins"][2]["sidebyside"]["translations"] = [{"code": "cy", "name": "Cymraeg"}]
    course.write_config()
    course.module("01-test", body="Some words.\n")
    # Misnamed: the original is index.md, so "index-old.cy.md" translates a file that is not there.
    translate(course, "modules/01-test/index-old.cy.md", "Hen eiriau.\n", title="Hen", translated_from="1.0")
    found = [f for f in findings(course) if f["rule"] == "translation-no-original"]
    assert [f["path"] for f in found] == ["modules/01-test/index-old.cy.md"]
    assert "there is no `index-old.md` beside it" in found[0]["message"]
    assert "Name it after the file it translates" in found[0]["suggestion"]
    # The test course builds strictly (as CI does): the warning stops the build, naming the file and the fix.
    result = course.build()
    assert result.code == 1
    assert "modules/01-test/index-old.cy.md" in result.text and "Traceback" not in result.text
    assert not (course.root / "site").exists()


# --- checks in every language --------------------------------------------------------------


def test_personal_details_in_a_translation_stop_the_build(built: Course) -> None:
    translate(built, "modules/02-teams/index.cy.md", "Ffoniwch fi ar 07700 900123.\n", title="Timau", translated_from="1.0")
    result = built.build()
    assert result.code == 1
    assert "modules/02-teams/index.cy.md" in result.text


def test_unsafe_html_in_a_translation_stops_the_build(built: Course) -> None:
    translate(built, "modules/02-teams/index.ur.md", "<script>alert(1)</script>\n", title="ٹیمیں", translated_from="1.0")
    result = built.build()
    assert result.code == 1
    assert "modules/02-teams/index.ur.md" in result.text


def test_a_broken_link_in_a_translation_is_an_error(built: Course) -> None:
    translate(
        built, "modules/02-teams/index.cy.md", "Darllenwch [y geirfa](../../glossary/#dim-yma).\n", title="Timau", translated_from="1.0"
    )
    found = [f for f in findings(built) if f["path"] == "modules/02-teams/index.cy.md"]
    assert any(f["rule"] == "link-anchor" and f["severity"] == "error" for f in found), found


def test_a_translation_cannot_publish_a_story_without_consent(built: Course) -> None:
    built.story("mine", "What happened to me.\n", kind="real")  # no consent record
    translate(built, "stories/mine.cy.md", "Beth ddigwyddodd i mi.\n", title="Fy stori", translated_from="x")
    result = built.build()
    assert result.code == 1
    assert not (built.root / "site" / "cy" / "stories" / "mine").exists()


def test_a_glossary_word_linked_in_a_translation_needs_a_translated_entry(built: Course) -> None:
    translate(
        built,
        "modules/02-teams/index.cy.md",
        "Mae pob tîm yn dewis [mesur](../../glossary/#measure).\n",
        title="Timau",
        translated_from="1.0",
    )
    found = [f for f in findings(built) if f["rule"] == "translation-term-missing"]
    assert [(f["path"], f["severity"]) for f in found] == [("modules/02-teams/index.cy.md", "warning")]
    assert "glossary/measure.cy.md" not in found[0]["suggestion"] and "measure.cy.md" in found[0]["suggestion"]


def test_reading_checks_are_skipped_with_one_note_per_language(built: Course) -> None:
    notes = [f for f in findings(built) if f["rule"] == "translation-not-measured"]
    assert len(notes) == 2
    assert {"Cymraeg (cy)" in n["message"] or "(ur)" in n["message"] for n in notes} == {True}
    # English pages still get the reading checks: a very long sentence is reported.
    long = " ".join(["and then we went on"] * 12) + ".\n"
    built.module("03-long", title="Long", order=3, body=long)
    assert any(f["rule"].startswith("jargon-") and f["path"] == "modules/03-long/index.md" for f in findings(built))
    translate(built, "modules/03-long/index.cy.md", " ".join(["ac wedyn aethom ymlaen"] * 12) + ".\n", title="Hir", translated_from="1.0")
    assert not [f for f in findings(built) if f["rule"].startswith("jargon-") and f["path"].endswith(".cy.md")]


def test_a_file_in_a_language_the_course_does_not_have_is_reported_not_published(built: Course) -> None:
    translate(built, "modules/01-welcome/index.fr.md", "Bienvenue.\n", title="Bienvenue")
    found = [f for f in findings(built) if f["rule"] == "translation-language"]
    assert found and found[0]["path"] == "modules/01-welcome/index.fr.md"
    assert "- code: fr" in found[0]["suggestion"]
    assert built.build().code == 1  # a strict build (as CI runs it) asks for it to be fixed
    assert built.run("build").code == 0
    assert not (built.root / "site" / "fr").exists()
    assert "Bienvenue" not in built.page("modules/welcome/index.html")


# --- the setting and the command ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("translations", "said"),
    [
        ([{"code": "Welsh"}], "`Welsh` under `translations` is not a language code"),
        ([{"code": "ur", "direction": "right"}], "Write `rtl`"),
        ([{"name": "Cymraeg"}], "needs a `code`"),
        ([{"code": "cy"}, {"code": "cy"}], "listed twice"),
    ],
)
def test_a_mistake_in_the_languages_setting_is_explained(course: Course, translations: list[Any], said: str) -> None:
    course.config["plugins"][2]["sidebyside"]["translations"] = translations
    course.write_config()
    result = course.build()
    assert result.code != 0
    assert said in result.text and "Traceback" not in result.text


def test_translation_done_explains_a_wrong_file(built: Course) -> None:
    for name, said in [
        ("modules/01-welcome/index.md", "is not named as a translation"),
        ("modules/01-welcome/index.pl.md", "Could not find"),
    ]:
        result = built.run("translation", "done", name)
        assert result.code == 1 and said in result.text and "Traceback" not in result.text
    translate(built, "modules/01-welcome/index.pl.md", "Witamy.\n", title="Witamy")
    result = built.run("translation", "done", "modules/01-welcome/index.pl.md")
    assert result.code == 1 and "not one of the course's languages" in result.text


def test_untranslated_glossary_entries_are_marked_as_english_on_an_urdu_page(built: Course) -> None:
    html = built.page("ur/glossary/index.html")
    assert '<dt id="measure" lang="en-GB" dir="ltr">measure</dt>' in html
    assert re.search(r'<dt id="aim">مقصد</dt>\s*<dd>', html)


def test_a_translated_module_has_its_own_handouts_linked_from_its_page(tmp_path: Path) -> None:
    course = three_language_course(tmp_path / "course")
    course.config["plugins"][2]["sidebyside"]["handouts"] = True
    course.write_config()
    result = course.build()
    assert result.code == 0, result.text
    site = course.root / "site"
    welsh = course.page("cy/modules/welcome/index.html")
    links = re.findall(r'href="([^"]+\.pdf)"', welsh)
    assert "../../../handouts/welcome.cy.pdf" in links and "../../../handouts/welcome-large-print.cy.pdf" in links
    assert not [link for link in links if not (site / "cy/modules/welcome" / link).resolve().is_file()]
    text = all_text(site / "handouts" / "welcome.cy.pdf")
    assert "Croeso" in text and "Drafft" in text
    # The English page offers the English handouts only; an untranslated page offers the English ones.
    english = re.findall(r'href="([^"]+\.pdf)"', course.page("modules/welcome/index.html"))
    assert english and not [link for link in english if ".cy." in link or ".ur." in link]
    fallback = re.findall(r'href="([^"]+\.pdf)"', course.page("cy/modules/teams/index.html"))
    assert "../../../handouts/teams.pdf" in fallback


def test_a_glossary_entry_behind_its_original_says_so_in_the_glossary(built: Course) -> None:
    (built.root / "glossary" / "aim.md").write_text("---\nterm: aim\nplain: What a team sets out to change.\n---\n", encoding="utf-8")
    assert built.build().code == 0
    html = built.page("cy/glossary/index.html")
    entry = re.search(r'<dt id="aim">.*?</dd>', html, re.S).group(0)
    assert "Efallai fod y cyfieithiad hwn wedi dyddio" in entry
    assert 'href="../../glossary/#aim"' in entry  # the English entry
    other = re.search(r'<dt id="measure".*?</dd>', html, re.S).group(0)
    assert "sbs-language-notice" not in other


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


def test_easy_read_and_stories_are_translated_too(built: Course) -> None:
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
    result = built.build()
    assert result.code == 0, result.text
    welsh_easy = built.page("cy/modules/welcome/easy-read/index.html")
    assert "Rydyn ni" in welsh_easy and "Croeso: Hawdd ei Ddeall" in welsh_easy
    assert "We are glad" in built.page("modules/welcome/easy-read/index.html")
    assert "We are glad" in built.page("ur/modules/welcome/easy-read/index.html")  # not translated into Urdu
    welsh_story = built.page("cy/stories/first-day/index.html")
    assert "Hwn oedd fy nghyfarfod cyntaf." in welsh_story and "Fy niwrnod cyntaf" in welsh_story
    assert "Fy niwrnod cyntaf" in built.page("cy/stories/index.html")
    assert "My first day" in built.page("stories/index.html")
    # Both translations are new: each is a draft, and neither is behind its original.
    assert not [f for f in findings(built) if f["rule"] == "translation-out-of-date"]
