"""Printable handouts, read back from the real PDFs that `sidebyside build` writes."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from factory import Course
from pdf_reading import all_text, font_sizes, link_uris, outline_titles, page_image, page_texts

TRAINER_SECRET = "Pause here and count the sticky notes"
NO_PRINT_STORY = "The bus driver waited for me"
PRINT_STORY = "I brought my own cup of tea"
ILLUSTRATIVE_STORY = "Nobody laughed at my question"
LONG_TABLE_ROWS = 70


def _make(course: Course) -> None:
    course.module(
        "01-first-steps",
        f"""
        ## Getting going

        We talk about a PDSA cycle here, and about a run chart.

        !!! trainer "Notes for trainers"
            {TRAINER_SECRET}. Then move on.

        !!! info "A box to keep whole"
            This box has a few lines in it. It should never be cut in half.

        ## A long table

        | Week | Days waited |
        |---|---|
        """
        + "\n".join(f"        | Week {n} | {n % 9} days |" for n in range(1, LONG_TABLE_ROWS + 1))
        + "\n",
        title="First steps",
        activities=[{"title": "Talk in pairs", "minutes": 5, "materials": ["pens", "sticky notes"]}],
    )
    course.module(
        "02-second-go",
        "## More\n\nA second module about improvement.\n",
        title="Second go",
        order=2,
        version="2.1",
        last_reviewed="2026-10-15",
    )
    course.term("pdsa-cycle", "PDSA cycle", "A way to test a small change: plan, do, study, act.", aliases=["PDSA", "PDSA cycles"])
    course.term("run-chart", "run chart", "A graph that shows how something changes over time.")
    course.term("median", "median", "The middle number when you put numbers in order.")
    consent = {"recorded": "2026-01-10", "ref": "CONSENT-1", "expires": "2029-01-10"}
    course.story("web-only", f"{NO_PRINT_STORY} at the stop.\n", title="Web only story", kind="real", consent={**consent, "scope": ["web"]})
    course.story(
        "printable",
        f"{PRINT_STORY} to the meeting.\n",
        title="Printable story",
        kind="real",
        consent={**consent, "scope": ["web", "print"]},
    )
    course.story("made-up", f"{ILLUSTRATIVE_STORY} at all.\n", title="Made up story")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Course:
    course = Course(tmp_path_factory.mktemp("print") / "course")
    _make(course)
    result = course.build()
    assert result.code == 0, result.text
    course.first_build = result  # type: ignore[attr-defined]
    return course


def handouts(course: Course) -> Path:
    return course.root / "site" / "handouts"


EXPECTED = [
    "first-steps.pdf",
    "first-steps-large-print.pdf",
    "second-go.pdf",
    "second-go-large-print.pdf",
    "trainer-pack.pdf",
    "jargon-buster.pdf",
    "stories.pdf",
    "contacts.pdf",
]


def test_build_writes_every_handout_under_a_stable_name(built: Course) -> None:
    names = sorted(p.name for p in handouts(built).glob("*.pdf"))
    assert names == sorted(EXPECTED)
    assert "Rendered 8 handouts, 0 from cache." in built.first_build.out  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", EXPECTED)
def test_every_page_has_title_version_review_date_and_page_x_of_y(built: Course, name: str) -> None:
    texts = page_texts(handouts(built) / name)
    titles = {
        "first-steps": ("First steps", "Version 1.0", "Last reviewed 1 November 2026"),
        "second-go": ("Second go", "Version 2.1", "Last reviewed 15 October 2026"),
        "trainer-pack": ("Trainer pack", "Draft version", "Last reviewed 1 November 2026"),
        "jargon-buster": ("Jargon buster", "Draft version", "Last reviewed 1 November 2026"),
        "stories": ("Stories", "Draft version", "Last reviewed 1 November 2026"),
        "contacts": ("Who to contact here", "Draft version", "Last reviewed 1 November 2026"),
    }
    title, version, reviewed = titles[name.removesuffix(".pdf").removesuffix("-large-print")]
    for number, text in enumerate(texts, start=1):
        assert title in text, f"page {number}"
        assert version in text, f"page {number}"
        assert reviewed in text, f"page {number}"
        assert f"Page {number} of {len(texts)}" in text


def test_first_page_gives_the_web_address_it_came_from_as_a_working_link(built: Course) -> None:
    pdf = handouts(built) / "first-steps.pdf"
    first = page_texts(pdf)[0]
    assert "https://course.example.org/modules/first-steps/" in first
    assert "https://course.example.org/modules/first-steps/" in link_uris(pdf, 0)
    assert "https://course.example.org/glossary/" in page_texts(handouts(built) / "jargon-buster.pdf")[0]


def test_first_page_has_a_qr_code(built: Course, tmp_path: Path) -> None:
    # The QR code is drawn to the left of the web address: a dense square of black and white.
    image = Image.open(page_image(handouts(built) / "first-steps.pdf", 1, tmp_path, dpi=100)).convert("L")
    width, height = image.size
    pixels = image.load()
    dark_columns = 0
    for x in range(int(width * 0.08), int(width * 0.25)):
        column = [pixels[x, y] for y in range(int(height * 0.15), int(height * 0.45))]
        flips = sum(1 for a, b in itertools.pairwise(column) if (a < 128) != (b < 128))
        dark_columns += flips >= 8
    assert dark_columns > 20


@pytest.mark.parametrize("name", EXPECTED)
def test_pdfs_are_tagged_in_british_english_with_a_title(built: Course, name: str) -> None:
    with pikepdf.open(handouts(built) / name) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "en-GB"
        assert root.ViewerPreferences.DisplayDocTitle
        title = str(pdf.docinfo["/Title"])
        with pdf.open_metadata() as meta:
            assert meta.get("dc:title") == title
    expected_title = {
        "trainer-pack.pdf": "trainer pack",
        "jargon-buster.pdf": "jargon buster",
        "stories.pdf": "stories",
        "contacts.pdf": "who to contact here",
    }
    assert expected_title.get(name, "First steps" if "first" in name else "Second go") in title


def test_bookmarks_come_from_headings(built: Course) -> None:
    titles = outline_titles(handouts(built) / "first-steps.pdf")
    assert titles[0] == "First steps"
    assert "Getting going" in titles and "A long table" in titles and "Words explained" in titles
    pack = outline_titles(handouts(built) / "trainer-pack.pdf")
    assert "Running order" in pack and "Materials checklist" in pack and "1. First steps" in pack


def test_participant_handout_is_clear_print_with_outcomes_and_words_explained(built: Course) -> None:
    pdf = handouts(built) / "first-steps.pdf"
    assert min(font_sizes(pdf))[0] >= 12
    text = all_text(pdf)
    assert "By the end of this module you will" in text and "know what a test is" in text
    words = text[text.index("Words explained") :]
    assert "PDSA cycle A way to test a small change: plan, do, study, act." in words
    assert "run chart A graph that shows how something changes over time." in words
    assert "median" not in words  # not used in this module


def test_large_print_has_nothing_smaller_than_16pt_and_body_at_18pt(built: Course) -> None:
    for name in ("first-steps-large-print.pdf", "second-go-large-print.pdf"):
        sizes = font_sizes(handouts(built) / name)
        smallest = min(sizes)
        assert smallest[0] >= 16, smallest
        assert any("Page 1 of" in text and size >= 16 for size, text in sizes)  # page numbers are measured too
        body = [size for size, text in sizes if "A second module" in text or "We talk about" in text]
        assert body and all(size == 18 for size in body), body
    assert min(font_sizes(handouts(built) / "first-steps.pdf"))[0] < 16  # the check can tell the difference


def test_trainer_notes_are_in_the_trainer_pack_only(built: Course) -> None:
    pack = all_text(handouts(built) / "trainer-pack.pdf")
    assert TRAINER_SECRET in pack
    assert "Running order" in pack and "Materials checklist" in pack
    assert re.search(r"10:00 10:20 First steps 20 Talk in pairs \(5 min\)", pack)
    assert "sticky notes" in pack[pack.index("Materials checklist") :]
    for name in EXPECTED:
        if name != "trainer-pack.pdf":
            assert TRAINER_SECRET not in all_text(handouts(built) / name), name


def test_story_without_print_consent_is_in_no_pdf(built: Course) -> None:
    booklet = all_text(handouts(built) / "stories.pdf")
    assert PRINT_STORY in booklet
    assert ILLUSTRATIVE_STORY in booklet
    made_up = booklet[booklet.rindex("Made up story") :]
    assert "This story was written for the course" in made_up
    for name in EXPECTED:
        text = all_text(handouts(built) / name)
        assert NO_PRINT_STORY not in text and "Web only story" not in text, name


def test_table_header_row_repeats_on_every_page_the_table_reaches(built: Course) -> None:
    texts = page_texts(handouts(built) / "first-steps.pdf")
    pages_with_rows = [t for t in texts if re.search(r"Week \d+ \d days", t)]
    assert len(pages_with_rows) >= 2
    for text in pages_with_rows:
        assert "Week Days waited" in text


def test_first_page_is_not_blank_and_boxes_are_whole(built: Course, tmp_path: Path) -> None:
    for name in EXPECTED:
        image = Image.open(page_image(handouts(built) / name, 1, tmp_path)).convert("L")
        dark = sum(image.histogram()[:128])
        assert dark > image.size[0] * image.size[1] * 0.01, f"{name}: first page looks blank"
    texts = page_texts(handouts(built) / "first-steps.pdf")
    box = [i for i, t in enumerate(texts) if "A box to keep whole" in t or "never be cut in half" in t]
    assert len(box) == 1, "the info box was split across pages"


def test_module_page_offers_printable_and_large_print_versions_with_real_page_counts(built: Course) -> None:
    page = built.page("modules/first-steps/index.html")
    for name, label in (
        ("first-steps.pdf", "Download a printable version"),
        ("first-steps-large-print.pdf", "Download a large print version"),
    ):
        count = len(page_texts(handouts(built) / name))
        assert f'<a href="../../handouts/{name}">{label} (PDF, {count} pages)</a>' in page


def test_handouts_page_lists_every_file_with_pages_and_size_and_is_in_the_menu(built: Course) -> None:
    page = built.page("handouts/index.html")
    for name in EXPECTED:
        count = len(page_texts(handouts(built) / name))
        assert re.search(rf'<a href="{re.escape(name)}">[^<]+</a></td>\s*<td>{count}</td>\s*<td>\d+ KB</td>', page), name
    home = built.page("index.html")
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"', home) or re.findall(r'href="([^"]*(?:stories|handouts)/)"', home)
    joined = " ".join(nav)
    assert "handouts/" in joined and joined.index("stories/") < joined.index("handouts/")
