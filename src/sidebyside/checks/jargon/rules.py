"""The jargon rules: each finds things in checkable text and says where, exactly.

One `TermMatcher` covers every word-list entry (and the glossary's words to avoid),
so the cost per word stays the same however long the lists get.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from sidebyside.checks import ReadingTargets
from sidebyside.checks.jargon.data import Entry, WordLists
from sidebyside.checks.jargon.licences import licence_pattern
from sidebyside.checks.jargon.text import Block, Checkable
from sidebyside.checks.jargon.vocabulary import Thresholds, Vocabulary, syllables
from sidebyside.content.matching import WORD, TermMatcher
from sidebyside.content.model import Term
from sidebyside.findings import Finding, Severity

ACRONYM = re.compile(r"(?<![\w&'’-])[A-Z][A-Z&]{1,5}s?(?![\w&'’-])")
# Any token that may be an acronym: letters (any case), digits, & and / ("AQuA", "QICoach", "SU/C").
TOKEN = r"(?<![\w&'’/-])[A-Za-z][A-Za-z0-9&]*(?:/[A-Za-z0-9&]+)*(?![\w&'’/-])"
SURNAME = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z][a-z]+(?:s|'s)?")
LETTERS = re.compile(r"[A-Za-z]+")
SMALL_WORDS = frozenset(["of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "from", "or", "&"])
ABBREVIATIONS = frozenset(["e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "no", "vs", "approx"])
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9]|\s*$)")
SPLIT_WORDS = ("because", "but", "and", "so", "which", "while", "when", "although", "or", "then", "if")

SENTENCE_SUGGEST, SENTENCE_WARN, TRAINER_SENTENCE = 20, 25, 30
PARAGRAPH_SUGGEST, PARAGRAPH_WARN = 3, 5
DEFINITION_WORDS = 25
READING_AGE_MIN_WORDS = 60  # fewer words than this give no steady reading age

QUOTE_PREFIX = "For information only (these are the teller's own words, which we never change): "


@dataclass
class Glossary:
    """What the course glossary explains: every form of every term, as found in text."""

    matcher: TermMatcher
    forms: set[str]  # casefolded
    acronyms: set[str]  # exact case
    words: set[str] = field(default_factory=set)  # every word of every form, casefolded

    @classmethod
    def of(cls, terms: list[Term]) -> Glossary:
        forms: set[str] = set()
        acronyms: set[str] = set()
        phrases = []
        for term in terms:
            for form in [*term.forms, term.stands_for]:
                if not form:
                    continue
                forms.add(form.casefold())
                phrases.append((form, term.slug))
                if ACRONYM.fullmatch(form) or (" " not in form and sum(1 for c in form if c.isupper()) >= 2):
                    acronyms.add(form)  # NHS, ICBs, and mixed case too: AQuA, QICoach
        words = {w.casefold() for form, _ in phrases for w in WORD.findall(form)}
        return cls(TermMatcher(phrases), forms, acronyms, words)

    def explains(self, text: str) -> bool:
        if text.casefold() in self.forms:
            return True
        return any(True for _ in self.matcher.finditer(text))


@dataclass
class Rules:
    """The word lists and glossary, prepared once per course."""

    lists: WordLists
    glossary: Glossary
    entries: dict[str, Entry] = field(default_factory=dict)
    avoid: dict[str, Term] = field(default_factory=dict)
    matcher: TermMatcher = field(default_factory=lambda: TermMatcher(()))
    vocabulary: Vocabulary = field(default_factory=lambda: Vocabulary(Thresholds()))
    names: frozenset[str] = frozenset()
    reading: ReadingTargets = field(default_factory=ReadingTargets)

    @classmethod
    def prepare(cls, lists: WordLists, terms: list[Term]) -> Rules:
        rules = cls(lists, Glossary.of(terms))
        rules.vocabulary = Vocabulary(Thresholds(**lists.thresholds), frozenset(lists.everyday))  # type: ignore[arg-type]
        rules.names = frozenset(lists.names)
        phrases: list[tuple[str, str]] = []
        for term in terms:  # first: the course's own advice wins over the lists' for the same words
            if term.avoid:
                key = f"avoid:{term.slug}"
                rules.avoid[key] = term
                phrases += [(form, key) for form in term.forms]
        for index, entry in enumerate(lists.entries):
            key = f"{entry.list}:{index}"
            rules.entries[key] = entry
            phrases += [(form, key) for form in entry.all_forms]
        rules.matcher = TermMatcher(phrases)
        return rules


@dataclass
class Page:
    """One page being checked: where it is, what it may use, and how strict to be."""

    rel: str
    kind: str  # module | story | glossary | definition
    allow: frozenset[str] = frozenset()


def _allowed(words: list[str], page: Page, block: Block | None) -> bool:
    allow = page.allow | (block.allow if block else frozenset())
    return bool(allow) and any(w.casefold() in allow for w in words if w)


def _finding(
    page: Page, text: Checkable, offset: int, rule: str, severity: Severity, message: str, suggestion: str, why: str, block: Block | None
) -> Finding:
    """A finding, softened for trainer notes and for quotes in a story."""
    line, column = text.position(offset)
    if block is not None and block.quote and page.kind == "story":
        severity, message = Severity.SUGGESTION, QUOTE_PREFIX + message
    elif block is not None and block.trainer:
        if rule in ("jargon-term", "jargon-acronym") and severity is Severity.ERROR:
            severity, why = Severity.WARNING, why + " In trainer notes this is a warning: say it plainly or explain it aloud."
        elif rule in ("jargon-plain", "jargon-uncommon"):
            severity = Severity.SUGGESTION
    return Finding(page.rel, line, column, rule, severity, message, suggestion, why)


def _context(block: Block | None) -> str:
    if block is None:
        return "page"
    return "quote" if block.quote else ("trainer" if block.trainer else "page")


# --- word lists --------------------------------------------------------------------------


def word_list_findings(text: Checkable, page: Page, rules: Rules) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Jargon terms, outdated names, plainer words. Also returns the spans matched, for the acronym rule."""
    findings: list[Finding] = []
    spans: list[tuple[int, int]] = []
    first_use: set[tuple[str, str]] = set()
    paragraphs_naming: dict[int, str] = {}
    for match in rules.matcher.finditer(text.text):
        spans.append((match.start, match.end))
        block = text.block_at(match.start)
        if match.key.startswith("avoid:"):
            term = rules.avoid[match.key]
            if _allowed([match.text, *term.forms], page, block):
                continue
            findings.append(
                _finding(
                    page,
                    text,
                    match.start,
                    "jargon-plain",
                    Severity.WARNING,
                    f"'{match.text}' is in the glossary as a word to avoid.",
                    _sentence(term.instead) if term.instead else "Plainer words (its glossary entry says why).",
                    term.plain,
                    block,
                )
            )
            continue
        entry = rules.entries[match.key]
        if _allowed([match.text, *entry.all_forms], page, block):
            continue
        if entry.list == "jargon":
            if rules.glossary.explains(match.text):  # the site links this very form to the glossary
                continue
            seen = (match.key, _context(block))
            if seen in first_use:
                continue
            first_use.add(seen)
            known = next((f for f in entry.all_forms if f.casefold() in rules.glossary.forms), "")
            fix = (
                f"The glossary has '{known}': add '{match.text}' to that term's `aliases`, "
                f"or use plainer words, for example: {entry.plain}."
                if known
                else f"Add it (`sidebyside new term`) or use plainer words, for example: {entry.plain}."
            )
            findings.append(
                _finding(
                    page,
                    text,
                    match.start,
                    "jargon-term",
                    Severity.ERROR,
                    f"'{match.text}' isn't in the glossary.",
                    fix,
                    entry.why,
                    block,
                )
            )
        elif entry.list == "outdated":
            if block is not None:
                if block.start not in paragraphs_naming:
                    paragraphs_naming[block.start] = text.text[block.start : block.end]
                paragraph = paragraphs_naming[block.start]
                if _names_any(paragraph, entry.current_forms):
                    continue
            findings.append(
                _finding(
                    page,
                    text,
                    match.start,
                    "jargon-outdated",
                    Severity.ERROR,
                    f"'{match.text}' is an old name.",
                    f"Use the current name: {entry.current}. If you are explaining the change, name the new one in the same paragraph.",
                    entry.why,
                    block,
                )
            )
        elif rules.glossary.explains(match.text):
            continue
        else:
            findings.append(
                _finding(
                    page,
                    text,
                    match.start,
                    "jargon-plain",
                    Severity.WARNING,
                    f"'{match.text}' has a plainer alternative.",
                    _sentence(entry.plain),
                    entry.why,
                    block,
                )
            )
    return findings, spans


def _sentence(text: str) -> str:
    """A plain alternative as it reads after "Try:" ("use" becomes "Use.")."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


@functools.lru_cache(maxsize=256)
def _matcher_of(forms: tuple[str, ...]) -> TermMatcher:
    return TermMatcher((f, "x") for f in forms)


def _names_any(paragraph: str, forms: tuple[str, ...]) -> bool:
    return bool(forms) and any(True for _ in _matcher_of(forms).finditer(paragraph))


# --- acronyms ----------------------------------------------------------------------------


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words)


def _spelt_out(acronym: str, before: str, after: str) -> bool:
    """Is the acronym spelt out right beside it: "plan, do, study, act (PDSA)" or "PDSA (plan, do, study, act)"?"""
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) > 1 and acronym.endswith("s") and not acronym[-2].islower():
        letters = letters[:-1]
    if any(c.islower() for c in letters):  # AQuA: Advancing Quality Alliance; mHealth: mobile health
        capitals = [c for c in letters if c.isupper()]
        letters = capitals if len(capitals) >= 2 else letters[:1] + capitals
    want = "".join(letters).upper()
    if before.rstrip().endswith("("):
        words = [w for part in LETTERS.findall(before[-200:]) for w in [part]]
        return _ends_with_initials(words, want)
    if after.lstrip().startswith("("):
        inside = after.lstrip()[1:].split(")", 1)[0]
        return _starts_with_initials(LETTERS.findall(inside), want)
    return False


def _ends_with_initials(words: list[str], want: str) -> bool:
    """Do the words end with a phrase whose initials spell `want`? Small words and up to two others may be skipped
    inside the phrase ("National Institute for Health and Care Excellence (NICE)")."""
    return _initials_match(list(reversed(words)), want[::-1])


def _starts_with_initials(words: list[str], want: str) -> bool:
    return _initials_match(words, want)


def _initials_match(words: list[str], want: str, skips: int = 2) -> bool:
    position = 0
    for word in words:
        if position == len(want):
            return True
        if word[0].upper() == want[position]:
            position += 1
        elif word.casefold() in SMALL_WORDS and position:
            continue
        elif position and skips:
            skips -= 1
        else:
            return False
    return position == len(want)


def _looks_like_acronym(token: str, mixed_case: dict[str, str]) -> bool:
    """Two or more capitals (NHS, AQuA, QICoach, SU/C), or a known form with fewer (mHealth)."""
    if token in mixed_case:
        return True
    if "/" in token:
        parts = token.split("/")
        return any(sum(1 for c in p if c.isupper()) >= 2 for p in parts) or all(p.isupper() for p in parts)
    return sum(1 for c in token if c.isupper()) >= 2 and not token.endswith("&") and not SURNAME.fullmatch(token)


TOKEN_AT = re.compile(TOKEN)
TWO_CAPITALS_NEAR = re.compile(r"[A-Z][A-Za-z0-9&/]*[A-Z]")  # quick to find; widened to the whole token below
TOKEN_CHARACTERS = frozenset("&/") | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@functools.lru_cache(maxsize=8)
def _mixed_case_pattern(mixed_case: tuple[str, ...]) -> re.Pattern[str] | None:
    if not mixed_case:
        return None
    known = "|".join(re.escape(f) for f in sorted(mixed_case, key=len, reverse=True))
    return re.compile(r"(?<![\w&'’/-])(?:" + known + r")(?![\w&'’/-])")


def acronym_tokens(source: str, mixed_case: tuple[str, ...]) -> list[re.Match[str]]:
    """Tokens with two capitals anywhere in them (NHS, AQuA, QICoach, SU/C), and the known
    mixed-case forms (mHealth), in order. Two capitals are found first (a fast search), then
    widened to the whole token, so ordinary words cost almost nothing."""
    found: dict[int, re.Match[str]] = {}
    for near in TWO_CAPITALS_NEAR.finditer(source):
        start = near.start()
        while start > 0 and source[start - 1] in TOKEN_CHARACTERS:
            start -= 1
        if start in found:
            continue
        token = TOKEN_AT.match(source, start)
        if token is not None and token.end() >= near.end():
            found[start] = token
    pattern = _mixed_case_pattern(mixed_case)
    if pattern is not None:
        for token in pattern.finditer(source):
            found.setdefault(token.start(), token)
    return [found[start] for start in sorted(found)]


def _singular(token: str) -> str:
    return token[:-1] if token.endswith("s") and len(token) > 2 and not token[-2].islower() else token


def acronym_findings(text: Checkable, page: Page, rules: Rules, covered: list[tuple[int, int]]) -> list[Finding]:
    """Acronyms in any case not in the glossary, not well known and not spelt out at or before first use."""
    findings: list[Finding] = []
    defined: set[str] = set()
    reported: set[tuple[str, str]] = set()
    covered_starts = {start for start, _ in covered}
    well_known = rules.lists.well_known
    glossary = rules.glossary.acronyms
    mixed_case = rules.lists.mixed_case
    source = text.text
    licences = licence_pattern(tuple(rules.lists.licences))
    licence_end = -1
    for match in acronym_tokens(source, tuple(mixed_case)):
        token = match.group()
        if token[1:].islower() or token.islower() or not _looks_like_acronym(token, mixed_case):
            continue
        if match.start() < licence_end:
            continue  # part of a licence name: "CC BY-SA 4.0"
        licence = licences.match(source, match.start()) if licences is not None else None
        if licence is not None:
            licence_end = licence.end()
            continue
        singular = _singular(token)
        if token in well_known or singular in well_known or token in glossary or singular in glossary or singular in rules.lists.brands:
            continue
        if "/" in token and all(p in well_known or p in glossary for p in token.split("/")):
            continue
        if match.start() in covered_starts or _inside(covered, match.start()):
            continue
        if singular in defined:
            continue
        start = match.start()
        if _spelt_out(token, source[max(0, start - 200) : start], source[match.end() : match.end() + 200]):
            defined.add(singular)
            continue
        block = text.block_at(start)
        if _allowed([token, singular], page, block):
            continue
        seen = (singular, _context(block))
        if seen in reported:
            continue
        reported.add(seen)
        known = mixed_case.get(token, "")
        findings.append(
            _finding(
                page,
                text,
                start,
                "jargon-acronym",
                Severity.ERROR,
                f"'{token}' is not in the glossary and is not spelt out before it is first used."
                + (f" It stands for {known}." if known else ""),
                'Spell it out the first time, like "plan, do, study, act (PDSA)", or add it to the glossary (`sidebyside new term`).',
                "People cannot guess what the letters stand for, and screen readers may read them as a word.",
                block,
            )
        )
    return findings


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


# --- sentences and paragraphs ------------------------------------------------------------


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end]."""
    spans: list[tuple[int, int]] = []
    position = start
    chunk = text[start:end]
    for match in SENTENCE_END.finditer(chunk):
        stop = start + match.end()
        before = chunk[: match.start()].rsplit(None, 1)
        last = before[-1].casefold().rstrip(".") if before else ""
        if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        if text[position:stop].strip():
            spans.append((position, stop))
        position = stop
    if text[position:end].strip():
        spans.append((position, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


def _split_point(text: str, start: int, end: int) -> int | None:
    """Where a long sentence could be split: a joining word or semicolon near the middle."""
    found = WORD.finditer(text, start, end)
    words = list(found)
    if len(words) < 6:
        return None
    middle = len(words) / 2
    best: tuple[float, int] | None = None
    for index, word in enumerate(words[2:-2], start=2):
        preceding = text[words[index - 1].end() : word.start()]
        if word.group().casefold() in SPLIT_WORDS or ";" in preceding:
            score = abs(index - middle) - (2 if "," in preceding or ";" in preceding else 0)
            if best is None or score < best[0]:
                best = (score, word.start())
    return best[1] if best else None


def sentence_findings(text: Checkable, page: Page) -> list[Finding]:
    findings: list[Finding] = []
    for block in text.blocks:
        if block.kind in ("heading", "table"):
            continue
        spans = text.sentences_in(block, sentences)
        for start, end in spans:
            count = len(text.words_between(start, end))
            limit_suggest, limit_warn = (TRAINER_SENTENCE, 10**6) if block.trainer else (SENTENCE_SUGGEST, SENTENCE_WARN)
            if count <= limit_suggest:
                continue
            severity = Severity.WARNING if count > limit_warn else Severity.SUGGESTION
            split = _split_point(text.text, start, end)
            if split is not None:
                line, column = text.position(split)
                found = WORD.match(text.text, split)
                word = found.group() if found else text.text[split : split + 20].split()[0]
                suggestion = f"Split it into two sentences, for example before '{word}' (line {line}, column {column})."
            else:
                suggestion = "Split it into two sentences, one idea in each."
            findings.append(
                _finding(
                    page,
                    text,
                    start,
                    "jargon-sentence-length",
                    severity,
                    f"This sentence has {count} words. We aim for {SENTENCE_SUGGEST} or fewer.",
                    suggestion,
                    "Long sentences are hard to follow, especially in a second language, when tired or unwell, "
                    "or when using a screen reader.",
                    block,
                )
            )
        if block.kind == "paragraph" and not block.trainer and len(spans) > PARAGRAPH_SUGGEST:
            findings.append(
                _finding(
                    page,
                    text,
                    block.start,
                    "jargon-paragraph-length",
                    Severity.WARNING if len(spans) > PARAGRAPH_WARN else Severity.SUGGESTION,
                    f"This paragraph has {len(spans)} sentences. We aim for {PARAGRAPH_SUGGEST} or fewer.",
                    "Split it into shorter paragraphs, with a blank line between them.",
                    "Short paragraphs are easier to read on a phone and easier to come back to.",
                    block,
                )
            )
    return findings


# --- reading age -------------------------------------------------------------------------


def reading_age(text: Checkable) -> tuple[float, int] | None:
    """Flesch-Kincaid reading age (grade + 5) of participant prose, and its word count."""
    words = sentences_count = syllable_count = 0
    for block in text.blocks:
        if block.trainer or block.quote or block.kind in ("heading", "table"):
            continue
        spans = text.sentences_in(block, sentences)
        sentences_count += len(spans)
        found = WORD.findall(text.text, block.start, block.end)
        words += len(found)
        syllable_count += sum(map(syllables, found))
    if not words or not sentences_count:
        return None
    grade = 0.39 * words / sentences_count + 11.8 * syllable_count / words - 15.59
    return grade + 5, words


# --- glossary definitions ----------------------------------------------------------------


def definition_findings(text: Checkable, page: Page, rules: Rules) -> list[Finding]:
    """A glossary definition must itself be plain: short, no unexplained jargon."""
    findings, spans = word_list_findings(text, page, rules)
    findings += acronym_findings(text, page, rules, spans)
    count = sum(1 for _ in WORD.finditer(text.text))
    if count > DEFINITION_WORDS:
        line, column = text.position(0)
        findings.append(
            Finding(
                page.rel,
                line,
                column,
                "jargon-definition-length",
                Severity.ERROR,
                f"This definition has {count} words. A definition in `plain` can have at most {DEFINITION_WORDS}.",
                "Keep one or two short sentences in `plain`, and move the rest to the text below the front matter.",
                "The definition opens in place in the middle of a sentence, so it has to be quick to read.",
            )
        )
    return findings
