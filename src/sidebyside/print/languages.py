"""What a handout in another language needs besides its words: fonts, direction, page numbers.

Fonts are Debian's Noto fonts, installed on the machine (`scripts/_browser.sh`), never
fetched. Each language gets a font stack that covers its script, and right-to-left
languages get the page laid out right to left: text aligned to the right, lists and
boxes mirrored, the running title and page number swapped over.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from sidebyside.i18n import base_language, messages_for

LATIN = '"Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif'

# Scripts that Noto Sans (Latin, Greek, Cyrillic) does not cover, by language.
FONTS = {
    # Naskh first: Nastaliq is the usual style for Urdu, but its glyphs do not read back as
    # text (a screen reader, search or copying gets the letters wrong); Naskh does.
    "ur": '"Noto Naskh Arabic", "Noto Nastaliq Urdu", ' + LATIN,
    "ar": '"Noto Naskh Arabic", ' + LATIN,
    "fa": '"Noto Naskh Arabic", ' + LATIN,
    "ps": '"Noto Naskh Arabic", ' + LATIN,
    "ku": '"Noto Naskh Arabic", ' + LATIN,
    "pa": '"Noto Sans Gurmukhi", ' + LATIN,
    "bn": '"Noto Sans Bengali", ' + LATIN,
    "hi": '"Noto Sans Devanagari", ' + LATIN,
    "ne": '"Noto Sans Devanagari", ' + LATIN,
    "gu": '"Noto Sans Gujarati", ' + LATIN,
    "ta": '"Noto Sans Tamil", ' + LATIN,
    "so": LATIN,
}

# Arabic script rises and falls further than Latin letters: lines need more room.
LINE_HEIGHT = {"ur": "1.9"}


@dataclass(frozen=True)
class PrintLanguage:
    """A handout's language as the print templates need it."""

    code: str
    html_lang: str  # the lang attribute: en-GB for English, as before
    rtl: bool
    fonts: str

    @property
    def english(self) -> bool:
        return self.code == "en"


def is_right_to_left(code: str) -> bool:
    """Whether language `code` is written right to left, as the Unicode locale data says."""
    try:
        return Locale.parse(base_language(code)).character_order == "right-to-left"
    except (UnknownLocaleError, ValueError):
        return False


def print_language(code: str, direction: str = "") -> PrintLanguage:
    """The handout settings for language `code`; `direction` ("rtl"/"ltr") overrides the locale data."""
    base = base_language(code)
    if base == "en":
        return PrintLanguage("en", "en-GB", False, "")
    rtl = direction == "rtl" if direction else is_right_to_left(base)
    return PrintLanguage(base, code, rtl, FONTS.get(base, LATIN))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_count_content(code: str) -> str:
    """CSS `content` for "Page 2 of 5" in language `code`, from the catalogue."""
    words = messages_for(code).gettext("Page %(page)s of %(pages)s")
    parts: list[str] = []
    rest = words
    while rest:
        at = [(rest.find(mark), mark) for mark in ("%(page)s", "%(pages)s") if mark in rest]
        if not at:
            parts.append(_css_string(rest))
            break
        index, mark = min(at)
        if index:
            parts.append(_css_string(rest[:index]))
        parts.append("counter(page)" if mark == "%(page)s" else "counter(pages)")
        rest = rest[index + len(mark) :]
    return " ".join(parts)


def language_css(language: PrintLanguage) -> str:
    """The CSS loaded after every other handout style sheet; nothing for English."""
    if language.english:
        return ""
    line = LINE_HEIGHT.get(language.code, "1.5")
    css = [
        f"@page {{ font-family: {language.fonts}; }}",
        f"html {{ font-family: {language.fonts}; line-height: {line}; }}",
        f"h1, h2, h3, h4, h5, h6 {{ line-height: {max(float(line) - 0.2, 1.25)}; }}",
    ]
    pages = page_count_content(language.code)
    if not language.rtl:
        css.append(f"@page {{ @top-right {{ content: {pages}; }} }}")
        return "\n".join(css) + "\n"
    css += [
        # The title on the right and the page number on the left, as a right-to-left reader expects.
        "@page {",
        "  @top-left { content: " + pages + "; font-weight: normal; }",
        "  @top-right { content: string(doctitle); font-weight: bold; vertical-align: bottom; padding-bottom: 4mm; }",
        "  @bottom-left { content: none; }",
        "  @bottom-right { content: string(docmeta); vertical-align: top; padding-top: 4mm; }",
        "}",
        "html { direction: rtl; }",
        "html[dir=rtl], html[dir=rtl] p, html[dir=rtl] li, html[dir=rtl] dd, html[dir=rtl] dt,"
        " html[dir=rtl] td, html[dir=rtl] th, html[dir=rtl] h1, html[dir=rtl] h2, html[dir=rtl] h3 { text-align: right; }",
        "html[dir=rtl] ul, html[dir=rtl] ol { padding-left: 0; padding-right: 7mm; }",
        "html[dir=rtl] .words, html[dir=rtl] .admonition, html[dir=rtl] details { border-left-width: 1.5pt; border-right-width: 5pt; }",
        "html[dir=rtl] .er-picture { padding-right: 0; padding-left: 6mm; }",
        # Parts still in a left-to-right language (an untranslated module in the trainer pack) read left to right.
        "html[dir=rtl] [dir=ltr], html[dir=rtl] [dir=ltr] p, html[dir=rtl] [dir=ltr] li, html[dir=rtl] [dir=ltr] dd,"
        " html[dir=rtl] [dir=ltr] dt, html[dir=rtl] [dir=ltr] h2, html[dir=rtl] [dir=ltr] h3 { text-align: left; }",
        "html[dir=rtl] ul[dir=ltr], html[dir=rtl] ol[dir=ltr], html[dir=rtl] [dir=ltr] ul, html[dir=rtl] [dir=ltr] ol"
        " { padding-right: 0; padding-left: 7mm; }",
        # Web addresses, file names and codes stay left to right inside right-to-left text.
        "html[dir=rtl] a, html[dir=rtl] code { direction: ltr; unicode-bidi: embed; }",
    ]
    return "\n".join(css) + "\n"


__all__ = ["PrintLanguage", "is_right_to_left", "language_css", "page_count_content", "print_language"]
