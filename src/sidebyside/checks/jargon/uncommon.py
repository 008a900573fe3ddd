"""The uncommon-word rule: words few people use, found by evidence, not by list.

A word needs explaining when `Vocabulary` says so (rare, or long and formal), unless
the glossary explains it, a word list already reports it, it is a name, the page
allows it, or it is explained in the same paragraph:

    a practicum, which means a practical course       practicum (a practical course)
    a practical course (a practicum)                  a practical course, called a practicum
    A practicum is a practical course.                practicum: a practical course

Only the first unexplained use on a page is reported, like the other word rules.
"""

from __future__ import annotations

import re

from sidebyside.checks.jargon.rules import Page, Rules, _allowed, _context, _finding, sentences
from sidebyside.checks.jargon.text import Block, Checkable
from sidebyside.checks.jargon.vocabulary import plain_forms, zipf
from sidebyside.content.matching import WORD
from sidebyside.findings import Finding, Severity

EXPLAINED_AFTER = re.compile(
    r"\s*(?:\((?!\s*\))"
    r"|,?\s*(?:which|that|this)\s+(?:means|is|are|was)\b"
    r"|,?\s*(?:meaning|or|also called|in other words|that is|i\.e\.)\s"
    r"|\s+(?:is|are|means|mean|was|were)\s+(?:a|an|the|when|how|what|where|who|someone|something|somebody|people|to|just|simply|about|like)\b"
    r"|\s*[:—–]\s"
    r"|\s+-\s)",
    re.I,
)
EXPLAINED_BEFORE = re.compile(
    r"(?:\b(?:called|known as|named|termed|the word|the term|the phrase)\s+(?:an?\s+|the\s+)?[\"'“‘]?|\(\s*(?:an?\s+|the\s+|or\s+)?)$", re.I
)
# Words ending like these are words, not names, even at the start of a sentence.
WORD_ENDINGS: tuple[str, ...] = ("ed", "ing", "ism", "isms", "ology", "ive", "tion", "sion", "ment", "ments", "ity", "ous", "ance", "ence")
WORD_ENDINGS += ("able", "ible", "ful", "less", "ness", "ise", "ize", "ised", "ized", "ify", "ly", "ary", "istic", "ical")


def _sentence_starts(text: Checkable) -> set[int]:
    """Offsets of the first word of each sentence, heading, list item and table cell."""
    starts: set[int] = set()
    source = text.text
    for block in text.blocks:
        for start, end in text.sentences_in(block, sentences):
            first = WORD.search(source, start, end)
            if first is not None:
                starts.add(first.start())
        if block.kind == "table":
            for cell in re.finditer(r"\S", source[block.start : block.end]):
                if cell.start() == 0 or source[block.start + cell.start() - 2 : block.start + cell.start()].strip() == "":
                    starts.add(block.start + cell.start())
    return starts


def _explained_here(source: str, start: int, end: int, block_start: int, block_end: int) -> bool:
    after = source[end : min(block_end, end + 40)]
    before = source[max(block_start, start - 40) : start]
    return bool(EXPLAINED_AFTER.match(after) or EXPLAINED_BEFORE.search(before))


def _key(word: str) -> str:
    """One key for every form of a word, so "upskill" explained covers "upskilling": its best-known form."""
    return max(plain_forms(word.casefold().replace("’", "'")), key=lambda form: (zipf(form), -len(form)))


def uncommon_findings(text: Checkable, page: Page, rules: Rules, covered: list[tuple[int, int]]) -> list[Finding]:
    """Words few readers know, not in the glossary, not names and not explained nearby."""
    vocabulary = rules.vocabulary
    source = text.text
    verdict = vocabulary.verdict
    flagged = {word for word in set(WORD.findall(source)) if verdict(word) is not None}
    if not flagged:
        return []
    candidates: list[tuple[int, int, str, str]] = []  # (start, end, word, key)
    for match in WORD.finditer(source):
        word = match.group()
        if word in flagged:
            candidates.append((match.start(), match.end(), word, _key(word)))
    if not candidates:
        return []
    spans = list(covered)
    if any(word.casefold() in rules.glossary.words for _, _, word, _ in candidates):  # only then is the matcher needed
        spans += [(m.start, m.end) for m in rules.glossary.matcher.finditer(source)]
    covered_words = {w.start() for a, b in spans for w in WORD.finditer(source, a, b)}
    capitalised = any(word[:1].isupper() for _, _, word, _ in candidates)
    starts = _sentence_starts(text) if capitalised else set()
    names_here = {w.casefold() for s, _, w, _ in candidates if w[:1].isupper() and s not in starts}
    explained: set[str] = set()
    explained_in: set[tuple[int, str]] = set()  # (block start, key): explained somewhere in that paragraph
    for start, end, _word, key in candidates:
        block = text.block_at(start)
        if block is not None and _explained_here(source, start, end, block.start, block.end):
            explained_in.add((block.start, key))
    reported: set[tuple[str, str]] = set()
    findings: list[Finding] = []
    for start, _end, word, key in candidates:
        if sum(1 for c in word if c.isupper()) >= 2 or start in covered_words:
            continue  # acronyms have their own rule; word lists and the glossary already speak
        folded = word.casefold()
        if folded in rules.names or key in rules.names or any(f in rules.glossary.forms for f in plain_forms(folded)):
            continue
        found = verdict(word)
        assert found is not None
        if word[:1].isupper():
            if start not in starts or folded in names_here:
                continue  # a name: capitalised in the middle of a sentence
            if found.kind != "formal" and not folded.endswith(WORD_ENDINGS + vocabulary.thresholds.formal_endings):
                continue  # may be a name starting a sentence
        block = text.block_at(start)
        if block is None or _allowed([word, key], page, block):
            continue
        if key in explained or (block.start, key) in explained_in:
            explained.add(key)  # explained once on the page is explained for the rest of it
            continue
        seen = (key, _context(block))
        if seen in reported:
            continue
        reported.add(seen)
        findings.append(_uncommon(text, page, start, word, found.kind, found.score, block))
    return findings


def _uncommon(text: Checkable, page: Page, start: int, word: str, kind: str, score: float, block: Block) -> Finding:
    fix = (
        f'Explain it in the same paragraph ("{word}, which means ..."), add it to the glossary '
        "(`sidebyside new term`), or use a plainer word."
    )
    if kind == "rare":
        message = f"Few people use the word '{word}'."
        why = (
            f"'{word}' is rare in everyday English (it scores {score:.1f}; everyday words score 4 or more). "
            "Readers who do not know it may guess wrong or stop reading."
        )
    elif kind == "long":
        message = f"'{word}' is a long word that many people do not use."
        why = (
            f"Long words that are not in everyday use, like '{word}', slow readers down (it scores {score:.1f}; "
            "everyday words score 4 or more). Many readers skip them."
        )
    else:
        message = f"'{word}' is a long, formal word that many people do not use."
        why = (
            f"Long words like '{word}' are common in reports but rare in everyday speech (it scores {score:.1f}; "
            "everyday words score 4 or more). Many readers skip them."
        )
    return _finding(page, text, start, "jargon-uncommon", Severity.WARNING, message, fix, why, block)
