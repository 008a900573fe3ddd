"""The text a reader actually sees, normalised so that spelling tricks cannot hide it.

HTML entities, non-breaking and zero-width spaces, full-width digits and line breaks
inside a number all change how text is spelt but not what a person reads: the personal
details scan reads the text after all of them are undone.
"""

from __future__ import annotations

import html
import unicodedata
from html.parser import HTMLParser

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
SKIP = {"script", "style", "svg"}


def normalise(text: str) -> str:
    """One line of plain text: entities decoded, Unicode compatibility forms folded (NFKC),
    invisible characters removed and every run of white space (line breaks too) one space."""
    text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE)
    return " ".join(text.split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            self.skipping += 1
        for name, value in attrs:  # what a reader may also be shown or read out
            if name in ("alt", "title", "aria-label") and value:
                self.parts.append(value)
        if tag in ("p", "li", "td", "th", "dt", "dd", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def final_text(fragment: str) -> str:
    """The readable text of an HTML fragment (alt text and titles included), normalised."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return normalise(" ".join(parser.parts))
