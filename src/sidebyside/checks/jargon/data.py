"""The word lists, read from YAML that patient partners can review in a pull request.

The lists that come with Side by Side live in `sidebyside/checks/data/`. A course
can add its own in a `jargon/` folder beside `modules/` (same format). A broken list
is a problem with the checker's setup, not with the content, so it raises
`WordListError` (the command exits with status 2).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sidebyside.checks import CheckSetupError

DATA = Path(__file__).resolve().parent.parent / "data"
LISTS = ("jargon", "outdated", "plain", "acronyms", "vocabulary")
NEEDED = {
    "jargon": ("term", "plain", "why", "source"),
    "outdated": ("term", "current", "why", "source"),
    "plain": ("term", "plain", "why", "source"),
}


class WordListError(CheckSetupError):
    """A word list could not be read: the checker cannot run."""


@dataclass(frozen=True)
class Entry:
    """One word-list entry: the term, its forms and how to say it plainly."""

    list: str  # jargon | outdated | plain
    term: str
    forms: tuple[str, ...]
    plain: str
    why: str
    source: str
    current: str = ""
    current_forms: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()

    @property
    def all_forms(self) -> tuple[str, ...]:
        return (self.term, *self.forms)


@dataclass
class WordLists:
    """Every entry of every list, plus the very well-known acronyms."""

    entries: list[Entry] = field(default_factory=list)
    well_known: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    licences: list[str] = field(default_factory=list)  # licence names and SPDX ids: never jargon
    brands: set[str] = field(default_factory=set)  # names with capitals inside (YouTube): not acronyms
    mixed_case: dict[str, str] = field(default_factory=dict)  # acronyms with one capital or none (mHealth)
    everyday: set[str] = field(default_factory=set)  # words people know that wordfreq rates as rare
    names: set[str] = field(default_factory=set)  # names of people, places and things (casefolded)
    thresholds: dict[str, object] = field(default_factory=dict)

    def of(self, name: str) -> list[Entry]:
        return [e for e in self.entries if e.list == name]


def _texts(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
        raise WordListError(f"{where}: `{key}` should be a list of words or sentences, like [one, two].")
    return tuple(str(v) for v in value)


def _load_yaml(text: str) -> object:
    """libyaml when PyYAML has it; on a mistake, the pure Python parser, so messages are the same."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)  # a safe loader (libyaml)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def read_list(path: Path, shown: str) -> WordLists:
    """Read one word-list file. `shown` is the name to use in messages."""
    try:
        data = _load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise WordListError(f"The word list {shown} could not be read: {exc}.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise WordListError(
            f"The word list {shown} is not valid YAML{where}. Check the indentation and quotes near there, then run the check again."
        ) from None
    if not isinstance(data, dict) or data.get("list") not in LISTS:
        raise WordListError(f"The word list {shown} must start with `list:` and one of: {', '.join(LISTS)}.")
    name = data["list"]
    lists = WordLists(files=[shown])
    if name == "acronyms":
        for index, item in enumerate(data.get("well_known") or [], start=1):
            if not isinstance(item, dict) or not isinstance(item.get("acronym"), str) or not item.get("why"):
                raise WordListError(f"{shown}: item {index} of `well_known` needs `acronym` and `why`.")
            lists.well_known[item["acronym"]] = str(item["why"])
        lists.licences += _texts(data.get("licences"), shown, "licences")
        lists.brands |= set(_texts(data.get("brands"), shown, "brands"))
        for index, item in enumerate(data.get("mixed_case") or [], start=1):
            if not isinstance(item, dict) or not isinstance(item.get("form"), str) or not item.get("stands_for"):
                raise WordListError(f"{shown}: item {index} of `mixed_case` needs `form` and `stands_for`.")
            lists.mixed_case[item["form"]] = str(item["stands_for"])
        return lists
    if name == "vocabulary":
        return _vocabulary(data, shown, lists)
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise WordListError(f"The word list {shown} needs an `entries:` list.")
    for index, item in enumerate(entries, start=1):
        where = f"{shown}, entry {index}"
        if not isinstance(item, dict):
            raise WordListError(f"{where} should be a set of fields (term:, plain:, why:, source: ...).")
        if isinstance(item.get("term"), str):
            where += f" ({item['term']})"
        missing = [k for k in NEEDED[name] if not isinstance(item.get(k), str) or not str(item.get(k)).strip()]
        if missing:
            raise WordListError(f"{where} is missing {', '.join(f'`{k}`' for k in missing)}.")
        known = {*NEEDED[name], "forms", "flags", "passes", "current_forms", "plain"}
        unknown = sorted(set(item) - known)
        if unknown:
            raise WordListError(f"{where}: `{unknown[0]}` is not a known field. Known fields are: {', '.join(sorted(known))}.")
        lists.entries.append(
            Entry(
                list=name,
                term=item["term"].strip(),
                forms=_texts(item.get("forms"), where, "forms"),
                plain=str(item.get("plain") or item.get("current") or "").strip(),
                why=item["why"].strip(),
                source=item["source"].strip(),
                current=str(item.get("current") or "").strip(),
                current_forms=_texts(item.get("current_forms"), where, "current_forms"),
                flags=_texts(item.get("flags"), where, "flags"),
                passes=_texts(item.get("passes"), where, "passes"),
            )
        )
    return lists


VOCABULARY_NUMBERS = {
    "rare_below": float,
    "long_below": float,
    "long_min_syllables": int,
    "formal_below": float,
    "formal_min_letters": int,
    "min_letters": int,
}


def _vocabulary(data: dict, shown: str, lists: WordLists) -> WordLists:
    """The thresholds and word lists of the uncommon-word rule."""
    known = {"list", "everyday", "names", "formal_endings", *VOCABULARY_NUMBERS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise WordListError(f"{shown}: `{unknown[0]}` is not a known field. Known fields are: {', '.join(sorted(known))}.")
    for key, kind in VOCABULARY_NUMBERS.items():
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
                raise WordListError(f"{shown}: `{key}` should be a number, like {'3.0' if kind is float else '8'}.")
            lists.thresholds[key] = kind(value)
    if "formal_endings" in data:
        lists.thresholds["formal_endings"] = tuple(e.casefold() for e in _texts(data["formal_endings"], shown, "formal_endings"))
    lists.everyday |= {w.casefold() for w in _texts(data.get("everyday"), shown, "everyday")}
    lists.names |= {w.casefold() for w in _texts(data.get("names"), shown, "names")}
    return lists


def _merge(into: WordLists, more: WordLists) -> None:
    into.entries += more.entries
    into.well_known.update(more.well_known)
    into.files += more.files
    into.licences += more.licences
    into.brands |= more.brands
    into.mixed_case.update(more.mixed_case)
    into.everyday |= more.everyday
    into.names |= more.names
    into.thresholds.update(more.thresholds)


@functools.lru_cache(maxsize=4)
def _builtin(stamp: tuple[tuple[str, float], ...]) -> WordLists:
    lists = WordLists()
    for name, _ in stamp:
        _merge(lists, read_list(DATA / name, f"sidebyside/checks/data/{name}"))
    return lists


def builtin_lists() -> WordLists:
    """The lists that come with Side by Side (read once, and again only if a file changes)."""
    files = sorted(DATA.glob("*.yml"))
    return _builtin(tuple((p.name, p.stat().st_mtime) for p in files))


def course_lists(root: Path) -> WordLists:
    """The built-in lists plus the course's own, from `jargon/*.yml` beside modules/."""
    lists = WordLists()
    _merge(lists, builtin_lists())
    folder = root / "jargon"
    if folder.is_dir():
        for path in sorted(folder.glob("*.yml")):
            _merge(lists, read_list(path, path.relative_to(root).as_posix()))
    return lists
