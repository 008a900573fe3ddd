"""The local contacts sheet: who a patient partner can go to at their own trust.

Each trust fills these in as settings in mkdocs.yml (`contacts:` under the sidebyside
plugin). They show on the "Who to contact here" page and in a printable handout.
Until they are filled in, or while they are still the examples, `sidebyside build`
and `sidebyside check` say so. No MkDocs here: the settings arrive as plain data.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sidebyside.findings import Finding, warning

# (setting name, the role as readers see it, what to go to them for), in the order shown.
ROLES: tuple[tuple[str, str, str], ...] = (
    ("involvement_lead", "Involvement lead", "Questions about taking part, your role and the support you need."),
    ("payments", "Payments and expenses", "Claiming involvement payments and expenses, and when they are paid."),
    ("wellbeing", "Wellbeing support", "Someone to talk to if taking part upsets you or brings back hard memories."),
    ("pals", "Patient Advice and Liaison Service (PALS)", "Help with a problem about your own care, or how to make a complaint."),
    ("icb", "Integrated care board (ICB)", "The NHS body that plans and pays for care in your area."),
    ("trust", "NHS trust", "The NHS organisation that runs this course and your improvement team."),
)
ROLE_NAMES = tuple(key for key, _, _ in ROLES)
FIELDS = ("name", "how", "note")
REQUIRED_FIELDS = ("name", "how")
EXAMPLES_KEY = "examples"

# Reminders for the course team (shown by `sidebyside build` and `check`; they do not fail a build).
CONTACT_RULES = frozenset({"contacts-unset", "contacts-incomplete", "contacts-examples", "contacts-unknown"})

WHY = "Patient partners need to know who to ask at their own trust: about taking part, payment, support and complaints."
HOW = (
    "Under the sidebyside plugin in mkdocs.yml, add `contacts:` with a `name` and `how` (how to reach them) for each of: "
    + ", ".join(ROLE_NAMES)
    + ". See reference/contacts.md."
)


@dataclass(frozen=True)
class Contact:
    """One person or team, and how to reach them. Empty `name` means not filled in yet."""

    key: str
    role: str
    about: str
    name: str = ""
    how: str = ""
    note: str = ""

    @property
    def filled(self) -> bool:
        return bool(self.name and self.how)


@dataclass(frozen=True)
class LocalContacts:
    """Every role on the sheet, in order, and whether the values are examples."""

    contacts: tuple[Contact, ...]
    examples: bool = False

    @property
    def filled(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.filled)

    @property
    def missing(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if not c.filled)

    @property
    def is_set(self) -> bool:
        """Every role filled in with real values (not the examples)."""
        return not self.missing and not self.examples


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def read_contacts(raw: object) -> LocalContacts:
    """The contacts sheet from the `contacts` setting (anything unreadable counts as not filled in)."""
    settings = raw if isinstance(raw, Mapping) else {}
    contacts = []
    for key, role, about in ROLES:
        entry = settings.get(key)
        values = entry if isinstance(entry, Mapping) else {}
        contacts.append(Contact(key, role, about, *(_text(values.get(name, "")) for name in FIELDS)))
    return LocalContacts(tuple(contacts), examples=settings.get(EXAMPLES_KEY) is True)


def contact_findings(raw: object, config_file: Path) -> list[Finding]:
    """What the course team should know about the contacts settings: unset, incomplete, examples, unknown."""
    rel = config_file.name
    lines = _setting_lines(config_file)
    top = lines.get("contacts", 1)
    if raw is None or raw == {} or raw == "":
        return [
            warning(
                rel,
                top,
                "contacts-unset",
                'The local contacts are not set yet, so the "Who to contact here" page and handout say they are not filled in.',
                HOW,
                WHY,
            )
        ]
    if not isinstance(raw, Mapping):
        return [
            warning(rel, top, "contacts-unset", "`contacts` in mkdocs.yml should be a group of settings, not a single value.", HOW, WHY)
        ]
    findings: list[Finding] = []
    known = (*ROLE_NAMES, EXAMPLES_KEY)
    for key in raw:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"Did you mean `{close[0]}`? " if close else ""
            findings.append(
                warning(
                    rel,
                    lines.get(str(key), top),
                    "contacts-unknown",
                    f"`{key}` is not one of the local contacts, so it is not shown.",
                    f"{hint}The contacts are: {', '.join(ROLE_NAMES)}.",
                    WHY,
                )
            )
    for key, role, _ in ROLES:
        entry = raw.get(key)
        values = entry if isinstance(entry, Mapping) else {}
        empty = [name for name in REQUIRED_FIELDS if not _text(values.get(name, ""))]
        if empty:
            what = " and ".join(f"`{name}`" for name in empty)
            findings.append(
                warning(
                    rel,
                    lines.get(key, top),
                    "contacts-incomplete",
                    f"The local contact `{key}` ({role}) has no {what} yet, so the page says it is not filled in.",
                    f"Under `contacts:`, give `{key}` a `name` and `how` (how people can reach them).",
                    WHY,
                )
            )
    if raw.get(EXAMPLES_KEY) is True:
        findings.append(
            warning(
                rel,
                lines.get(EXAMPLES_KEY, top),
                "contacts-examples",
                "The local contacts are still the examples (`examples: true`), and the page says so.",
                "Put in your own trust's contacts, then delete the line `examples: true`.",
                WHY,
            )
        )
    return findings


_KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[A-Za-z_]+)\s*:")


def _setting_lines(config_file: Path) -> dict[str, int]:
    """Line numbers of `contacts:` and the keys inside it, so a message can point at them."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError:
        return {}
    found: dict[str, int] = {}
    inside: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _KEY.match(line)
        if not match:
            continue
        indent = len(match["indent"])
        if match["key"] == "contacts" and inside is None:
            found["contacts"], inside = number, indent
        elif inside is not None:
            if indent <= inside:
                break
            found.setdefault(match["key"], number)
    return found
