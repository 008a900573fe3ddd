"""Draw a deck with python-pptx: real titles in title placeholders (so the outline and
reading order work), text 24 point or more, British English on every run of text, and
a text alternative on every picture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Inches, Length, Pt

from sidebyside.slides.deck import Deck, Slide

TITLE_SIZE = Pt(40)
SUBTITLE_SIZE = Pt(28)
BODY_SIZE = Pt(28)
NOTES_SIZE = Pt(14)
INK = RGBColor(0x21, 0x2B, 0x32)  # near black on white: a contrast ratio of about 14 to 1
TITLE_INK = RGBColor(0x00, 0x30, 0x87)  # dark blue: about 13 to 1 on white
TITLE_TYPES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
BODY_TYPES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE}


class TemplateProblem(Exception):
    """The course's PowerPoint template cannot be used; the message says why and what to do."""


def _layouts(presentation) -> tuple[object, object]:
    """The title layout and the title-and-text layout, found by their placeholders, so a
    trust's own template works whatever order its layouts are in."""
    title_layout = content_layout = None
    for layout in presentation.slide_layouts:
        kinds = {p.placeholder_format.type for p in layout.placeholders}
        if title_layout is None and PP_PLACEHOLDER.CENTER_TITLE in kinds and PP_PLACEHOLDER.SUBTITLE in kinds:
            title_layout = layout
        if content_layout is None and PP_PLACEHOLDER.TITLE in kinds and kinds & {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}:
            content_layout = layout
    if title_layout is None or content_layout is None:
        raise TemplateProblem(
            "The slides template needs a 'Title Slide' layout and a 'Title and Content' layout. "
            "Start from PowerPoint's own blank template and change its look, keeping those two layouts."
        )
    return title_layout, content_layout


def open_template(template: Path | None):
    if template is None:
        presentation = Presentation()
        presentation.slide_width, presentation.slide_height = Inches(13.333), Inches(7.5)  # widescreen
        return presentation
    try:
        presentation = Presentation(str(template))
    except Exception as exc:  # python-pptx raises many kinds for a file that is not a deck
        raise TemplateProblem(f"The slides template {template.name} could not be opened as a PowerPoint file ({exc}).") from None
    if len(presentation.slides):
        raise TemplateProblem(
            f"The slides template {template.name} has slides in it. Delete them, keep only its layouts and look, and try again."
        )
    return presentation


def _style(paragraph, size: Length, colour: RGBColor, bold: bool = False) -> None:
    for run in paragraph.runs:
        run.font.size = size
        run.font.bold = bold
        run.font.color.rgb = colour
        run.font.language_id = MSO_LANGUAGE_ID.ENGLISH_UK


def _fill(frame, lines: list[str], size: Length, colour: RGBColor, bold: bool = False) -> None:
    frame.word_wrap = True
    frame.text = lines[0] if lines else ""
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        _style(paragraph, size, colour, bold)


def _placeholder(slide, kinds: set) -> Any:
    return next((p for p in slide.placeholders if p.placeholder_format.type in kinds), None)


MARGIN = Inches(0.7)


def _widen(shape, presentation, margin: Length = MARGIN) -> None:
    """Layouts made for a 4:3 slide sit to the left of a widescreen one: use the whole width.

    A placeholder takes its place from its layout until it is given one of its own, so all
    four numbers are set together (setting one alone would leave the others at nought).
    """
    top, height = shape.top, shape.height
    shape.left, shape.top, shape.width, shape.height = margin, top, presentation.slide_width - 2 * margin, height


def _below_the_text(shape, body, presentation) -> None:
    """A wide picture (a chart) goes across the slide, under a line or two of text."""
    top = Inches(3.0) if body is not None else Inches(1.6)
    if body is not None:
        body.left, body.top, body.width, body.height = MARGIN, Inches(1.6), presentation.slide_width - 2 * MARGIN, Inches(1.3)
    room_w, room_h = presentation.slide_width - 2 * MARGIN, presentation.slide_height - top - Inches(0.3)
    scale = min(room_w / shape.width, room_h / shape.height)
    shape.width, shape.height = int(shape.width * scale), int(shape.height * scale)
    shape.left, shape.top = int((presentation.slide_width - shape.width) / 2), top


def _beside_the_text(shape, presentation, index: int) -> None:
    """A picture that is not wide fills the right half of the slide, under the title, so
    the room can see it (a chart's labels are small otherwise)."""
    top = Inches(1.6 + index * 0.3)
    left = int(presentation.slide_width * 0.5)
    room_w, room_h = presentation.slide_width - left - MARGIN, presentation.slide_height - top - Inches(0.3)
    scale = min(room_w / shape.width, room_h / shape.height)
    shape.width, shape.height = int(shape.width * scale), int(shape.height * scale)
    shape.left, shape.top = left, top


def _add_slide(presentation, layouts: tuple[object, object], slide: Slide, widen: bool) -> None:
    layout = layouts[0] if slide.kind == "title" else layouts[1]
    made = presentation.slides.add_slide(layout)
    title = _placeholder(made, TITLE_TYPES)
    if title is not None:
        _fill(title.text_frame, [slide.title], TITLE_SIZE, TITLE_INK, bold=True)
        if widen:
            _widen(title, presentation)
    body = _placeholder(made, BODY_TYPES)
    if body is not None:
        lines = [slide.subtitle] if slide.kind == "title" else slide.lines
        if lines:
            _fill(body.text_frame, lines, SUBTITLE_SIZE if slide.kind == "title" else BODY_SIZE, INK)
        else:
            body.element.getparent().remove(body.element)  # an empty box would be read out as "empty"
        if widen and lines:
            _widen(body, presentation)
            if slide.pictures:
                body.width = int(presentation.slide_width * 0.48) - body.left
    for index, picture in enumerate(slide.pictures):
        shape = made.shapes.add_picture(
            str(picture.path), int(presentation.slide_width * 0.62), Inches(1.8 + index * 0.3), height=Inches(4.2)
        )
        if shape.width > shape.height * 1.3 and len(slide.pictures) == 1:
            _below_the_text(shape, body if body is not None and body.element.getparent() is not None else None, presentation)
        else:  # beside the text: as large as the right half of the slide allows, keeping its shape
            _beside_the_text(shape, presentation, index)
        shape.element.find(qn("p:nvPicPr")).find(qn("p:cNvPr")).set("descr", picture.alt)
    if slide.notes:
        frame = made.notes_slide.notes_text_frame
        _fill(frame, slide.notes.split("\n\n"), NOTES_SIZE, INK)


def write_deck(deck: Deck, out: Path, template: Path | None = None, site_name: str = "") -> None:
    """Draw `deck` into `out` (a .pptx file)."""
    presentation = open_template(template)
    layouts = _layouts(presentation)
    for slide in deck.slides:
        _add_slide(presentation, layouts, slide, widen=template is None)
    properties = presentation.core_properties
    properties.title = deck.title
    properties.subject = deck.description
    properties.author = site_name or "Side by Side"
    properties.language = "en-GB"
    presentation.save(str(out))
