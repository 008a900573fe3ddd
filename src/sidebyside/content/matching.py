"""Find glossary terms in text: whole words, longest match first, acronyms case-exact.

One dictionary lookup per word of text, whatever the size of the glossary, so a
glossary of 300 terms costs about the same as one of 30 (`./scripts/bench site`
measures it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

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


class _Node:
    """A node of the phrase tree: the next word, by case-folded form or exact form (acronyms)."""

    __slots__ = ("end", "exact", "fold")

    def __init__(self) -> None:
        self.fold: dict[str, _Node] = {}
        self.exact: dict[str, _Node] = {}
        self.end: tuple[int, str] | None = None  # (order added, key) of a phrase ending here


def _may_start(fold_node: _Node | None, exact_node: _Node | None, next_fold: str, next_word: str) -> bool:
    """Could a phrase start at a word with these tree nodes, given the next word? A cheap
    look ahead: yes if either node ends a phrase, or the next word carries one on."""
    for node in (fold_node, exact_node):
        if node is not None and (node.end is not None or next_fold in node.fold or next_word in node.exact):
            return True
    return False


class TermMatcher:
    """Matches many phrases at once. `key` is what a match reports (a glossary slug, say).

    The phrases are kept as a tree of words, so each word of text costs one dictionary
    lookup however many phrases there are (and a few more only where a phrase starts).
    """

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._root = _Node()
        self._depth = 0  # the most words in a phrase
        order = 0
        for phrase, key in phrases:
            tokens = [w for _, _, w in words(phrase)]
            if not tokens:
                continue
            self._depth = max(self._depth, len(tokens))
            node = self._root
            for token in tokens:
                table, form = (node.exact, token) if _is_acronym(token) else (node.fold, token.casefold())
                child = table.get(form)
                if child is None:
                    child = table[form] = _Node()
                node = child
            if node.end is None:  # the same phrase twice: the first one added wins
                node.end = (order, key)
            order += 1

    def __bool__(self) -> bool:
        return bool(self._root.fold or self._root.exact)

    def finditer(self, text: str) -> Iterator[Match]:
        """Yield non-overlapping matches, left to right, preferring the longest phrase.

        Of phrases of the same length, the one added first wins.
        """
        # Every word's case-folded form at once (folding is letter by letter, so joining
        # and splitting on NUL changes nothing), and a text with no word that can start a
        # phrase is done without looking at its words one by one. Only where a phrase may
        # start are the words' positions found, and the next few words (no more than the
        # longest phrase has) looked at together.
        fold, exact, depth = self._root.fold, self._root.exact, self._depth
        found = WORD.findall(text)
        folded = "\0".join(found).casefold().split("\0")
        if fold.keys().isdisjoint(folded) and (not exact or exact.keys().isdisjoint(found)):
            return
        scan = WORD.finditer(text)
        scanned = 0  # words taken from `scan` so far
        index, total = 0, len(found)
        while index < total:
            first_fold, first_exact = fold.get(folded[index]), exact.get(found[index]) if exact else None
            if first_fold is None and first_exact is None:
                index += 1
                continue
            if index + 1 < total and not _may_start(first_fold, first_exact, folded[index + 1], found[index + 1]):
                index += 1  # a phrase's first word ("in", "a"), but the next word carries on no phrase
                continue
            first = next(islice(scan, index - scanned, None))
            scanned = index + 1
            ahead = [(first.start(), first.end(), first.group())]
            ahead += [(m.start(), m.end(), m.group()) for m in islice(WORD.finditer(text, first.end()), depth - 1)]
            best = self._longest(text, ahead, 0)
            if best is None:
                index += 1
                continue
            last, key = best
            start, end = ahead[0][0], ahead[last][1]
            yield Match(start, end, key, text[start:end])
            index += last + 1

    def _longest(self, text: str, found: list[tuple[int, int, str]], index: int) -> tuple[int, str] | None:
        """(index of the last word, key) of the longest phrase starting at word `index`."""
        best: tuple[int, int, str] | None = None  # (words, order, key)
        total = len(found)
        stack = [(self._root, index)]
        while stack:
            node, position = stack.pop()
            if position >= total:
                continue
            start, _end, word = found[position]
            if position > index and not _GAP.fullmatch(text, found[position - 1][1], start):
                continue
            for child in (node.fold.get(word.casefold()), node.exact.get(word) if node.exact else None):
                if child is None:
                    continue
                if child.end is not None:
                    length = position - index + 1
                    if best is None or length > best[0] or (length == best[0] and child.end[0] < best[1]):
                        best = (length, child.end[0], child.end[1])
                if child.fold or child.exact:
                    stack.append((child, position + 1))
        return None if best is None else (index + best[0] - 1, best[2])
