"""The local contacts sheet: settings in mkdocs.yml shown on /contacts/ and in
handouts/contacts.pdf; the build and the checks say so while they are unset or still
the examples, and the examples are marked as examples on the page and on paper."""

from __future__ import annotations

import json
import re

from factory import CONTACTS, Course
from pdf_reading import all_text


def _text(html: str) -> str:
    article = re.search(r"<article.*?</article>", html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article.group(0) if article else html))


def _contacts(course: Course, value: object) -> None:
    options = course.config["plugins"][-1]["sidebyside"]
    if value is None:
        options.pop("contacts", None)
    else:
        options["contacts"] = value
    course.write_config()
    course.module()


def test_filled_contacts_show_on_a_page_and_a_handout_with_no_reminder(course: Course) -> None:
    contacts = {**CONTACTS, "pals": {"name": "Hospital PALS", "how": "Phone 01632 960 123", "note": "Open on weekdays."}}
    _contacts(course, contacts)
    result = course.build()
    assert result.code == 0, result.text
    assert "local contacts" not in result.text.lower()
    page = _text(course.page("contacts/index.html"))
    assert "Who to contact here" in page
    assert "Patient Advice and Liaison Service (PALS) Help with a problem" in page
    assert "Who: Hospital PALS How to reach them: Phone 01632 960 123 Open on weekdays." in page
    assert "Who: Test involvement lead team How to reach them: Ask at the front desk" in page
    assert "examples" not in page and "Not filled in yet" not in page
    pdf = all_text(course.root / "site" / "handouts" / "contacts.pdf")
    assert "Hospital PALS" in pdf and "Phone 01632 960 123" in pdf and "Test payments team" in pdf
    assert "examples" not in pdf.lower()
    handouts = _text(course.page("handouts/index.html"))
    assert "Who to contact here: the people and teams to go to at your own trust" in handouts
    assert "Who to contact here" in course.page("index.html")  # in the menu


def test_unset_contacts_are_reported_by_build_and_check_and_the_page_says_so(course: Course) -> None:
    _contacts(course, None)
    result = course.build()
    assert result.code == 0, result.text  # a reminder, not a failure
    assert re.search(r"warning: mkdocs\.yml:\d+:1: The local contacts are not set yet", result.out), result.out
    page = _text(course.page("contacts/index.html"))
    assert page.count("Not filled in yet. Ask the person who invited you.") == 6
    assert "Some contacts are not filled in yet" in page
    assert "Not filled in yet" in all_text(course.root / "site" / "handouts" / "contacts.pdf")
    check = course.run("check")
    assert check.code == 0
    assert "The local contacts are not set yet" in check.out
    assert "involvement_lead, payments, wellbeing, pals, icb, trust" in check.out


def test_missing_parts_and_misspelt_roles_are_named_with_their_line(course: Course) -> None:
    contacts = {key: value for key, value in CONTACTS.items() if key not in ("icb", "wellbeing")}
    contacts["wellbeing"] = {"name": "Wellbeing team"}
    contacts["pasl"] = {"name": "PALS", "how": "Ring"}
    _contacts(course, contacts)
    check = course.run("check", "--format", "json")
    lines = (course.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    found = {f["rule"] + ":" + f["message"].split("`")[1]: f for f in json.loads(check.out)}
    assert "contacts-incomplete:icb" in found and "contacts-incomplete:wellbeing" in found
    assert "no `how` yet" in found["contacts-incomplete:wellbeing"]["message"]
    assert lines[found["contacts-incomplete:wellbeing"]["line"] - 1].strip() == "wellbeing:"
    unknown = found["contacts-unknown:pasl"]
    assert lines[unknown["line"] - 1].strip() == "pasl:"
    assert "Did you mean `pals`?" in unknown["suggestion"]
    assert all(f["severity"] == "warning" and f["path"] == "mkdocs.yml" for f in found.values())
    assert course.build().code == 0
    page = _text(course.page("contacts/index.html"))
    assert "Integrated care board (ICB) The NHS body that plans and pays for care in your area. Who: Not filled in yet." in page


def test_example_contacts_are_marked_as_examples_on_the_web_and_on_paper(course: Course) -> None:
    _contacts(course, {**CONTACTS, "examples": True})
    result = course.build()
    assert result.code == 0, result.text
    assert "The local contacts are still the examples (`examples: true`)" in result.out
    page = course.page("contacts/index.html")
    assert "These are examples, not real contacts" in _text(page)
    assert page.count('class="sbs-contact sbs-no-terms sbs-example"') == 6
    pdf = all_text(course.root / "site" / "handouts" / "contacts.pdf")
    assert "These are examples, not real contacts" in pdf and "made up" in pdf


def test_contact_text_is_shown_as_text_never_as_markup(course: Course) -> None:
    contacts = {**CONTACTS, "trust": {"name": "<script>alert(1)</script> Trust", "how": "**bold** [link](javascript:alert(1))"}}
    _contacts(course, contacts)
    assert course.build().code == 0
    page = course.page("contacts/index.html")
    assert "<script>alert(1)</script>" not in page and 'href="javascript:' not in page
    assert "**bold** [link](javascript:alert(1))" in page  # shown as written, not turned into a link
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Trust" in page
    assert "<strong>bold</strong>" not in page
