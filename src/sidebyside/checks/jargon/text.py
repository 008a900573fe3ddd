"""Turn a page's Markdown into text the jargon rules can read, keeping every position.

The trick is to *mask* rather than strip: everything that is never checked (code,
link addresses, HTML, macros, Markdown symbols, text between `<!-- jargon off -->`
and `<!-- jargon on -->`) becomes spaces, so the checkable text has exactly the same
lines and columns as the file. A rule that finds something at offset N can say the
exact line and column without any mapping tables.

The text is also cut into blocks (paragraphs, headings, list items, table rows),
each remembering whether it is in a trainer note or a quote, and which words a
`<!-- jargon allow ... -->` comment allowed for it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sidebyside.checks.linear import compile_linear, mask_code_spans
from sidebyside.content.matching import WORD
from sidebyside.render.trainer_notes import TRAINER_START

FENCE = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})")
DIRECTIVE = re.compile(r"<!--\s*jargon\s+(?P<what>off|on|allow\b(?P<words>[^>]*?))\s*-->", re.I)
HTML_BLOCK = re.compile(r"^[ \t]*<(?:[A-Za-z][\w-]*|/[A-Za-z]|!--)")
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+(?P<q>"))?')
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=\s|$)")
QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])")
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S")
ATTR_LIST = compile_linear(r"\{:?[ \t]*[#.:][^}\n]*\}")

# Inline things that are never checked: masked completely.
# Code spans are masked first (mask_code_spans), the rest with RE2: both in linear time.
_INLINE_HIDE = compile_linear(
    r"<!--.*?-->"
    r"|<(?:https?://|mailto:)[^>\s]*>"
    r"|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>"
    r"|\{\{.*?\}\}|\{%.*?%\}"
    r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # a link's address: ](address "title")
    r"|\]\[[^\]]*\]"  # a reference link's label
    r"|(?:https?://|www\.)[^\s)<>\]]+"
    r"|\\."
)
# Markdown symbols between words: masked, the words kept.
_SYMBOLS = re.compile(r"!\[|\[|\*{1,3}|~~|==|\|")


@dataclass
class Block:
    """A paragraph, heading, list item or table row of checkable text."""

    start: int
    end: int
    kind: str  # paragraph | heading | item | table
    trainer: bool = False
    quote: bool = False
    allow: frozenset[str] = frozenset()


@dataclass
class Checkable:
    """The masked text of one page (or one front matter value) and its blocks."""

    text: str
    first_line: int  # the file line of the text's first line
    first_column: int = 1  # the file column of the text's first character
    blocks: list[Block] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    _block_starts: list[int] = field(default_factory=list, repr=False)
    _sentences: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    _words: dict[tuple[int, int], list[str]] = field(default_factory=dict, repr=False)

    def words_between(self, start: int, end: int) -> list[str]:
        """The words of text[start:end] (a sentence), found once and kept."""
        found = self._words.get((start, end))
        if found is None:
            found = self._words[(start, end)] = WORD.findall(self.text, start, end)
        return found

    def sentences_in(self, block: Block, split: Callable[[str, int, int], list[tuple[int, int]]]) -> list[tuple[int, int]]:
        """The sentence spans of a block, cut by `split` once and kept: several rules need them."""
        found = self._sentences.get(block.start)
        if found is None:
            found = self._sentences[block.start] = split(self.text, block.start, block.end)
        return found

    def position(self, offset: int) -> tuple[int, int]:
        """The file line and column (both from 1) of an offset in the text."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        column = offset - self.line_starts[index] + 1
        if index == 0:
            column += self.first_column - 1
        return self.first_line + index, column

    def block_at(self, offset: int) -> Block | None:
        if len(self._block_starts) != len(self.blocks):
            self._block_starts = [b.start for b in self.blocks]
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset < self.blocks[index].end:
            return self.blocks[index]
        return None


def _blank(text: str) -> str:
    return " " * len(text)


def _mask_inline(line: str) -> str:
    line = _INLINE_HIDE.sub(lambda m: _blank(m.group()), mask_code_spans(line))
    line = ATTR_LIST.sub(lambda m: _blank(m.group()), line)
    return _SYMBOLS.sub(lambda m: _blank(m.group()), line)


def _split_allow(words: str) -> set[str]:
    return {w.strip().casefold() for w in re.split(r"[,;]", words) if w.strip()}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def checkable_markdown(body: str, first_line: int = 1) -> Checkable:
    """Mask a Markdown body and cut it into blocks. `first_line` is the body's line in its file."""
    lines = body.split("\n")
    out: list[str] = []
    blocks: list[Block] = []
    offset = 0
    fence = ""
    off = False
    html = False
    trainer_indent: int | None = None
    pending_allow: set[str] = set()
    current: Block | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    starts: list[int] = []
    for raw in lines:
        length = len(raw)
        line_start = offset
        starts.append(line_start)
        offset += length + 1
        stripped = raw.strip()

        # Trainer notes: a `!!! trainer` line opens one; a less indented line closes it.
        if trainer_indent is not None and stripped and _indent(raw) <= trainer_indent and not fence:
            trainer_indent = None
            close()

        if fence:
            closing = FENCE.match(raw)
            if closing and closing.group("fence")[0] == fence[0] and stripped.lstrip("> ").startswith(fence):
                fence = ""
            out.append(_blank(raw))
            continue
        if off:
            turned_on = None
            for match in DIRECTIVE.finditer(raw):
                if match.group("what").lower() == "on":
                    turned_on = match
            if turned_on is None:
                out.append(_blank(raw))
                continue
            off = False
            raw_visible = _blank(raw[: turned_on.end()]) + raw[turned_on.end() :]
        else:
            raw_visible = raw
        fence_match = FENCE.match(raw_visible)
        if fence_match:
            close()
            fence = fence_match.group("fence")
            out.append(_blank(raw))
            continue

        # `<!-- jargon ... -->` comments.
        for match in DIRECTIVE.finditer(raw_visible):
            what = match.group("what").lower()
            if what == "off":
                off = True
                raw_visible = raw_visible[: match.start()] + _blank(raw_visible[match.start() :])
                break
            if what.startswith("allow"):
                pending_allow |= _split_allow(match.group("words") or "")

        if not raw_visible.strip():
            close()
            html = False
            out.append(_blank(raw))
            continue
        if html or (HTML_BLOCK.match(raw_visible) and current is None):
            # A block of raw HTML is never checked, up to the next blank line.
            html = not raw_visible.lstrip().startswith("<!--") or not raw_visible.rstrip().endswith("-->")
            out.append(_blank(raw))
            continue

        trainer_start = TRAINER_START.match(raw_visible)
        if trainer_start:
            close()
            trainer_indent = len(trainer_start.group("indent").expandtabs(4))
            out.append(_blank(raw))  # the note's title is for trainers and is not prose
            continue

        kind = "paragraph"
        masked = raw_visible
        new_block = False
        admonition = ADMONITION.match(masked)
        if admonition:
            end = admonition.end()
            masked = _blank(masked[:end]) + masked[end:].replace('"', " ")
            new_block, kind = True, "heading"
        quote = QUOTE.match(masked)
        is_quote = bool(quote)
        if quote:
            masked = _blank(quote.group()) + masked[quote.end() :]
        heading = HEADING.match(masked)
        if heading:
            masked = masked.replace("#", " ")
            new_block, kind = True, "heading"
        item = LIST_ITEM.match(masked)
        if item:
            masked = _blank(item.group()) + masked[item.end() :]
            new_block, kind = True, "item"
        if LINK_DEFINITION.match(masked) or TABLE_RULE.match(masked):
            out.append(_blank(raw))
            continue
        if masked.lstrip().startswith("|") or (current is not None and current.kind == "table" and "|" in masked):
            new_block, kind = True, "table"
        masked = _mask_inline(masked)
        if len(masked) != length:  # never shift a column
            masked = masked[:length].ljust(length)
        out.append(masked)
        if not masked.strip():
            continue
        if current is not None and current.quote and not is_quote and not new_block:
            is_quote = True  # a "lazy" line that carries on the quote above it
        if current is not None and (new_block or current.kind in ("heading", "table") or current.quote != is_quote):
            close()
        if current is None:
            current = Block(
                line_start + _indent(masked), line_start + length, kind, trainer_indent is not None, is_quote, frozenset(pending_allow)
            )
            pending_allow = set()
        else:
            current.end = line_start + length
    close()
    text = "\n".join(out)
    return Checkable(text, first_line, 1, blocks, starts)


def checkable_value(value: str, line: int, column: int) -> Checkable:
    """A single front matter value (a glossary definition, say) as one paragraph."""
    text = value.replace("\n", " ")
    return Checkable(text, line, column, [Block(0, len(text), "paragraph")], [0])
