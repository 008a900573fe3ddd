"""The front matter formats of modules, glossary terms and stories, as data.

Each field says its type and an example, so every mistake can be explained with the
fix in the same breath. Validation returns plain Python values (dates parsed) and
findings; it never raises for anything a contributor wrote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from sidebyside.content.frontmatter import LineDict, LineList
from sidebyside.content.licences import spdx_ids
from sidebyside.findings import Finding, error


@dataclass(frozen=True)
class Field:
    """One front matter field: its kind, whether it is needed, and an example value."""

    name: str
    kind: str  # text | int | date | bool | choice | list | record
    required: bool = False
    example: str = ""
    choices: tuple[str, ...] = ()
    item: Field | None = None  # for lists
    fields: tuple[Field, ...] = ()  # for records
    minimum: int | None = None


@dataclass(frozen=True)
class Schema:
    """The fields of one kind of content file."""

    kind: str
    fields: tuple[Field, ...]
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


def _text(name: str, required: bool = False, example: str = "") -> Field:
    return Field(name, "text", required, example)


def _texts(name: str, required: bool = False, example: str = "") -> Field:
    return Field(name, "list", required, example, item=Field(name, "text"))


def _date(name: str, required: bool = False) -> Field:
    return Field(name, "date", required, "2026-11-25")


# Personal details a page may contain only when its front matter says so (see checks/personal_details.py).
DETAIL_KINDS = ("nhs-number", "phone", "email", "postcode", "date-of-birth", "hospital-number")


def _details(name: str = "allow_details") -> Field:
    return Field(name, "list", False, "[email]", item=Field(name, "choice", choices=DETAIL_KINDS))


PERSON = Field(
    "co_produced_with",
    "list",
    example="- name: Sam Jones\n    role: patient partner\n    display: full",
    item=Field(
        "person",
        "record",
        fields=(
            _text("name", True, "Sam Jones"),
            Field(
                "role", "choice", True, "patient partner", choices=("patient partner", "carer", "clinician", "QI lead", "reviewer", "staff")
            ),
            Field("display", "choice", False, "full", choices=("full", "first-name", "pseudonym", "anonymous")),
            _text("pseudonym", False, "Sam"),
        ),
    ),
)

SOURCE = Field(
    "sources",
    "list",
    example="- title: What is integrated care\n    url: https://www.england.nhs.uk/integratedcare/\n    accessed: 2026-11-25",
    item=Field(
        "source",
        "record",
        fields=(_text("title", True, "A page title"), _text("url", True, "https://www.nhs.uk/"), _date("accessed", True)),
    ),
)

CHANGE = Field(
    "changes",
    "list",
    example='- version: "1.0"\n    date: 2026-11-25\n    changed: First version.',
    item=Field(
        "change", "record", fields=(_text("version", True, '"1.0"'), _date("date"), _text("changed", True, "What changed, in plain words."))
    ),
)

ACTIVITY = Field(
    "activities",
    "list",
    example="- title: Draw a process map\n    minutes: 10\n    materials: [sticky notes]",
    item=Field(
        "activity",
        "record",
        fields=(
            _text("title", True, "Draw a process map"),
            Field("minutes", "int", True, "10", minimum=1),
            _texts("materials", False, "[sticky notes, pens]"),
            _text("description", False, "What people do, in a sentence."),
        ),
    ),
)

ADAPTED_FROM = Field(
    "adapted_from",
    "record",
    example="title: The original's title\n  author: Who made it\n  url: https://example.org/\n  licence: CC-BY-4.0\n  changes: What we changed",
    fields=(
        _text("title", True, "The original's title"),
        _text("author", True, "Who made it"),
        _text("url", True, "https://example.org/the-original"),
        Field("licence", "choice", True, "CC-BY-4.0", choices=spdx_ids()),
        _text("changes", False, "Shortened, and hard words explained."),
    ),
)

JARGON = Field("jargon", "record", example="allow: [PDSA]", fields=(_texts("allow", False, "[PDSA]"),))

MODULE = Schema(
    "module",
    (
        _text("title", True, "How the NHS works"),
        _text("summary", True, "One plain sentence about this module."),
        Field("order", "int", True, "2", minimum=0),
        Field("duration", "int", True, "30", minimum=1),
        _texts("outcomes", True, "[know the main parts of the NHS]"),
        PERSON,
        _text("owner", True, "Course team"),
        _date("last_reviewed", True),
        _date("next_review", True),
        SOURCE,
        _text("version", True, '"1.0"'),
        CHANGE,
        ACTIVITY,
        JARGON,
        ADAPTED_FROM,
        _details(),
    ),
)

TERM = Schema(
    "term",
    (
        _text("term", True, "integrated care board"),
        _text("plain", True, "A local NHS body that plans health services for an area."),
        _text("stands_for", False, "Patient Advice and Liaison Service"),
        _texts("aliases", False, "[integrated care boards, ICB, ICBs]"),
        _texts("see_also", False, "[integrated-care-system]"),
        Field("avoid", "bool", False, "false"),
        _text("instead", False, "use"),
        Field("everyday", "bool", False, "true"),
    ),
)

CONSENT = Field(
    "consent",
    "record",
    example="recorded: 2026-10-01\n  ref: CONSENT-2026-014\n  scope: [web, print, session]\n  expires: 2029-10-01",
    fields=(
        _date("recorded", True),
        _text("ref", True, "CONSENT-2026-014"),
        Field("scope", "list", True, "[web, print, session]", item=Field("scope", "choice", choices=("web", "print", "session"))),
        _date("expires", True),
        Field("withdrawn", "bool", False, "false"),
        _details(),
    ),
)

STORY = Schema(
    "story",
    (
        _text("title", True, "Finding my voice"),
        _text("summary", False, "One plain sentence about the story."),
        Field(
            "teller",
            "record",
            True,
            "name: Amira\n  display: first-name\n  role: patient",
            fields=(
                _text("name", True, "Amira"),
                Field("display", "choice", True, "first-name", choices=("full", "first-name", "pseudonym", "anonymous")),
                Field("role", "choice", True, "patient", choices=("patient", "carer", "staff")),
            ),
        ),
        Field("kind", "choice", True, "illustrative", choices=("real", "illustrative")),
        CONSENT,
        _texts("content_notes", False, "[hospital stays]"),
        _texts("themes", False, "[speaking up]"),
        _texts("modules", False, "[working-together]"),
        _details(),
        JARGON,
    ),
)


EASY_READ = Schema(
    "easy-read",
    (
        _text("title", True, "Welcome to the course"),
        _text("module_version", True, '"1.1"'),
        PERSON,
        dataclasses.replace(PERSON, name="tested_with", example="- name: Speak Up group\n    role: reviewer\n    display: full"),
        _text("owner", True, "Course team"),
        _date("last_reviewed", True),
        _date("next_review", True),
    ),
)


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return match[0] if match else ""


class Validator:
    """Checks one file's front matter against a schema, collecting findings."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.findings: list[Finding] = []

    def fail(self, line: int, rule: str, message: str, suggestion: str = "") -> None:
        self.findings.append(error(self.rel, line, rule, message, suggestion))

    def record(self, data: Any, fields: tuple[Field, ...], line: int, where: str) -> dict[str, Any]:
        """Validate a mapping; unknown keys and missing fields are errors."""
        if not isinstance(data, LineDict):
            self.fail(line, "front-matter-type", f"{where} must be a set of fields (name: value), not {_describe(data)}.")
            return {}
        known = {f.name: f for f in fields}
        result: dict[str, Any] = {}
        for key, value in data.items():
            key_line = data.line_of(key)
            spec = known.get(key)
            if spec is None:
                guess = did_you_mean(key, list(known))
                hint = f"Did you mean `{guess}`?" if guess else "Known fields are: " + ", ".join(f"`{k}`" for k in known) + "."
                self.fail(key_line, "front-matter-unknown-key", f"`{key}` is not a known field{_in(where)}.", hint)
                continue
            checked = self.value(value, spec, key_line)
            if checked is not None:
                result[key] = checked
        guessed = {did_you_mean(key, list(known)) for key in data if key not in known}
        for spec in fields:
            if spec.required and spec.name not in data and spec.name not in guessed:
                example = spec.example.split("\n")[0] if spec.kind not in ("list", "record") else spec.example
                self.fail(
                    data.line,
                    "front-matter-missing-field",
                    f"The required field `{spec.name}` is missing{_in(where)}.",
                    f"Add it, for example:\n      {spec.name}: {example}",
                )
        return result

    def value(self, value: Any, spec: Field, line: int) -> Any:
        name = f"`{spec.name}`"
        if spec.kind == "text":
            if isinstance(value, bool) or value is None or isinstance(value, (LineDict, LineList)):
                self.fail(
                    line,
                    "front-matter-type",
                    f"{name} should be text, not {_describe(value)}.",
                    f"Write it like: {spec.name}: {spec.example}",
                )
                return None
            if isinstance(value, float):
                self.fail(
                    line,
                    "front-matter-type",
                    f"{name} looks like a number ({value}), so it may lose digits.",
                    f'Put it in double quotes, for example: {spec.name}: "{value}"',
                )
                return None
            text = str(value).strip()
            if not text:
                self.fail(line, "front-matter-empty", f"{name} is empty.", f"Write it like: {spec.name}: {spec.example}")
                return None
            return text
        if spec.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(
                    line,
                    "front-matter-type",
                    f"{name} should be a whole number, not {_describe(value)}.",
                    f"Write it like: {spec.name}: {spec.example}",
                )
                return None
            if spec.minimum is not None and value < spec.minimum:
                self.fail(
                    line,
                    "front-matter-range",
                    f"{name} is {value}, but it must be at least {spec.minimum}.",
                    f"Write it like: {spec.name}: {spec.example}",
                )
                return None
            return value
        if spec.kind == "bool":
            if not isinstance(value, bool):
                self.fail(
                    line,
                    "front-matter-type",
                    f"{name} should be true or false, not {_describe(value)}.",
                    f"Write it like: {spec.name}: false",
                )
                return None
            return value
        if spec.kind == "date":
            return self.date(value, spec, line)
        if spec.kind == "choice":
            choice = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
            if choice not in spec.choices:
                options = ", ".join(f"`{c}`" for c in spec.choices)
                guess = did_you_mean(choice or "", spec.choices)
                hint = f"Did you mean `{guess}`? " if guess else ""
                self.fail(
                    line,
                    "front-matter-choice",
                    f"{name} is {_describe(value)}, which is not one of the choices.",
                    f"{hint}Use one of: {options}.",
                )
                return None
            return choice
        if spec.kind == "list":
            if isinstance(value, (str, int)) and not isinstance(value, bool) and spec.item and spec.item.kind in ("text", "choice"):
                value_list = LineList(line)
                value_list.append(value)
                value_list.lines.append(line)
                value = value_list
            if value is None:
                return []
            if not isinstance(value, LineList):
                self.fail(
                    line,
                    "front-matter-type",
                    f"{name} should be a list, not {_describe(value)}.",
                    f"Write it like:\n      {spec.name}:\n        {spec.example}",
                )
                return None
            items = []
            assert spec.item is not None
            for index, item in enumerate(value):
                checked = (
                    self.value(item, spec.item, value.line_of(index))
                    if spec.item.kind != "record"
                    else self.record(item, spec.item.fields, value.line_of(index), f"item {index + 1} of {name}")
                )
                if checked is not None:
                    items.append(checked)
            return items
        if spec.kind == "record":
            return self.record(value, spec.fields, line, name)
        raise ValueError(f"unknown field kind {spec.kind}")  # a bug in the schema, not in content

    def date(self, value: Any, spec: Field, line: int) -> dt.date | None:
        text = str(value).strip() if value is not None else ""
        try:
            if isinstance(value, (str, int)) and not isinstance(value, bool) and len(text) == 10:
                return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(
                line,
                "front-matter-date",
                f"`{spec.name}` is {text}, which is not a real date.",
                f"Check the day and month, and write dates as year-month-day, for example: {spec.name}: 2026-11-25",
            )
            return None
        self.fail(
            line,
            "front-matter-date",
            f"`{spec.name}` should be a date written as year-month-day, not {_describe(value)}.",
            f"Write it like: {spec.name}: 2026-11-25",
        )
        return None


def _in(where: str) -> str:
    return f" in {where}" if where != "front matter" else ""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, LineDict):
        return "a set of fields"
    if isinstance(value, LineList):
        return "a list"
    text = str(value)
    return f"`{text if len(text) < 40 else text[:37] + '...'}`"


def validate(meta: LineDict, schema: Schema, rel: str) -> tuple[dict[str, Any], list[Finding]]:
    """Check front matter against a schema. Returns the clean values and the findings."""
    validator = Validator(rel)
    data = validator.record(meta, schema.fields, meta.line, "front matter")
    return data, validator.findings
