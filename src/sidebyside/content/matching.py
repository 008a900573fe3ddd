"""Find glossary terms in text: whole words, longest match first, acronyms case-exact.

One dictionary lookup per word of text, whatever the size of the glossary, so a
glossary of 300 terms costs about the same as one of 30.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:[&'’\-][^\W_]+)*")
_GAP = re.compile(r"[ \t\n\r]+")


def words(text: str) -> list[tuple[int, int, str]]:
    """The words of `text` as (start, end, word)."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def _is_acronym(token: str) -> bool:
    """Tokens with two or more capitals (GP, ICBs, A&E) must match with the same case."""
    return sum(1 for c in token if c.isupper()) >= 2


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str
    text: str


@dataclass(frozen=True)
class _Pattern:
    tokens: tuple[str, ...]
    exact: tuple[bool, ...]
    key: str


class TermMatcher:
    """Matches many phrases at once. `key` is what a match reports (a glossary slug, say)."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[_Pattern]] = {}
        for phrase, key in phrases:
            tokens = tuple(w for _, _, w in words(phrase))
            if not tokens:
                continue
            exact = tuple(_is_acronym(t) for t in tokens)
            pattern = _Pattern(tuple(t if e else t.casefold() for t, e in zip(tokens, exact, strict=True)), exact, key)
            bucket = self._by_first.setdefault(tokens[0].casefold(), [])
            if pattern not in bucket:
                bucket.append(pattern)
        for bucket in self._by_first.values():
            bucket.sort(key=lambda p: -len(p.tokens))

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def finditer(self, text: str) -> Iterator[Match]:
        """Yield non-overlapping matches, left to right, preferring the longest phrase."""
        found = words(text)
        index = 0
        total = len(found)
        while index < total:
            start, _end, word = found[index]
            bucket = self._by_first.get(word.casefold())
            matched = None
            if bucket:
                for pattern in bucket:
                    if self._matches(text, found, index, pattern):
                        matched = pattern
                        break
            if matched is None:
                index += 1
                continue
            last = index + len(matched.tokens) - 1
            yield Match(start, found[last][1], matched.key, text[start : found[last][1]])
            index = last + 1

    @staticmethod
    def _matches(text: str, found: list[tuple[int, int, str]], index: int, pattern: _Pattern) -> bool:
        if index + len(pattern.tokens) > len(found):
            return False
        for offset, (want, exact) in enumerate(zip(pattern.tokens, pattern.exact, strict=True)):
            start, _end, word = found[index + offset]
            if (word if exact else word.casefold()) != want:
                return False
            if offset and not _GAP.fullmatch(text[found[index + offset - 1][1] : start]):
                return False
        return True
