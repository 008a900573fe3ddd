"""Reader first, in real builds: everyday words linked only where marked, the lesson before the
words box, honest and configurable furniture, word reports, starter text refused."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from factory import Course
from pdf_reading import all_text

BODY = """\
I waited all day in a chair before the meeting started.

The {{ term("chair") }} opened the meeting. Later the chair thanked everyone.

We tried a PDSA cycle, and "PDSA cycle" again.

In ten minutes I heard three new words.
"""


def _everyday_course(course: Course) -> Course:
    course.module("01-meetings", BODY, title="Meetings")
    course.term("chair", "chair", "The person who runs a meeting.", aliases=["chairs"], everyday=True)
    course.term("minutes", "minutes", "A short written record of a meeting.", everyday=True)
    course.term("pdsa-cycle", "PDSA cycle", "A way to test a small change.", aliases=["PDSA"])
    return course


def _article(course: Course, rel: str) -> str:
    page = course.page(rel)
    return page[page.index("<article") : page.index("</article>")]


def _linked(article: str) -> list[tuple[str, str]]:
    """(slug, visible words) of every marked term on a page."""
    found = re.findall(r'<a class="sbs-term" href="[^"]*#([a-z-]+)"[^>]*>(.*?)</a>', article)
    return [(slug, re.sub(r"<[^>]+>", "", text)) for slug, text in found]


def test_everyday_words_are_linked_only_where_the_author_marks_them(course: Course) -> None:
    _everyday_course(course)
    result = course.build()
    assert result.code == 0, result.text
    article = _article(course, "modules/meetings/index.html")
    assert _linked(article) == [("chair", "chair"), ("pdsa-cycle", "PDSA cycle")]
    assert "all day in a chair before" in article  # the everyday sense stays plain text
    assert "In ten minutes I heard" in article
    # The words box lists only what the page links, and comes after the lesson.
    box = article[article.index('class="sbs-words') :]
    assert re.findall(r"<dt><a [^>]*>([^<]+)</a>", box) == ["chair", "PDSA cycle"]
    assert article.index("In ten minutes I heard") < article.index('class="sbs-words')
    assert article.index("By the end of this module you will") < article.index("I waited all day")


def test_the_check_points_at_unmarked_uses_that_may_be_the_glossary_sense(course: Course) -> None:
    course.module(
        "01-meetings", "The chair opened the meeting.\n\nThe minutes were sent round. The minutes were short.\n", title="Meetings"
    )
    course.term("chair", "chair", "The person who runs a meeting.", everyday=True)
    course.term("minutes", "minutes", "A short written record of a meeting.", everyday=True)
    result = course.run("check")
    assert result.code == 0, result.text  # a suggestion, not an error
    assert '"chair" has an everyday meaning, so it is not linked to the glossary here.' in result.text
    assert 'write {{ term("chair") }}' in result.text
    assert "It is used 1 more time on this page." in result.text  # minutes, counted once
    assert re.search(r"line \d+, column 5: suggestion: \"chair\"", result.text), result.text
    # Once the author marks the word on a page, that page is not flagged again.
    course.module("01-meetings", 'The {{ term("chair") }} opened the meeting.\n', title="Meetings")
    assert '"chair" has an everyday meaning' not in course.run("check").text


def test_punctuation_and_quotes_stay_with_the_term(course: Course) -> None:
    course.module("01-help", 'Ask the "Patient Advice and Liaison Service". Then ask PALS again.\n', title="Help")
    course.term("pals", "PALS", "Helps with questions about NHS care.", aliases=["Patient Advice and Liaison Service"])
    assert course.build().code == 0
    article = _article(course, "modules/help/index.html")
    group = re.search(r'<span class="sbs-t">(.*?)</a>(.*?)</span>', article)
    assert group is not None
    assert group.group(1).startswith("&quot;") or group.group(1).startswith('"')
    assert group.group(2) in ('".', "&quot;.")
    # A long term keeps its first words free to wrap; only the last word is kept with its icon.
    assert '<span class="sbs-t-head">Patient Advice and Liaison </span><span class="sbs-t-end">Service' in article
    assert "what is this" not in article.casefold()


def test_see_also_shows_names_not_file_names(course: Course) -> None:
    course.module("01-t", "Words.\n", title="Words")
    course.term("nhs-111", "NHS 111", "A phone line for urgent help.", see_also=["secondary-care"])
    course.term("secondary-care", "secondary care", "Care from specialists.")
    assert course.build().code == 0
    glossary = course.page("glossary/index.html")
    assert re.search(r'See also: <a href="#secondary-care">secondary care</a>', glossary), glossary[glossary.index("See also") - 50 :][:300]


def test_footer_contact_and_word_reports_come_from_the_settings(course: Course) -> None:
    course.config["plugins"][2]["sidebyside"].update(
        {
            "trust_name": "Anytown NHS Foundation Trust",
            "footer_note": "Written with the Anytown patient panel.",
            "contact_email": "qi-team@anytown.example.nhs.uk",
            "contact_phone": "01234 567890",
            "repository": "https://github.com/anytown/qi-course",
            "handouts": True,
        }
    )
    course.write_config()
    course.module("01-welcome", "Hello.\n", title="Welcome")
    result = course.build()
    assert result.code == 0, result.text
    assert "has not set" not in result.text
    page = course.page("modules/welcome/index.html")
    footer = page[page.index('<footer class="md-footer">') :]
    assert "Anytown NHS Foundation Trust" in footer and "Written with the Anytown patient panel." in footer
    assert 'href="mailto:qi-team@anytown.example.nhs.uk"' in footer and 'href="tel:01234567890"' in footer
    assert "Made together by patient partners" not in page
    assert "Suggest a change to this page" in footer
    assert 'rel="edit"' not in page[: page.index('<footer class="md-footer">')]  # no pencil on the page
    report = re.search(r'<a class="sbs-word-report" href="([^"]+)"', page)
    assert report is not None
    address = urlsplit(report.group(1).replace("&amp;", "&"))
    assert address.netloc == "github.com" and address.path == "/anytown/qi-course/issues/new"
    query = parse_qs(address.query)
    assert query["template"] == ["word.yml"] and query["page"] == ["https://course.example.org/modules/welcome/"]
    handout = all_text(course.root / "site" / "handouts" / "welcome.pdf")
    assert "Anytown NHS Foundation Trust" in handout
    assert "Tell us a word you did not understand" in handout
    assert "qi-team@anytown.example.nhs.uk" in handout


def test_word_reports_go_by_email_without_a_repository(course: Course) -> None:
    course.config["plugins"][2]["sidebyside"].update({"trust_name": "Anytown", "contact_email": "qi@anytown.example.nhs.uk"})
    course.write_config()
    course.module("01-welcome", "Hello.\n", title="Welcome")
    assert course.build().code == 0
    page = course.page("modules/welcome/index.html")
    report = re.search(r'<a class="sbs-word-report" href="([^"]+)"', page)
    assert report is not None and report.group(1).startswith("mailto:qi@anytown.example.nhs.uk?")
    assert "modules%2Fwelcome" in report.group(1)


def test_a_course_without_settings_is_told_and_claims_nothing(course: Course) -> None:
    course.module("01-welcome", "Hello.\n", title="Welcome")
    result = course.build()
    assert result.code == 0, result.text
    assert "mkdocs.yml:1:1: The course has not set `trust_name`" in result.text
    assert "The course has not set a way for readers to reach you" in result.text
    page = course.page("modules/welcome/index.html")
    footer = page[page.index('<footer class="md-footer">') :]
    assert "Test course" in footer  # the course's name, nothing more
    for claim in ("Made together", "co-produced", "reviewed with patient partners"):
        assert claim not in footer
    assert "sbs-word-report" not in page  # no route to report a word: no dead link


def test_bad_settings_stop_the_build_in_plain_words(course: Course) -> None:
    course.config["plugins"][2]["sidebyside"].update({"trust_colours": {"header": "#ffeb3b"}, "contact_email": "not an email"})
    course.write_config()
    course.module("01-welcome", "Hello.\n", title="Welcome")
    result = course.build()
    assert result.code != 0
    assert "trust_colours.header" in result.text and "4.5 to 1" in result.text
    assert "contact_email" in result.text
    assert "Traceback" not in result.text


def test_trust_colours_reach_every_page(course: Course) -> None:
    course.config["plugins"][2]["sidebyside"].update({"trust_colours": {"header": "#330072", "links": "#00703c"}})
    course.write_config()
    course.module("01-welcome", "Hello.\n", title="Welcome")
    assert course.build().code == 0
    css = (course.root / "site" / "assets" / "sidebyside" / "trust-colours.css").read_text()
    assert "#330072" in css and "#00703c" in css
    assert "assets/sidebyside/trust-colours.css" in course.page("modules/welcome/index.html")


@pytest.mark.parametrize("kind", ["module", "term", "story"])
def test_starter_text_from_new_cannot_be_published(course: Course, kind: str) -> None:
    course.module("01-welcome", "Hello.\n", title="Welcome")
    made = course.run("new", kind, "--title", "Measuring change")
    assert made.code == 0, made.text
    result = course.build()
    assert result.code != 0
    assert "This is still the starting text from `sidebyside new`" in result.text
    assert "Traceback" not in result.text
    written = next(
        p
        for p in (course.root / {"module": "modules", "term": "glossary", "story": "stories"}[kind]).rglob("*.md")
        if "measuring" in str(p)
    )
    assert written.relative_to(course.root).as_posix() in result.text
