"""Markdown for the trainer edition: a page per module, the session plan, every note.

Pure functions from the content model to Markdown, shared by any host. Links point
at source paths (`.md`) so the host checks them. Trainer pages live under
`trainers/`: `trainers/modules/<slug>/`, `trainers/session-plan/`, `trainers/notes/`.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from sidebyside.content.model import Course, Module, Story
from sidebyside.content.session import Break, SessionPlan, clock_time, plan_session
from sidebyside.render.links import (
    SESSION_PLAN,
    TRAINER_NOTES,
    easy_read_src,
    module_src,
    page_folder,
    rebase,
    relative,
    story_src,
    trainer_module_src,
)
from sidebyside.render.trainer_notes import split_trainer_notes
from sidebyside.render.web_pages import html_text, md_text, minutes

CLOCK = re.compile(r"^\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*$")


class SessionStartError(ValueError):
    """The session start time could not be read."""


def parse_start(value: str | int) -> dt.time:
    """Read a start time such as "10:00" or "9.30".

    YAML reads an unquoted 10:00 as the number 600 (minutes), so numbers are
    taken as minutes after midnight.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        hour, minute = divmod(value, 60)
    else:
        match = CLOCK.match(str(value))
        if not match:
            raise SessionStartError(
                f'The sidebyside option `session_start` is "{value}". Write it as a 24-hour time in quotes, for example "10:00".'
            )
        hour, minute = int(match["hour"]), int(match["minute"])
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise SessionStartError(
            f'The sidebyside option `session_start` is "{value}", which is not a time of day. Use a time such as "09:30".'
        )
    return dt.time(hour, minute)


def _folder(src: str) -> str:
    return posixpath.dirname(src)


def module_plan(course: Course, break_every: int = 0, break_minutes: int = 10) -> SessionPlan:
    return plan_session(course.modules, break_every=break_every, break_minutes=break_minutes)


@dataclass(frozen=True)
class PlanRow:
    """One row of the running order, the same on the website and in the trainer pack."""

    starts: str
    ends: str
    title: str
    minutes: int
    activities: str  # "" for a break
    module: Module | None  # None for a break

    @property
    def is_break(self) -> bool:
        return self.module is None


def plan_rows(plan: SessionPlan, begins: dt.time) -> list[PlanRow]:
    """Every module and every break, in order, with clock times."""
    rows = []
    for row in plan.rows:
        starts, ends = row.clock(begins)
        if isinstance(row, Break):
            rows.append(PlanRow(starts, ends, "Break", row.minutes, "", None))
            continue
        doing = "; ".join(f"{a.title} ({a.minutes} min)" for a in row.activities) or "None"
        rows.append(PlanRow(starts, ends, row.module.title, row.minutes, doing, row.module))
    return rows


def plan_totals(plan: SessionPlan, begins: dt.time) -> str:
    """The totals line, word for word the same on the website and in the trainer pack."""
    text = f"Total: {minutes(plan.total)}, from {begins.strftime('%H:%M')} to {clock_time(begins, plan.total)}. Teaching: {minutes(plan.teaching)}."
    if plan.breaks:
        count = len(plan.breaks)
        text += f" Breaks: {count} {'break' if count == 1 else 'breaks'}, {minutes(plan.break_total)} in all."
    else:
        text += " Breaks: none planned. Add time for breaks and for people to settle in."
    for module in plan.long_modules:
        text += f" {module.title} is longer than {minutes(plan.break_every)}: take a short pause part way through it."
    return text


def _easy_read_note(module: Module, src: str) -> list[str]:
    """Trainers hand out the Easy Read version too: say whether there is one, and whether it is behind."""
    easy = module.easy_read
    if easy is None:
        return ["This module has no Easy Read version yet.", ""]
    link = f"[Easy Read version]({relative(src, easy_read_src(module.slug))})"
    if easy.module_version == module.version:
        return [f"This module has an {link}.", ""]
    return [
        f'!!! warning "The Easy Read version needs a review"\n    This module is now version {md_text(module.version)}, but its '
        f"{link} was written from version {md_text(easy.module_version)}. Check it still says the same before you hand it out.",
        "",
    ]


def trainer_module_page(module: Module, plan: SessionPlan, begins: dt.time, slides: str = "") -> str:
    """A module as trainers see it: timings, activities, then the text with every note shown.

    `slides` is Markdown for the link to the module's slides, if they are made."""
    src = trainer_module_src(module.slug)
    activity_minutes = sum(a.minutes for a in module.activities)
    lines = [
        f"# Teaching: {md_text(module.title)}",
        "",
        f'<p class="sbs-summary">{html_text(module.summary)}</p>',
        "",
        f"[The page participants see]({relative(src, module_src(module.slug))}) · "
        f"[Session plan]({relative(src, SESSION_PLAN)}) · [All trainer notes]({relative(src, TRAINER_NOTES)})",
        "",
        *([slides] if slides else []),
        "## Timings",
        "",
        '<div class="sbs-no-terms" markdown>',  # "minutes" here is time, not a meeting record
        "",
        "| Part | Minutes |",
        "|---|---|",
        f"| The whole module | {module.duration} |",
        f"| Activities | {activity_minutes} |",
        f"| Your own input, questions and settling in | {max(module.duration - activity_minutes, 0)} |",
        "",
        "</div>",
        "",
    ]
    if activity_minutes > module.duration:
        lines += [
            f'!!! warning "The activities take longer than the module"\n    The activities add up to {minutes(activity_minutes)}, '
            f"but the module is given {minutes(module.duration)}. Allow extra time, or leave an activity out.",
            "",
        ]
    lines += _easy_read_note(module, src)
    slot = plan.slot(module)
    if slot is not None:
        start, end = slot.clock(begins)
        lines += [f"In the [session plan]({relative(src, SESSION_PLAN)}) this module runs from {start} to {end}.", ""]
    lines += ["## Activities", ""]
    if not module.activities:
        lines += ["This module has no activities listed.", ""]
    for number, activity in enumerate(module.activities, start=1):
        lines += [f"### {number}. {md_text(activity.title)} ({minutes(activity.minutes)})", ""]
        if activity.description:
            lines += [md_text(activity.description), ""]
        needs = ", ".join(md_text(m) for m in activity.materials) if activity.materials else "nothing extra"
        lines += [f"You need: {needs}.", ""]
    body = rebase(module.body, _folder(module_src(module.slug)), page_folder(src), _folder(src)).strip()
    lines += ["## The module, with your notes", "", "Notes for trainers are shown in coloured boxes. Participants never see them.", ""]
    lines += [body, ""]
    return "\n".join(lines)


def session_plan_page(course: Course, plan: SessionPlan, begins: dt.time, slides: str = "") -> str:
    """The running order with start times and totals, a checklist of materials, and the slides (`slides`)."""
    src = SESSION_PLAN
    lines = [
        "# Session plan",
        "",
        f"A running order for teaching every module in one session that starts at {begins.strftime('%H:%M')}. "
        "Many groups split the course over two or three shorter sessions: use the times here as a guide.",
        "",
    ]
    if not plan.slots:
        return "\n".join([*lines, "There are no modules yet.", ""])
    lines += ["| Starts | Ends | Part | Minutes | Activities |", "|---|---|---|---|---|"]
    for row in plan_rows(plan, begins):
        if row.module is None:
            lines.append(f"| {row.starts} | {row.ends} | **Break** | {row.minutes} | |")
            continue
        link = f"[{md_text(row.title)}]({relative(src, trainer_module_src(row.module.slug))})"
        lines.append(f"| {row.starts} | {row.ends} | {link} | {row.minutes} | {md_text(row.activities)} |")
    activity_total = sum(a.minutes for m in course.modules for a in m.activities)
    lines += [
        "",
        f'<p class="sbs-total"><strong>{html_text(plan_totals(plan, begins))}</strong></p>',
        "",
        f"Activities take {minutes(activity_total)} of the teaching time.",
        "",
        "## Materials checklist",
        "",
    ]
    lines += materials_checklist(plan)
    if slides:
        lines += ["", slides]
    return "\n".join(lines) + "\n"


def materials_checklist(plan: SessionPlan) -> list[str]:
    needed_for: dict[str, list[str]] = {}
    for slot in plan.slots:
        for activity in slot.activities:
            for item in activity.materials:
                if item.strip():
                    needed_for.setdefault(item.strip(), []).append(activity.title)
    if not needed_for:
        return ["No activity lists any materials.", ""]
    lines = ["Tick each one off as you pack.", "", '<ul class="sbs-checklist">']
    for item in plan.materials:
        uses = ", ".join(dict.fromkeys(needed_for.get(item, [])))
        lines.append(
            f'<li><label><input type="checkbox"> {html_text(item)}</label> <span class="sbs-for">(for {html_text(uses)})</span></li>'
        )
    lines += ["</ul>", ""]
    return lines


def notes_page(course: Course, stories: list[Story]) -> str:
    """Every trainer note in the course, module by module, then stories."""
    src = TRAINER_NOTES
    lines = [
        "# All trainer notes",
        "",
        "Every note for trainers in the course, in teaching order. Read them all before you teach. Participants never see them.",
        "",
    ]
    found = 0
    for number, module in enumerate(course.modules, start=1):
        _, notes = split_trainer_notes(module.body)
        if not notes:
            continue
        found += len(notes)
        lines += [
            f"## {number}. {md_text(module.title)}",
            "",
            f"[Teaching page for this module]({relative(src, trainer_module_src(module.slug))})",
            "",
        ]
        for note in notes:
            lines += [rebase(_dedent(note), _folder(module_src(module.slug)), page_folder(src), _folder(src)), ""]
    for story in stories:
        _, notes = split_trainer_notes(story.body)
        if not notes:
            continue
        found += len(notes)
        lines += [f"## Story: {md_text(story.title)}", "", f"[Read the story]({relative(src, story_src(story.slug))})", ""]
        for note in notes:  # a story's addresses are read from stories/<slug>/
            lines += [rebase(_dedent(note), page_folder(story_src(story.slug)), page_folder(src), _folder(src)), ""]
    if not found:
        lines += ['There are no trainer notes yet. Add them to a module in a box that starts with `!!! trainer "Notes for trainers"`.', ""]
    return "\n".join(lines)


def _dedent(block: str) -> str:
    """A note found inside another block keeps its own shape, moved to the left edge."""
    first = block.split("\n", 1)[0]
    indent = len(first) - len(first.lstrip())
    if not indent:
        return block
    return "\n".join(line[indent:] if line[:indent].strip() == "" else line for line in block.split("\n"))


def trainers_landing() -> str:
    """The section's front page, for courses whose docs/ has no trainers.md."""
    return (
        "# For trainers\n\n"
        "Pages for the people who teach this course. Participants do not see the notes on these pages.\n\n"
        f"- [Session plan]({relative('trainers/index.md', SESSION_PLAN)}): running order, start times and a materials checklist\n"
        f"- [All trainer notes]({relative('trainers/index.md', TRAINER_NOTES)})\n"
    )
