"""Slides for trainers: decks read back with python-pptx, one opened in LibreOffice Impress."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.oxml.ns import qn
from pptx.util import Pt

from factory import Course
from pdf_reading import all_text, page_image

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

AUTHORED = """\
## Getting going

!!! slide "Who is in the room"
    - the chair, who runs the meeting
    - patient partners and carers
    ![A table with six chairs round it](room.png)

!!! trainer "Notes for trainers"
    Ask people who they expect to meet.

The chair runs the meeting. People sit round a table.

## Later on

!!! slide "After the meeting"
    - read the minutes

{{ story("told-for-sessions") }}
"""

DEFAULT = """\
## First part

- one short point
- another short point

## Second part

This part has a sentence. And another one that is not shown.

!!! trainer "Notes for trainers"
    Say hello to everyone.
"""

SESSION_CONSENT = {"recorded": "2026-01-01", "ref": "C-1", "scope": ["web", "print", "session"], "expires": "2029-01-01"}
WEB_ONLY = {"recorded": "2026-01-01", "ref": "C-2", "scope": ["web", "print"], "expires": "2029-01-01"}


def _picture(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (80, 60), (0, 94, 184)).save(path)


def _make(course: Course, authored: str = AUTHORED) -> Course:
    course.module(
        folder="01-first",
        title="First steps",
        body=authored,
        activities=[{"title": "Talk in pairs", "minutes": 10, "materials": ["pens", "paper"], "description": "Say one thing."}],
    )
    _picture(course.root / "modules/01-first/room.png")
    course.module(folder="02-second", title="Second go", order=2, body=DEFAULT)
    course.term("chair", "chair", "The person who runs a meeting.")
    course.term("table", "table", "A piece of furniture with a flat top. People sit round it to work together and talk.")
    course.story(
        "told-for-sessions",
        kind="real",
        consent=SESSION_CONSENT,
        modules=["first"],
        summary="A story for the room.",
        content_notes=["a hospital stay"],
    )
    course.story("web-only-story", kind="real", consent=WEB_ONLY, modules=["first"])
    course.config["plugins"][2]["sidebyside"]["session_break_every"] = 15
    course.write_config()
    return course


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Course:
    course = _make(Course(tmp_path_factory.mktemp("slides")))
    result = course.build()
    assert result.code == 0, result.text
    return course


def _deck(course: Course, name: str) -> Presentation:
    return Presentation(str(course.root / "site/slides" / name))


def _titles(deck: Presentation) -> list[str]:
    return [slide.shapes.title.text_frame.text for slide in deck.slides]


def test_every_deck_is_made_and_linked(built: Course) -> None:
    assert sorted(p.name for p in (built.root / "site/slides").iterdir()) == ["first.pptx", "second.pptx", "session.pptx"]
    assert "../../../slides/first.pptx" in built.page("trainers/modules/first/index.html")
    plan = built.page("trainers/session-plan/index.html")
    assert plan.index("session.pptx") < plan.index("first.pptx") < plan.index("second.pptx")
    assert "Slides for trainers" in built.page("handouts/index.html") and "../slides/session.pptx" in built.page("handouts/index.html")
    pack = all_text(built.root / "site/handouts/trainer-pack.pdf")
    assert "https://course.example.org/slides/first.pptx" in pack


def test_author_slides_come_with_title_outcomes_activity_words_stories_and_closing(built: Course) -> None:
    titles = _titles(_deck(built, "first.pptx"))
    assert titles[0] == "First steps"
    assert titles[1] == "By the end of this module you will"
    assert titles[2:4] == ["Who is in the room", "After the meeting"]
    assert "Activity: Talk in pairs" in titles and "Words in this module" in titles
    assert "Story: Story told-for-sessions" in titles
    assert "Story: Story web-only-story" not in titles, "a story without consent for sessions is on a slide"
    assert titles[-1] == "Questions and getting in touch"


def test_slide_text_and_speaker_notes(built: Course) -> None:
    deck = _deck(built, "first.pptx")
    room = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Who is in the room")
    body = next(sh for sh in room.placeholders if sh.placeholder_format.idx != 0)
    assert [p.text for p in body.text_frame.paragraphs] == ["the chair, who runs the meeting", "patient partners and carers"]
    assert room.notes_slide.notes_text_frame.text == "Ask people who they expect to meet."
    activity = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Activity: Talk in pairs")
    assert "You need: pens, paper" in [p.text for sh in activity.placeholders for p in sh.text_frame.paragraphs]
    web_only = " ".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    assert "web-only-story" not in web_only


def test_decks_are_accessible(built: Course) -> None:
    for name in ("first.pptx", "second.pptx", "session.pptx"):
        deck = _deck(built, name)
        assert deck.core_properties.language == "en-GB" and deck.core_properties.title
        for slide in deck.slides:
            assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip(), "a slide without a real title"
            for shape in slide.shapes:
                if shape.shape_type == 13:  # a picture
                    assert shape.element.find(qn("p:nvPicPr")).find(qn("p:cNvPr")).get("descr")
                if not shape.has_text_frame:
                    continue
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size is not None and run.font.size >= Pt(24), f"{name}: small text {run.text!r}"
                        assert run.font.language_id == MSO_LANGUAGE_ID.ENGLISH_UK
    room = next(s for s in _deck(built, "first.pptx").slides if s.shapes.title.text_frame.text == "Who is in the room")
    pictures = [sh for sh in room.shapes if sh.shape_type == 13]
    assert [p.element.find(qn("p:nvPicPr")).find(qn("p:cNvPr")).get("descr") for p in pictures] == ["A table with six chairs round it"]


def _accessible(deck: Presentation, name: str) -> None:
    assert deck.core_properties.language == "en-GB" and deck.core_properties.title
    for slide in deck.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip(), f"{name}: a slide without a real title"
        for shape in slide.shapes:
            if shape.shape_type == 13:  # a picture
                assert shape.element.find(qn("p:nvPicPr")).find(qn("p:cNvPr")).get("descr"), f"{name}: a picture without words"
            for paragraph in shape.text_frame.paragraphs if shape.has_text_frame else []:
                for run in paragraph.runs:
                    assert run.font.size is not None and run.font.size >= Pt(24), f"{name}: small text {run.text!r}"
                    assert run.font.language_id == MSO_LANGUAGE_ID.ENGLISH_UK
                    assert "…" not in run.text, f"{name}: generated text cut short: {run.text!r}"


def test_glossary_slides_explain_the_words_the_slides_use_and_name_the_rest_in_the_notes(built: Course) -> None:
    deck = _deck(built, "first.pptx")
    words = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Words in this module")
    shown = [p.text for sh in words.placeholders if sh != words.shapes.title for p in sh.text_frame.paragraphs]
    assert shown == ["chair: The person who runs a meeting."]
    assert words.notes_slide.notes_text_frame.text == "Other words this module uses, all in the jargon buster: table."


def test_a_story_slide_gives_its_content_note_first(built: Course) -> None:
    deck = _deck(built, "first.pptx")
    story = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Story: Story told-for-sessions")
    lines = [p.text for sh in story.placeholders if sh != story.shapes.title for p in sh.text_frame.paragraphs]
    assert lines[:2] == ["Content note: this story mentions a hospital stay.", "A story for the room."]


def test_long_lists_are_shared_evenly_between_slides() -> None:
    from sidebyside.slides.plan import chunks

    assert [len(part) for part in chunks(list("abcdefg"), 3, even=True)] == [3, 2, 2]
    assert [len(part) for part in chunks(list("abcdefg"), 3)] == [3, 3, 1]


def test_the_closing_slide_gives_the_courses_contact_route() -> None:
    from sidebyside.app.slides import contact_lines

    options = {"contact_email": "qi-team@example.nhs.uk", "contact_phone": " ", "contact_form": "https://example.nhs.uk/form"}
    assert contact_lines(options) == ("Email: qi-team@example.nhs.uk", "Contact form: https://example.nhs.uk/form")
    assert contact_lines({}) == ()


def test_the_reference_course_has_author_slides_in_every_module_and_accessible_decks(tmp_path: Path) -> None:
    from sidebyside.app.session import BuildSession
    from sidebyside.app.slides import slide_settings
    from sidebyside.slides import make_decks, write_decks

    session = BuildSession.open(Path(__file__).resolve().parent.parent / "mkdocs.yml")
    course, _ = session.load()
    # The five modules of the reference session have author slides; later modules may use the default deck.
    assert len(course.modules) >= 5 and all(len(m.slides) >= 3 for m in course.modules[:5]), "a reference module has no slide blocks"
    settings = dataclasses.replace(slide_settings(session.settings), cache_dir=tmp_path / "cache")
    decks = make_decks(course, settings)
    write_decks(decks, tmp_path / "slides")
    for made in decks.decks:
        deck = Presentation(str(tmp_path / "slides" / made.name))
        _accessible(deck, made.name)
        titles = _titles(deck)
        assert titles[-1] == "Questions and getting in touch"
        module = course.module(made.module)
        if module is not None:  # the author's own slides follow the outcomes, in order
            assert titles[2 : 2 + len(module.slides)] == [b.title for b in module.slides]


def test_a_module_without_slide_blocks_gets_a_slide_for_each_section(built: Course) -> None:
    deck = _deck(built, "second.pptx")
    titles = _titles(deck)
    assert titles[2:4] == ["First part", "Second part"]
    second = deck.slides[3]
    texts = [p.text for sh in second.placeholders for p in sh.text_frame.paragraphs]
    assert "This part has a sentence." in texts and not any("another one" in t for t in texts)
    assert second.notes_slide.notes_text_frame.text == "Say hello to everyone."


def test_the_session_deck_runs_every_module_in_order_with_breaks(built: Course) -> None:
    titles = _titles(_deck(built, "session.pptx"))
    assert titles[1] == "Running order"
    assert titles.index("First steps") < titles.index("Break") < titles.index("Second go")
    running = _deck(built, "session.pptx").slides[1]
    order = [p.text for sh in running.placeholders if sh != running.shapes.title for p in sh.text_frame.paragraphs]
    assert order[0].startswith("10:00 to 10:20: First steps") and order[1] == "Break: 10 minutes"


def test_slide_blocks_never_show_on_the_web_page_or_handout(built: Course) -> None:
    page = built.page("modules/first/index.html")
    assert "Who is in the room" not in page and "patient partners and carers" not in page
    assert "Who is in the room" not in all_text(built.root / "site/handouts/first.pptx".replace(".pptx", ".pdf"))


def test_decks_are_taken_from_the_cache_when_nothing_changed(built: Course) -> None:
    cached = sorted((built.root / ".sidebyside-cache/slides").glob("*.pptx"))
    stamps = [p.stat().st_mtime_ns for p in cached]
    assert built.build().code == 0
    assert [p.stat().st_mtime_ns for p in sorted((built.root / ".sidebyside-cache/slides").glob("*.pptx"))] == stamps


def test_an_unchanged_course_is_not_planned_again_and_a_changed_picture_or_text_is(course: Course) -> None:
    course.module(folder="01-first", title="First steps", body=AUTHORED.replace('{{ story("told-for-sessions") }}', ""))
    _picture(course.root / "modules/01-first/room.png")
    assert course.build().code == 0
    plans = course.root / ".sidebyside-cache/slides/plans"
    (plan,) = plans.glob("*.json")
    written = plan.stat().st_ino
    assert course.build().code == 0
    assert [p.name for p in plans.glob("*.json")] == [plan.name] and plan.stat().st_ino == written  # read, not planned and written again

    Image.new("RGB", (80, 60), (200, 30, 30)).save(course.root / "modules/01-first/room.png")  # a new picture, same name
    assert course.build().code == 0
    assert len(list(plans.glob("*.json"))) == 2  # planned again; the old list is kept for a while
    deck = _deck(course, "first.pptx")
    pictures = [shape.image.blob for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert pictures and all(Image.open(io.BytesIO(blob)).getpixel((1, 1))[:3] == (200, 30, 30) for blob in pictures)

    index = course.root / "modules/01-first/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("read the minutes", "read the notes of the meeting"), encoding="utf-8")
    assert course.build().code == 0
    said = [p.text for slide in _deck(course, "first.pptx").slides for sh in slide.placeholders for p in sh.text_frame.paragraphs]
    assert "read the notes of the meeting" in said and "read the minutes" not in said


def test_a_deck_opens_in_libreoffice_impress(built: Course, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: ./scripts/_browser.sh installs Debian's libreoffice-impress"
    deck = built.root / "site/slides/first.pptx"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp_path / "first.pdf"
    assert pdf.is_file(), done.stdout + done.stderr
    text = all_text(pdf)
    assert "Who is in the room" in text and "patient partners and carers" in text
    ARTIFACTS.mkdir(exist_ok=True)
    for number in (1, 2, 3):  # for people to look at
        shown = page_image(pdf, number, tmp_path, dpi=50)
        shutil.copyfile(shown, ARTIFACTS / f"slides-first-{number}.png")


# --- the rules -----------------------------------------------------------------------------


def _check(course: Course, block: str) -> str:
    _make(course, f"## A part\n\n{block}\n")
    result = course.run("check")
    assert result.code == 1
    return result.text


def test_a_slide_with_too_many_lines_is_refused(course: Course) -> None:
    lines = "".join(f"    - point {n}\n" for n in range(7))
    text = _check(course, f'!!! slide "Too much"\n{lines}')
    seventh = (course.root / "modules/01-first/index.md").read_text().split("\n").index("    - point 6") + 1
    assert "This slide has 7 lines. A slide has at most 6." in text and f"line {seventh}, column 1" in text


def test_a_long_slide_line_is_refused(course: Course) -> None:
    text = _check(course, '!!! slide "Long"\n    - this line has far too many words to read from the back of a room\n')
    assert "This slide line has 15 words. A slide line has at most 12." in text


def test_a_slide_needs_a_title_and_pictures_need_words(course: Course) -> None:
    text = _check(course, "!!! slide\n    ![](room.png)\n    ![A drawing](drawing.svg)\n")
    assert "This slide has no title." in text
    assert "The picture `room.png` has no words saying what it shows." in text
    assert "The picture `drawing.svg` is not in this module's folder." in text


def test_personal_details_on_a_slide_are_found(course: Course) -> None:
    text = _check(course, '!!! slide "Call us"\n    - ring Sam on 07700 900123\n')
    assert "phone number" in text


def test_hostile_html_on_a_slide_is_refused_and_never_drawn(course: Course) -> None:
    text = _check(course, '!!! slide "Hello"\n    - <script>alert(1)</script> hello\n    - <b onclick="x()">bold</b>\n')
    assert "modules/01-first/index.md" in text and "script" in text.lower()
    assert course.run("slides").code == 1 and not (course.root / "site/slides").exists()


def test_a_course_template_gives_the_decks_its_look(course: Course) -> None:
    _make(course)
    template = Presentation()  # PowerPoint's 4:3 layouts, unlike the widescreen default
    (course.root / "theme").mkdir()
    template.save(str(course.root / "theme/slides.pptx"))
    course.config["plugins"][2]["sidebyside"]["slides_template"] = "theme/slides.pptx"
    course.config["plugins"][2]["sidebyside"]["handouts"] = False
    course.write_config()
    assert course.run("slides", "-o", "decks").code == 0
    deck = Presentation(str(course.root / "decks/first.pptx"))
    assert deck.slide_width == template.slide_width


def test_a_template_outside_the_course_or_with_slides_is_refused(course: Course, tmp_path: Path) -> None:
    _make(course)
    course.config["plugins"][2]["sidebyside"]["slides_template"] = "../elsewhere.pptx"
    course.write_config()
    result = course.run("slides")
    assert result.code != 0 and "must name a .pptx file inside the project folder" in result.text and "Traceback" not in result.text
    with_slides = Presentation()
    with_slides.slides.add_slide(with_slides.slide_layouts[0])
    with_slides.save(str(course.root / "full.pptx"))
    course.config["plugins"][2]["sidebyside"]["slides_template"] = "full.pptx"
    course.write_config()
    result = course.run("slides")
    assert result.code != 0 and "has slides in it" in result.text


def test_a_run_chart_gets_a_slide_with_its_reading_as_the_text_alternative(course: Course) -> None:
    chart = "\n".join(
        [
            "```run-chart",
            "title: Days waited, week by week",
            "measure: Days waited",
            "better: lower",
            "baseline: 1-6",
            'change: 7 "Texting starts"',
            *(f"Week {n}: {v}" for n, v in enumerate([12, 14, 11, 13, 12, 15, 9, 8, 9, 7, 8, 8], start=1)),
            "```",
        ]
    )
    _make(course, f"## Numbers\n\n{chart}\n")
    course.config["plugins"][2]["sidebyside"]["handouts"] = False
    course.write_config()
    assert course.run("slides", "-o", "decks").code == 0
    deck = Presentation(str(course.root / "decks/first.pptx"))
    slide = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Days waited, week by week")
    pictures = [sh for sh in slide.shapes if sh.shape_type == 13]
    assert len(pictures) == 1
    alt = pictures[0].element.find(qn("p:nvPicPr")).find(qn("p:cNvPr")).get("descr")
    assert "median" in alt and "shift" in alt
    assert "shift" in slide.notes_slide.notes_text_frame.text
