"""The reference course, version 1.1, claims nothing that has not happened: no
co-production, real stories or review by patient partners, on any page or handout;
made-up stories and quotes are labelled as examples on the web and on paper; and every
module is at version 1.1 with a plain "what changed"."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from pdf_reading import all_text

# Claims the course cannot back up while every story is made up and nobody outside the
# course team has reviewed it. Matched without caring about case or spacing.
CLAIMS = [
    r"made together (?:by|with) (?:patient partners|patients|carers)",
    r"(?:co-produced|co-designed|written|designed|created|made) (?:together )?(?:with|by) (?:patient partners|patients|carers)",
    r"some (?:of (?:the|these) )?(?:stories )?are real",
    r"shared with (?:their )?permission",
    r"stories (?:are|were) (?:checked|read|reviewed) by patient.partner reviewers",
    r"stories (?:from|by) (?:real )?(?:people|patients|carers|staff)",
    r"this page was made together by",
    r"tips? from patient partners",
    r"four times more likely",
    r"dr shah",
]
# Words that turn a claim into an honest "not yet" (looked for just before the match).
NOT_YET = re.compile(r"\b(?:not|yet|no|want|plan|will|until|may be added later)\b[^.]*$", re.I)


def _text(markup: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _claims(text: str) -> list[str]:
    found = []
    for pattern in CLAIMS:
        for match in re.finditer(pattern, text, re.I):
            before = text[max(0, match.start() - 80) : match.start()]
            if not NOT_YET.search(before.split(".")[-1]):
                found.append(text[max(0, match.start() - 60) : match.end() + 20])
    return found


def test_the_claims_check_can_tell_a_claim_from_an_honest_not_yet() -> None:
    assert _claims("Made together by patient partners and NHS staff.")
    assert _claims("Some are real and shared with permission.")
    assert _claims("Stories are checked by patient-partner reviewers before they go on the website.")
    assert _claims("Stories from people who have taken part in improvement work.")
    assert not _claims("Written by the Side by Side course team. Not yet reviewed with patient partners.")
    assert not _claims("We want stories to be read by patient-partner reviewers too. We do not have these reviewers yet.")


def test_no_page_of_the_built_site_claims_review_co_production_or_real_stories(reference_site: Path) -> None:
    problems = {}
    pages = sorted(reference_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        found = _claims(_text(page.read_text(encoding="utf-8")))
        if found:
            problems[page.relative_to(reference_site).as_posix()] = found
    assert problems == {}


def test_no_handout_claims_review_co_production_or_real_stories(reference_site: Path) -> None:
    pdfs = sorted((reference_site / "handouts").glob("*.pdf"))
    assert len(pdfs) >= 20
    problems = {pdf.name: found for pdf in pdfs if (found := _claims(all_text(pdf)))}
    assert problems == {}


def test_every_page_footer_says_honestly_who_wrote_it(reference_site: Path) -> None:
    for page in ("index.html", "modules/welcome/index.html", "stories/index.html", "contacts/index.html"):
        footer = re.search(r'<div class="md-copyright">.*?</div>\s*</div>', (reference_site / page).read_text(encoding="utf-8"), re.S)
        assert footer is not None
        text = _text(footer.group(0))
        assert "Written by the Side by Side course team. Not yet reviewed with patient partners." in text
        assert "Course version 1.1" in text


def _boxes(markup: str) -> list[str]:
    return [_text(box) for box in re.findall(r'<div class="admonition[^"]*">(.*?)</div>', markup, re.S)]


def test_made_up_quotes_are_labelled_as_examples_on_the_web(reference_site: Path) -> None:
    quoted_boxes = 0
    for page in sorted((reference_site / "modules").glob("*/index.html")):
        for box in _boxes(page.read_text(encoding="utf-8")):
            # A box that quotes someone's words (six words or more in quotation marks).
            if re.search(r"[\"“][^\"”]*(?:\w+\W+){5,}\w+[^\"”]*[\"”]", box):
                quoted_boxes += 1
                assert "example" in box.lower(), (page, box)
    assert quoted_boxes >= 3


def test_every_story_says_it_is_made_up_on_the_web_and_in_print(reference_site: Path, repo: Path) -> None:
    stories = sorted(p.stem for p in (repo / "stories").glob("*.md"))
    assert stories
    for slug in stories:
        text = _text((reference_site / "stories" / slug / "index.html").read_text(encoding="utf-8"))
        assert "This story was written for the course" in text, slug
    booklet = all_text(reference_site / "handouts" / "stories.pdf")
    assert "Every story here was written for the course: they are examples, not about real people." in booklet
    assert booklet.count("This story was written for the course It is an example, not about a real person.") == len(stories)
    for module in ("welcome", "what-is-quality-improvement", "your-first-meeting"):
        handout = all_text(reference_site / "handouts" / f"{module}.pdf")
        assert "not the words of a real person" in handout or "not the words of real people" in handout, module


@pytest.mark.parametrize(
    "slug",
    [
        "welcome",
        "how-the-nhs-works",
        "what-is-quality-improvement",
        "working-together",
        "your-first-meeting",
        "being-involved",
        "when-it-does-not-feel-right",
        "todays-nhs",
        "growing-in-the-role",
    ],
)
def test_every_module_is_version_1_1_and_says_what_changed(reference_site: Path, slug: str) -> None:
    text = _text((reference_site / "modules" / slug / "index.html").read_text(encoding="utf-8"))
    changed = text[text.index("What changed in version 1.1") :]
    assert len(changed.split()) > 12  # a plain sentence, not just a heading
    assert "This page has not yet been reviewed with patient partners" in text


def test_the_elft_figure_is_given_with_its_source(reference_site: Path) -> None:
    page = (reference_site / "modules" / "working-together" / "index.html").read_text(encoding="utf-8")
    assert "2.8 times more likely" in _text(page)
    assert 'href="https://qi.elft.nhs.uk/co-production-the-heart-of-improvement-work-at-elft/"' in page


def test_the_reference_contacts_are_marked_as_examples(reference_site: Path) -> None:
    page = _text((reference_site / "contacts" / "index.html").read_text(encoding="utf-8"))
    assert "These are examples, not real contacts" in page
    assert "These are examples, not real contacts" in all_text(reference_site / "handouts" / "contacts.pdf")
