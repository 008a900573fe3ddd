"""Reading age that matters: a page well above its audience's target is a warning that
says where to start (its three hardest sentences, and why each is hard).

The target comes from mkdocs.yml (`reading_age` for participant pages, 11 unless set;
`trainer_reading_age` for trainer notes, 14 unless set). A page two or more years
above its target is a warning; a little above is a suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.checks import ReadingTargets
from sidebyside.checks.jargon.rules import READING_AGE_MIN_WORDS, Page, sentences, syllables
from sidebyside.checks.jargon.text import Block, Checkable
from sidebyside.findings import Finding, Severity

WARN_ABOVE = 2  # years above the target that make a warning
SUGGEST_ABOVE = 0.5
LONG_WORD_SYLLABLES = 3
SENTENCE_WORDS = 20
SHOWN = 3


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: list[str]
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade of this sentence alone: how hard it is to read."""
        return 0.39 * len(self.words) + 11.8 * self.syllables / len(self.words) - 15.59

    def reasons(self) -> str:
        """Why it is hard, in plain words."""
        long_words = list(dict.fromkeys(w for w in self.words if syllables(w) >= LONG_WORD_SYLLABLES))
        why = []
        if len(self.words) > SENTENCE_WORDS:
            why.append(f"{len(self.words)} words long")
        if long_words:
            shown = ", ".join(f"'{w}'" for w in long_words[:3])
            why.append(f"{len(long_words)} long word{'s' if len(long_words) > 1 else ''} ({shown})")
        return " and ".join(why) or "long words for its length"


def _sentences(text: Checkable, blocks: list[Block]) -> list[Sentence]:
    found = []
    for block in blocks:
        for start, end in text.sentences_in(block, sentences):
            words = text.words_between(start, end)
            if words:
                found.append(Sentence(start, end, words, sum(map(syllables, words))))
    return found


def _quote(text: Checkable, sentence: Sentence) -> str:
    words = " ".join(text.text[sentence.start : sentence.end].split())
    return words if len(words) <= 60 else words[:57].rsplit(" ", 1)[0] + "..."


def _one(text: Checkable, page: Page, blocks: list[Block], target: int, who: str) -> list[Finding]:
    found = _sentences(text, blocks)
    words = sum(len(s.words) for s in found)
    if words < READING_AGE_MIN_WORDS or not found:
        return []
    age = 0.39 * words / len(found) + 11.8 * sum(s.syllables for s in found) / words - 15.59 + 5
    if age <= target + SUGGEST_ABOVE:
        return []
    hardest = sorted((s for s in found if len(s.words) >= 4), key=lambda s: s.grade, reverse=True)[:SHOWN]
    hardest.sort(key=lambda s: s.start)
    places = "; ".join(f'line {text.position(s.start)[0]} ("{_quote(text, s)}"): {s.reasons()}' for s in hardest)
    line, column = text.position(blocks[0].start)
    above = round(age) - target
    warn = age >= target + WARN_ABOVE
    return [
        Finding(
            page.rel,
            line,
            column,
            "jargon-reading-age",
            Severity.WARNING if warn else Severity.SUGGESTION,
            f"{who} a reading age of about {round(age)} (Flesch-Kincaid, {words} words): "
            f"{above} year{'s' if above != 1 else ''} above this course's target of {target}."
            if above > 0
            else f"{who} a reading age of about {age:.1f} (Flesch-Kincaid, {words} words), just above this course's target of {target}.",
            f"Start with the hardest sentences. {places}. Split long sentences and use shorter words.",
            "Many adults in England read at about the level of a 9 to 11 year old, more so when unwell or worried. "
            "The target is set in mkdocs.yml (`reading_age`, and `trainer_reading_age` for trainer notes).",
        )
    ]


def reading_level_findings(text: Checkable, page: Page, targets: ReadingTargets) -> list[Finding]:
    """The page's participant text against its target, and its trainer notes against theirs."""
    prose = [b for b in text.blocks if b.kind not in ("heading", "table") and not b.quote]
    findings = _one(text, page, [b for b in prose if not b.trainer], targets.participant, "This page has")
    findings += _one(text, page, [b for b in prose if b.trainer], targets.trainer, "The trainer notes on this page have")
    return findings
