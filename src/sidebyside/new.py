"""`sidebyside new module|term|story`: write a filled-in starting file, so nobody starts from a blank page.

Values come from flags (`--title`, `--slug`, ...) or, when run in a terminal, from
questions. The file written always passes `sidebyside check` without errors; what is
left to do is marked in the text itself.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from sidebyside.content import starter_text as starter
from sidebyside.content.loader import SLUG, load_term

Ask = Callable[[str], str]


class NewFileProblem(Exception):
    """The new file could not be written; the message says why and what to do."""


@dataclass
class Answers:
    title: str = ""
    slug: str = ""
    summary: str = ""
    plain: str = ""
    teller: str = ""
    role: str = ""
    kind: str = ""


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return re.sub(r"-{2,}", "-", slug)[:60].strip("-")


def _quote(value: str) -> str:
    """A YAML scalar for one line of text, quoted only when it must be."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000).strip()
    return dumped[:-4].strip() if dumped.endswith("\n...") else dumped.removesuffix("...").strip()


def _ask_for(answers: Answers, field: str, question: str, ask: Ask | None, default: str = "") -> str:
    value = getattr(answers, field).strip()
    if value or ask is None:
        return value or default
    suffix = f" [{default}]" if default else ""
    reply = ask(f"{question}{suffix}: ").strip()
    return reply or default


def _check_slug(slug: str, flag: str = "--slug") -> str:
    if not slug or not SLUG.match(slug):
        raise NewFileProblem(
            f"`{slug}` can't be used as a web address. Use only lower-case letters, numbers and dashes, for example {flag} my-topic."
        )
    return slug


def _write(path: Path, text: str, root: Path) -> Path:
    if path.exists():
        raise NewFileProblem(f"{path.relative_to(root).as_posix()} already exists. Choose another title or --slug, or edit that file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_module(root: Path, modules_dir: str, answers: Answers, today: dt.date, ask: Ask | None) -> Path:
    title = _ask_for(answers, "title", "Title of the module", ask)
    if not title:
        raise NewFileProblem("A module needs a title. Give one with --title, for example --title 'Measuring change'.")
    slug = _check_slug(_ask_for(answers, "slug", "Web address name", ask, slugify(title)))
    summary = _ask_for(answers, "summary", "One plain sentence about what it covers", ask, starter.MODULE_SUMMARY)
    folder = root / modules_dir
    orders = []
    existing = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    for name in existing:
        match = re.match(r"^(\d+)-(.*)$", name)
        if match:
            orders.append(int(match.group(1)))
        if (match.group(2) if match else name) == slug:
            raise NewFileProblem(f"A module called `{slug}` already exists in {modules_dir}/{name}. Choose another title or --slug.")
    order = max(orders, default=0) + 1
    next_review = (
        today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) else today.replace(year=today.year + 1, day=28)
    )
    text = f"""---
title: {_quote(title)}
summary: {_quote(summary)}
order: {order}
duration: 20                # minutes in a session
outcomes:                   # "By the end of this module you will..."
  - {starter.MODULE_OUTCOME}   # change this, one line for each thing people will know or can do
co_produced_with: []        # add each person: name, role (patient partner, carer, clinician, QI lead, reviewer, staff), display
# co_produced_with:
#   - name: Sam Jones
#     role: patient partner
#     display: first-name     # full | first-name | pseudonym | anonymous
owner: Course team
last_reviewed: {today.isoformat()}
next_review: {next_review.isoformat()}   # at most 3 years after last_reviewed
version: "0.1"
changes:
  - version: "0.1"
    date: {today.isoformat()}
    changed: First draft.
sources: []                 # where facts come from: title, url, accessed
---

## What this is about

{starter.MODULE_WHY}

## An example

{starter.MODULE_EXAMPLE}

## What you can do

{starter.MODULE_DO}

!!! trainer "Notes for trainers"
    {starter.MODULE_TRAINER}
"""
    return _write(folder / f"{order:02d}-{slug}" / "index.md", text, root)


def new_term(root: Path, glossary_dir: str, answers: Answers, today: dt.date, ask: Ask | None) -> Path:
    term = _ask_for(answers, "title", "The word or phrase", ask)
    if not term:
        raise NewFileProblem("A glossary entry needs the word it explains. Give it with --title, for example --title 'run chart'.")
    slug = _check_slug(_ask_for(answers, "slug", "Web address name", ask, slugify(term)))
    folder = root / glossary_dir
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        existing, _ = load_term(path, root)
        if existing and term.casefold() in (form.casefold() for form in existing.forms):
            raise NewFileProblem(f"`{term}` is already explained in {existing.rel}. Edit that file instead.")
    plain = _ask_for(answers, "plain", "What it means, in one or two short sentences", ask, starter.term_plain(term))
    text = f"""---
term: {_quote(term)}
plain: {_quote(plain)}   # at most 25 words, no other jargon
aliases: []               # other forms that count as the word: plurals, other spellings, short forms
see_also: []              # other glossary file names, without .md
---
{starter.TERM_BODY}
"""
    return _write(root / glossary_dir / f"{slug}.md", text, root)


def new_story(root: Path, stories_dir: str, answers: Answers, today: dt.date, ask: Ask | None) -> Path:
    title = _ask_for(answers, "title", "Title of the story", ask)
    if not title:
        raise NewFileProblem("A story needs a title. Give one with --title, for example --title 'Finding my voice'.")
    slug = _check_slug(_ask_for(answers, "slug", "Web address name", ask, slugify(title)))
    teller = _ask_for(answers, "teller", "The teller's first name (or a made-up one)", ask, "Sam")
    role = _ask_for(answers, "role", "Who tells it: patient, carer or staff", ask, "patient")
    if role not in ("patient", "carer", "staff"):
        raise NewFileProblem(f"`{role}` is not a teller's role. Use --role patient, --role carer or --role staff.")
    kind = _ask_for(answers, "kind", "Is it real or illustrative (written for the course)", ask, "illustrative")
    if kind not in ("real", "illustrative"):
        raise NewFileProblem(f"`{kind}` is not a kind of story. Use --kind real or --kind illustrative.")
    consent = (
        """# A real story is left out everywhere until the course team adds the consent record:
# consent:
#   recorded: YYYY-MM-DD          # when the teller agreed
#   ref: CONSENT-YYYY-NNN         # the record kept by the course team, not in this repository
#   scope: [web, print, session]  # only what the teller agreed to
#   expires: YYYY-MM-DD
"""
        if kind == "real"
        else ""
    )
    text = f"""---
title: {_quote(title)}
summary: {_quote(starter.story_summary(title))}
teller:
  name: {_quote(teller)}
  display: first-name       # full | first-name | pseudonym | anonymous
  role: {role}
kind: {kind}               # real | illustrative (written for the course: the page says so)
{consent}content_notes: []         # upsetting things the story mentions, such as [hospital stays]
themes: []
modules: []               # modules this story goes with, by web address name
---
{starter.STORY_BODY}

## What happened

## What changed
"""
    return _write(root / stories_dir / f"{slug}.md", text, root)


KINDS = {"module": new_module, "term": new_term, "story": new_story}


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()
