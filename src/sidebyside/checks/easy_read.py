"""Easy Read rules: short sentences, one to a line, a picture for every part, no short
forms, every glossary word explained in the next sentence, and not too long.

Easy Read is for people with a learning disability. The rules follow the usual Easy
Read guidance (one idea at a time, short sentences, a picture beside each idea), and
every finding says in plain words what to change.
"""

from __future__ import annotations

import math
import re

from sidebyside.checks import CheckContext, EasyReadLimits
from sidebyside.content.easy_read import EasyRead, Sentence
from sidebyside.content.matching import TermMatcher
from sidebyside.content.model import Course, Module, Term
from sidebyside.findings import Finding, error, warning

WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
TOKEN = re.compile(r"[A-Za-z0-9&/]+")
# The end of one sentence and the start of another on the same line.
SENTENCE_BREAK = re.compile(r"[.!?][\"'’”)]*\s+[\"'‘“(]?[A-Z0-9]")
# How a sentence explains the word just before it: "This means ...", "A chair is ...".
EXPLAINS = re.compile(r"\b(?:means?|meaning|is when|is a|is an|is the|is someone|are people|are the|is where|is what)\b", re.I)
COMMON_CAPITALS = {"OK", "TV"}
MOST_SENTENCES = 5  # sentences in one part before it is more than one idea


def easy_read(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    matcher = TermMatcher((form, t.slug) for t in course.terms if _explain(t) for form in t.forms)
    terms = {t.slug: t for t in course.terms}
    for module in course.modules:
        easy = module.easy_read
        if easy is None or not context.wants(easy.rel):
            continue
        findings += document_findings(easy, module, context.easy_read)
        findings += explanation_findings(easy, matcher, terms)
    return findings


def _explain(term: Term) -> bool:
    """Words to avoid are reported by the jargon check; everyday words need no explaining."""
    return not term.avoid and not getattr(term, "everyday", False)


def document_findings(easy: EasyRead, module: Module, limits: EasyReadLimits) -> list[Finding]:
    """Every rule about the shape of the document and its sentences."""
    findings: list[Finding] = []
    rel = easy.rel
    for part in easy.parts:
        if not part.picture_line:
            findings.append(
                error(
                    rel,
                    part.line,
                    "easy-read-no-picture",
                    "This part has no picture.",
                    "Start the part with a line like `picture: talk`. The pictures you can use are listed in reference/easy-read.md.",
                    "In Easy Read, a picture beside each idea helps people understand it.",
                )
            )
        if len(part.sentences) > MOST_SENTENCES:
            findings.append(
                warning(
                    rel,
                    part.line,
                    "easy-read-long-part",
                    f"This part has {len(part.sentences)} sentences. That is a lot for one picture.",
                    "Split it into two parts, each with its own picture.",
                    "Easy Read gives one idea at a time.",
                )
            )
        if part.picture is not None and not part.sentences:
            findings.append(
                error(
                    rel,
                    part.line,
                    "easy-read-no-text",
                    "This picture has no sentence with it.",
                    "Add a short sentence after the picture line.",
                )
            )
        for sentence in part.sentences:
            findings += sentence_findings(rel, sentence, limits)
    pages = math.ceil(len(easy.parts) / limits.parts_per_page)
    if pages > limits.max_pages:
        findings.append(
            warning(
                rel,
                1,
                "easy-read-too-long",
                f"This Easy Read document has {len(easy.parts)} parts, about {pages} pages. Easy Read documents "
                f"are best kept to {limits.max_pages} pages or fewer.",
                "Leave out what a reader can do without, or split the module into two.",
                "Long documents are tiring to read, and readers may give up before the end.",
            )
        )
    if easy.module_version != module.version:
        findings.append(
            warning(
                rel,
                easy.lines.get("module_version", 1),
                "easy-read-out-of-date",
                f'The module has changed since this Easy Read version was written (it was written from version "{easy.module_version}"; '
                f'the module is now version "{module.version}").',
                f'Check the Easy Read version still says the same as the module, change it if it does not, then set `module_version: "{module.version}"`.',
                "An Easy Read version that says something different from the main page would mislead its readers.",
            )
        )
    return findings


def sentence_findings(rel: str, sentence: Sentence, limits: EasyReadLimits) -> list[Finding]:
    findings: list[Finding] = []
    text = sentence.text
    if SENTENCE_BREAK.search(text):
        findings.append(
            error(
                rel,
                sentence.line,
                "easy-read-one-sentence",
                "This line has more than one sentence.",
                "Put each sentence on a line of its own.",
                "One sentence a line keeps Easy Read clear, on the page and on paper.",
            )
        )
    words = WORD.findall(text)
    if len(words) > limits.max_words:
        findings.append(
            error(
                rel,
                sentence.line,
                "easy-read-long-sentence",
                f"This sentence has {len(words)} words. Easy Read sentences have {limits.max_words} words or fewer.",
                "Split it into two sentences, or say it more simply.",
                "Short sentences are easier to read and remember.",
            )
        )
    for token in TOKEN.findall(text):
        capitals = sum(1 for char in token if char.isupper())
        if capitals >= 2 and token not in COMMON_CAPITALS:
            findings.append(
                error(
                    rel,
                    sentence.line,
                    "easy-read-short-form",
                    f"`{token}` is a short form. Easy Read does not use short forms.",
                    "Write the words out in full, and explain them if they are hard.",
                    "Letters like these mean nothing to a reader who has not met them before.",
                    column=text.find(token) + 1,
                )
            )
    return findings


def explanation_findings(easy: EasyRead, matcher: TermMatcher, terms: dict[str, Term]) -> list[Finding]:
    """A glossary word needs explaining in the next sentence, the first time it is used."""
    findings: list[Finding] = []
    sentences = easy.sentences
    explained: set[str] = set()
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1].text if index + 1 < len(sentences) else ""
        for match in matcher.finditer(sentence.text):
            if match.key in explained:
                continue
            explained.add(match.key)
            if EXPLAINS.search(following) or _explained_in_place(sentence.text, match.end):
                continue
            term = terms[match.key]
            findings.append(
                error(
                    easy.rel,
                    sentence.line,
                    "easy-read-explain",
                    f"“{match.text}” is a word from the glossary. Easy Read explains it in the next sentence.",
                    f"Add a sentence after this one, for example: “This means {_lower_first(_first_sentence(term.plain))}”",
                    "Readers of Easy Read meet each hard word with its meaning straight after it.",
                    column=match.start + 1,
                )
            )
    return findings


def _explained_in_place(text: str, end: int) -> bool:
    """ "A chair is the person who ...": the word is explained straight after it, in the same sentence."""
    found = EXPLAINS.search(text, end)
    return found is not None and found.start() - end <= 12


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _first_sentence(text: str) -> str:
    found = SENTENCE_BREAK.search(text)
    return text[: found.start() + 1] if found else text
