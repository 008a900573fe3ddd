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
        assert "Side by Side course team" in text and "A draft course. It has not yet been reviewed with patient partners." in text
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


def _sources(markup: str) -> dict[str, str]:
    """The page's sources: each link's address and what the list item says about it."""
    found = {}
    for item in re.findall(r"<li><a href=\"(https?://[^\"]+)\">(.*?)</li>", markup, re.S):
        found[item[0]] = _text(item[1])
    return found


def test_the_elft_figure_says_what_the_bmj_open_quality_abstract_measured(reference_site: Path) -> None:
    page = (reference_site / "modules" / "working-together" / "index.html").read_text(encoding="utf-8")
    text = _text(page)
    # What the 2022 abstract reports: a look back over five years at all of ELFT's projects,
    # with service users as full and equal members of the team, 2.8 times more likely to succeed.
    assert "looked back at all of its improvement projects over five years" in text
    assert "as full and equal members of the team. These projects were 2.8 times more likely to be successful." in text
    assert "a short report in a health journal in 2022" in text
    assert "reach its aim" not in text  # the old wording, from the trust's web page, not the abstract
    sources = _sources(page)
    abstract = sources["https://bmjopenquality.bmj.com/content/11/Suppl_2/A1.1"]
    assert "BMJ Open Quality, 2022, volume 11, supplement 2" in abstract and "looked at on 4 December 2026" in abstract
    handout = all_text(reference_site / "handouts" / "working-together.pdf")
    assert "2.8 times more likely to be successful" in handout and "BMJ Open Quality, 2022" in handout


HEALTH_BILL_PAGES = [
    "modules/how-the-nhs-works/index.html",
    "modules/working-together/index.html",
    "modules/todays-nhs/index.html",
    "glossary/index.html",
]


def test_the_health_bill_is_said_to_be_where_the_sources_show_and_no_further(reference_site: Path) -> None:
    committee = (
        "https://parallelparliament.co.uk/debate/2026-06-25/commons/public-bill-committees/health-bill-sixth-sitting/ministerial-extracts"
    )
    for name in HEALTH_BILL_PAGES:
        page = (reference_site / name).read_text(encoding="utf-8")
        text = _text(page)
        # Nothing newer than June 2026 was found, so no page may say it was checked later.
        assert "checked in December" not in text and "still going through Parliament" not in text, name
        assert "a new law, the Health Bill" not in text and "a new law to do this" not in text, name  # a Bill is not a law
        assert re.search(r"latest step we could find[^.]*June 2026", text), name
        assert "not yet law" in text, name
        if name.startswith("modules/"):
            assert "looked at on 4 December 2026" in _sources(page)[committee], name
    nhs = _text((reference_site / "modules" / "how-the-nhs-works" / "index.html").read_text(encoding="utf-8"))
    assert "Members of Parliament (MPs), called a committee, went through the Bill line by line" in nhs
    assert "We looked again on 4 December 2026 and found nothing newer. Look on the UK Parliament website" in nhs
    for pdf in ("how-the-nhs-works.pdf", "jargon-buster.pdf", "trainer-pack.pdf"):
        printed = all_text(reference_site / "handouts" / pdf)
        assert "still going through Parliament" not in printed and "checked in December" not in printed, pdf
        assert "not yet law" in printed, pdf


def test_healthwatch_changes_are_given_with_the_governments_answer(reference_site: Path) -> None:
    page = (reference_site / "modules" / "how-the-nhs-works" / "index.html").read_text(encoding="utf-8")
    assert "https://www.parallelparliament.co.uk/question/HL14379/health-services-and-social-services-patients" in _sources(page)
    text = _text(page)
    assert "Local Healthwatch work on health would move to ICBs, and work on social care would move to councils." in text


def test_growing_in_the_role_is_honest_about_the_nine_areas_and_cites_solent_and_bradford(reference_site: Path) -> None:
    page = (reference_site / "modules" / "growing-in-the-role" / "index.html").read_text(encoding="utf-8")
    text = _text(page)
    ways = re.search(r'<h2 id="the-ways-you-can-help-a-project-team".*?</ul>', page, re.S)
    assert ways is not None and len(re.findall(r"<li>", ways.group(0))) == 9
    # The nine areas are only published as a picture: the page says so, and that the list is ours.
    assert "We could only find that slide as a picture, so we could not check its exact words. The list above is our own." in text
    assert "lists nine areas" not in text
    sources = _sources(page)
    assert "https://cnwl.nhs.uk/ia/resources/talking-about-service-user-carer-involvement" in sources
    assert "https://www.cnwl.nhs.uk/news/quality-improvement-qi-still-happening-and-so-patient-and-carer-involvement-qi" in sources
    # Solent and Bradford: only what they have published, each with its source.
    assert "The patients at Solent NHS Trust who asked for a course like this one also asked for a chance to meet others." in text
    assert "https://q.health.org.uk/blog-post/side-by-side-improving-in-partnership-with-patients-and-communities/" in sources
    assert "This is Bradford District Care NHS Foundation Trust." in text
    assert "https://www.bdct.nhs.uk/care-trust-launches-new-involvement-strategy-your-voice-matters/" in sources
    assert "https://www.bdct.nhs.uk/care-trust-to-thank-local-community-for-contribution-to-services-2/" in sources
    assert "Bradford asked" not in text and "Bradford patient partners asked" not in text
    handout = all_text(reference_site / "handouts" / "growing-in-the-role.pdf")
    assert "The list above is our own." in handout and "Bradford District Care NHS Foundation Trust" in handout
    # Trainers are told plainly what could not be found.
    trainers = _text((reference_site / "trainers" / "modules" / "growing-in-the-role" / "index.html").read_text(encoding="utf-8"))
    assert "We looked for a published record of what patient partners in Bradford asked for, and did not find one." in trainers


def test_the_reference_contacts_are_marked_as_examples(reference_site: Path) -> None:
    page = _text((reference_site / "contacts" / "index.html").read_text(encoding="utf-8"))
    assert "These are examples, not real contacts" in page
    assert "These are examples, not real contacts" in all_text(reference_site / "handouts" / "contacts.pdf")
