"""How common a word is in everyday English, by evidence rather than by list.

The evidence is `wordfreq` (its English word list ships inside the package, so this
works offline). It gives each word a Zipf score: about 7 for "the", 5 for "people",
4 for "appointment", 3 for "clinician", 2 for "practicum", 0 for words it has never
seen. A word is *uncommon* when even its plainest form (without "-s", "-ed", "-ing")
scores below a threshold; it is *formal* when it is long, scores below a second
threshold, and ends like an academic word ("-ology", "-istic", "-ative" ...).
The thresholds and word lists are data (checks/data/vocabulary.yml).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path


@functools.lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """Every English word wordfreq knows, with its Zipf score (read once per process)."""
    buckets = _read_cbpack() or _buckets_from_wordfreq()
    table: dict[str, float] = {}
    for index in range(len(buckets) - 1, -1, -1):  # rarest first, so a word listed twice keeps its higher score
        table.update(dict.fromkeys(buckets[index], round(9 - index / 100, 2)))  # bucket i: frequency 10^(-i/100)
    return table


def _buckets_from_wordfreq() -> list[list[str]]:
    from wordfreq import get_frequency_list

    return get_frequency_list("en", wordlist="large")


def _read_cbpack() -> list[list[str]] | None:
    """wordfreq's English list, read straight from the file it ships, in the "cBpack" format its
    `read_cBpack` documents. Importing wordfreq itself takes a quarter of a second (it loads
    language data we do not need), which every `sidebyside check` would pay. If the file or
    its format is not as documented, None: the caller asks wordfreq instead."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"
    try:
        import msgpack

        data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    except Exception:  # any surprise here means: use the public function
        return None
    if not isinstance(data, list) or not data or data[0] != {"format": "cB", "version": 1}:
        return None
    return data[1:]


LETTER_SYLLABLES = {"W": 3}
_VOWELS = re.compile(r"[aeiouy]+")


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in a word, counted offline. Acronyms are read letter by letter (NHS: 3)."""
    if sum(1 for c in word if c.isupper()) >= 2 and word.upper() == word.rstrip("s").upper() + ("S" if word.endswith("s") else ""):
        return sum(LETTER_SYLLABLES.get(c, 1) for c in word if c.isalpha())
    lower = word.casefold()
    letters = "".join(c for c in lower if c.isalpha())
    if not letters:
        return 1 if any(c.isdigit() for c in word) else 0
    count = len(_VOWELS.findall(letters))
    silent_e = letters.endswith("e") and not letters.endswith(("le", "ee", "ye"))
    silent_ed = letters.endswith("ed") and not letters.endswith(("ted", "ded"))
    silent_es = letters.endswith("es") and not letters.endswith(("ses", "zes", "ches", "shes", "ges", "ces"))
    if count > 1 and (silent_e or silent_ed or silent_es):
        count -= 1
    for suffix in ("ment", "ly", "ful", "ness", "less"):
        stem = letters[: -len(suffix)]
        if letters.endswith(suffix) and len(stem) > 2 and stem.endswith("e") and stem[-2] not in "aeiouyl" and count > 1:
            count -= 1  # the silent e of "improvement", "safely"
            break
    return max(1, count)


def zipf(word: str) -> float:
    """The Zipf score of one lower-case word (0 when wordfreq has never seen it)."""
    return _zipf_table().get(word, 0.0)


def plain_forms(word: str) -> list[str]:
    """The word and the forms it may come from: "upskilling" -> upskill, "enablers" -> enabler.

    Only endings that do not change the meaning are taken off ("-er" is not: an
    "enabler" is not as plain as "enable"). British and American spellings both count.
    """
    forms = [word]
    if word.endswith(("'s", "’s")):
        word = word[:-2]
        forms.append(word)
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    if word.endswith("ied") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("ed") and len(word) > 4:
        forms += [word[:-2], word[:-1]]
        if word[-3] == word[-4]:
            forms.append(word[:-3])
    if word.endswith("ing") and len(word) > 5:
        forms += [word[:-3], word[:-3] + "e"]
        if word[-4] == word[-5]:
            forms.append(word[:-4])
    if word.endswith("ly") and len(word) > 5:
        forms.append(word[:-3] + "y" if word.endswith("ily") else word[:-2])
    for british, american in (("is", "iz"), ("our", "or"), ("tre", "ter")):
        for form in list(forms):
            if british in form[-8:]:
                forms.append(form[:-8] + form[-8:].replace(british, american))
    return forms


@dataclass(frozen=True)
class Thresholds:
    """The tuned numbers from vocabulary.yml (see reference/jargon.md for how they were chosen)."""

    rare_below: float = 3.0
    long_below: float = 3.8
    long_min_syllables: int = 3
    formal_below: float = 4.0
    formal_min_letters: int = 8
    formal_endings: tuple[str, ...] = ()
    min_letters: int = 4


@dataclass(frozen=True)
class Verdict:
    """Why a word needs explaining: `rare`, `long` (three syllables or more, and uncommon) or
    `formal` (an academic ending), with its best Zipf score."""

    kind: str
    score: float


@dataclass
class Vocabulary:
    """Decides, once per word, whether a word needs explaining. Holds its own cache."""

    thresholds: Thresholds
    everyday: frozenset[str] = frozenset()
    _seen: dict[str, Verdict | None] = field(default_factory=dict, repr=False)

    def verdict(self, word: str) -> Verdict | None:
        """None for a word most people know; else why it needs explaining."""
        found = self._seen.get(word, False)
        if found is not False:
            return found  # type: ignore[return-value]
        result = self._judge(word.casefold())
        self._seen[word] = result
        return result

    def _judge(self, word: str) -> Verdict | None:
        limits = self.thresholds
        worst: Verdict | None = None
        for part in word.replace("’", "'").split("-"):
            part = part.strip("'")
            if len(part) < limits.min_letters or not part.isalpha() or not part.isascii():
                continue
            forms = plain_forms(part)
            if any(f in self.everyday for f in forms):
                continue
            score = max(zipf(f) for f in forms)
            if score < limits.rare_below:
                verdict = Verdict("rare", score)
            elif score < limits.long_below and syllables(part) >= limits.long_min_syllables:
                verdict = Verdict("long", score)
            elif score < limits.formal_below and len(part) >= limits.formal_min_letters and part.endswith(limits.formal_endings):
                verdict = Verdict("formal", score)
            else:
                continue
            if worst is None or verdict.score < worst.score:
                worst = verdict
        return worst
