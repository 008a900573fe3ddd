"""The languages a course is written in, and how translated files are named.

A translation sits beside its original with the language code before `.md`
(`index.cy.md`, `aim.ur.md`): the suffix layout of mkdocs-static-i18n, so a
contributor sees at a glance which files are translations of which.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

# A language code as BCP 47 writes it: two or three letters, maybe a region or script (pt-BR, sr-Latn).
CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")
SUFFIXED = re.compile(r"^(?P<stem>.+)\.(?P<code>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.md$")
FINGERPRINT_LENGTH = 12
DIRECTIONS = ("ltr", "rtl")
# Languages our writing checks can measure (sentence length, reading age, plainer words).
MEASURED = frozenset({"en", "en-GB"})


@dataclass(frozen=True)
class Language:
    """One language of a course: its code (BCP 47, as in `lang`), its name in itself, its direction."""

    code: str
    name: str
    direction: str = "ltr"

    @property
    def html_lang(self) -> str:
        """The `lang` attribute: English is written in British English."""
        return "en-GB" if self.code == "en" else self.code

    @property
    def measured(self) -> bool:
        return self.code in MEASURED


ENGLISH = Language("en", "English")


class LanguageSettingError(ValueError):
    """The `language` or `translations` option in mkdocs.yml has a mistake."""


def parse_languages(original: str, translations: list[object]) -> tuple[Language, ...]:
    """The course's languages from mkdocs.yml: its own first, then each translation."""
    code = str(original or "en").strip()
    if not CODE.match(code):
        raise LanguageSettingError(
            f"The sidebyside option `language` is {code!r}, which is not a language code. Use a code such as en, cy or ur."
        )
    known = {"en": "English", "cy": "Cymraeg", "ur": "اردو"}
    found = [Language(code, known.get(code, code))]
    for number, entry in enumerate(translations or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise LanguageSettingError(
                f"Entry {number} under the sidebyside option `translations` needs a `code`, for example `- code: cy` and `name: Cymraeg`."
            )
        lang = entry["code"].strip()
        if not CODE.match(lang):
            raise LanguageSettingError(f"`{lang}` under `translations` is not a language code. Use a code such as cy, ur or pl.")
        if lang in {f.code for f in found}:
            raise LanguageSettingError(f"The language `{lang}` is listed twice (under `language` or `translations`). List it once.")
        direction = str(entry.get("direction", "ltr")).strip().lower()
        if direction not in DIRECTIONS:
            raise LanguageSettingError(
                f"`direction` for `{lang}` is {direction!r}. Write `rtl` for a language written right to left, or leave it out."
            )
        unknown = sorted(set(entry) - {"code", "name", "direction"})
        if unknown:
            raise LanguageSettingError(
                f"`{unknown[0]}` is not a setting for a language under `translations`. Use code, name and direction."
            )
        found.append(Language(lang, str(entry.get("name") or known.get(lang, lang)).strip(), direction))
    return tuple(found)


def split_suffix(name: str) -> tuple[str, str]:
    """`index.cy.md` -> ("index.md", "cy"); a name without a language suffix -> (name, "")."""
    match = SUFFIXED.match(name)
    if not match:
        return name, ""
    return f"{match.group('stem')}.md", match.group("code")


def translation_name(name: str, code: str) -> str:
    """The name of the `code` translation of an original file: `index.md` -> `index.cy.md`."""
    return f"{name[: -len('.md')]}.{code}.md"


def fingerprint(path: Path) -> str:
    """What `translated_from` holds for a file without a version: the start of the sha256 of its bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:FINGERPRINT_LENGTH]
