"""The session plan adds up: a break comes before teaching would pass the break interval,
the web plan and the printed trainer pack show the same rows (breaks included) and the
same totals, and notes for trainers are printed as large as the body text."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factory import Course
from pdf_reading import all_text, font_sizes
from sidebyside.content.session import Break, Slot, plan_session
from sidebyside.render.trainer_pages import plan_totals

# The 1.0 reference course: with a break every 60 minutes, the old plan taught 100
# minutes (20 + 35 + 45) before its first break.
REFERENCE_1_0 = [20, 35, 45, 40, 30]


@dataclass(frozen=True)
class Part:
    """What the planner reads from a module: its slug, title, minutes and activities."""

    slug: str
    duration: int
    title: str = "A module"
    activities: list = field(default_factory=list)


def _modules(durations: list[int]) -> list[Part]:
    return [Part(f"m{i}", minutes, f"Module {i}") for i, minutes in enumerate(durations, start=1)]


def test_first_break_comes_before_an_hour_of_teaching_not_after_100_minutes() -> None:
    plan = plan_session(_modules(REFERENCE_1_0), break_every=60, break_minutes=10)  # type: ignore[arg-type]
    first = plan.breaks[0]
    taught_before = sum(s.minutes for s in plan.slots if s.end <= first.start)
    assert taught_before == 55  # Welcome 20 + NHS 35: the 45-minute module waits until after the break
    assert plan.longest_stretch() <= 60
    assert [(b.start, b.end) for b in plan.breaks] == [(55, 65), (110, 120), (160, 170)]
    assert plan.teaching == 170 and plan.total == 200 and plan.break_total == 30


def test_a_module_longer_than_the_interval_stands_alone_and_the_plan_says_to_pause_in_it() -> None:
    plan = plan_session(_modules([20, 90, 15]), break_every=60, break_minutes=15)  # type: ignore[arg-type]
    rows = [(type(r).__name__, r.start, r.end) for r in plan.rows]
    assert rows == [("Slot", 0, 20), ("Break", 20, 35), ("Slot", 35, 125), ("Break", 125, 140), ("Slot", 140, 155)]
    assert [m.slug for m in plan.long_modules] == ["m2"]
    totals = plan_totals(plan, dt.time(9, 0))
    assert "Module 2 is longer than 1 hour: take a short pause part way through it." in totals


def test_without_breaks_modules_run_end_to_end() -> None:
    plan = plan_session(_modules(REFERENCE_1_0))  # type: ignore[arg-type]
    assert plan.breaks == [] and plan.total == 170 and plan.longest_stretch() == 170


@settings(max_examples=300, deadline=None)
@given(
    durations=st.lists(st.integers(min_value=1, max_value=200), min_size=1, max_size=12),
    every=st.integers(min_value=5, max_value=120),
    pause=st.integers(min_value=1, max_value=30),
)
def test_the_plan_always_adds_up(durations: list[int], every: int, pause: int) -> None:
    plan = plan_session(_modules(durations), break_every=every, break_minutes=pause)  # type: ignore[arg-type]
    rows = plan.rows
    # Never longer than the interval without a break, unless one module is longer on its own.
    assert plan.longest_stretch() <= max(every, *durations)
    assert all(s.minutes <= every for s in plan.slots if s.module not in plan.long_modules)
    assert isinstance(rows[0], Slot) and isinstance(rows[-1], Slot)  # never a break first or last
    assert all(not (isinstance(a, Break) and isinstance(b, Break)) for a, b in itertools.pairwise(rows))
    assert all(a.end == b.start for a, b in itertools.pairwise(rows))  # no gaps, no overlaps
    assert plan.teaching == sum(durations)
    assert plan.total == plan.teaching + plan.break_total == rows[-1].end
    for module in _modules(durations):
        assert sum(s.minutes for s in plan.slots if s.module.slug == module.slug) == module.duration
    # A break only where the module after it would have taken the stretch past the interval.
    stretch = 0
    for row, after in itertools.pairwise(rows):
        stretch = 0 if isinstance(row, Break) else stretch + row.minutes
        if isinstance(after, Break):
            following = rows[rows.index(after) + 1]
            assert isinstance(following, Slot) and stretch + following.minutes > every


def _course(course: Course) -> None:
    course.config["plugins"][-1]["sidebyside"].update(session_break_every=60, session_break_minutes=10)
    course.write_config()
    names = ["Welcome", "The NHS", "Improvement", "Together", "Meetings"]
    for order, (name, minutes) in enumerate(zip(names, REFERENCE_1_0, strict=True), start=1):
        note = f'\n\n!!! trainer "Notes for trainers"\n    Trainer note for {name.lower()}: read this aloud.\n'
        course.module(
            f"0{order}-{name.lower().replace(' ', '-')}",
            f"## {name}\n\nBody text for {name.lower()}.{note}",
            title=name,
            order=order,
            duration=minutes,
        )


def _plan_rows(text: str) -> list[str]:
    return re.findall(r"\d\d:\d\d \d\d:\d\d (?:Break|Welcome|The NHS|Improvement|Together|Meetings) \d+", text)


def test_web_plan_and_trainer_pack_show_the_same_breaks_and_totals(course: Course) -> None:
    _course(course)
    result = course.build()
    assert result.code == 0, result.text
    html = course.page("trainers/session-plan/index.html")
    web = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.search(r"<article.*?</article>", html, re.S).group(0)))
    pack = all_text(course.root / "site" / "handouts" / "trainer-pack.pdf")
    expected = [
        "10:00 10:20 Welcome 20",
        "10:20 10:55 The NHS 35",
        "10:55 11:05 Break 10",
        "11:05 11:50 Improvement 45",
        "11:50 12:00 Break 10",
        "12:00 12:40 Together 40",
        "12:40 12:50 Break 10",
        "12:50 13:20 Meetings 30",
    ]
    assert _plan_rows(web) == expected, web
    running_order = pack[pack.index("Running order") : pack.index("Materials checklist")]
    assert _plan_rows(running_order) == expected, running_order
    totals = "Total: 3 hours 20 minutes, from 10:00 to 13:20. Teaching: 2 hours 50 minutes. Breaks: 3 breaks, 30 minutes in all."
    assert totals in web and totals in pack
    assert "Total teaching time" not in pack


def test_trainer_notes_print_as_large_as_the_body_text(course: Course) -> None:
    _course(course)
    assert course.build().code == 0
    sizes = font_sizes(Path(course.root / "site" / "handouts" / "trainer-pack.pdf"))
    body = {size for size, text in sizes if text.startswith("Body text for")}
    notes = {size for size, text in sizes if text.startswith("Trainer note for")}
    assert body and notes, (body, notes)
    assert min(notes) >= max(body), (notes, body)
