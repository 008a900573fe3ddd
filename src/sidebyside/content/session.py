"""A session's running order, worked out from module durations and activities.

Used by the trainer edition on the website and by the printed trainer pack, so both
always show the same timings, breaks and totals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sidebyside.content.model import Activity, Module


@dataclass(frozen=True)
class Slot:
    """One module in the running order, with when it starts and ends."""

    module: Module
    start: int  # minutes from the start of the session
    end: int

    def clock(self, begins: dt.time) -> tuple[str, str]:
        return clock_time(begins, self.start), clock_time(begins, self.end)

    @property
    def minutes(self) -> int:
        return self.end - self.start

    @property
    def activities(self) -> list[Activity]:
        return self.module.activities

    @property
    def talk_minutes(self) -> int:
        """Time left for the trainers' own input once activities are done."""
        return max(self.module.duration - sum(a.minutes for a in self.module.activities), 0)


@dataclass(frozen=True)
class Break:
    """A break in the running order."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def clock(self, begins: dt.time) -> tuple[str, str]:
        return clock_time(begins, self.start), clock_time(begins, self.end)


@dataclass
class SessionPlan:
    slots: list[Slot] = field(default_factory=list)
    breaks: list[Break] = field(default_factory=list)
    break_minutes: int = 0
    break_every: int = 0

    @property
    def total(self) -> int:
        return self.slots[-1].end if self.slots else 0

    @property
    def teaching(self) -> int:
        return sum(slot.minutes for slot in self.slots)

    @property
    def break_total(self) -> int:
        return sum(b.minutes for b in self.breaks)

    @property
    def rows(self) -> list[Slot | Break]:
        """Every module and break, in the order they happen."""
        return sorted([*self.slots, *self.breaks], key=lambda row: (row.start, isinstance(row, Slot)))

    def slot(self, module: Module) -> Slot | None:
        return next((s for s in self.slots if s.module.slug == module.slug), None)

    @property
    def long_modules(self) -> list[Module]:
        """Modules longer than the time between breaks: trainers take a pause part way through."""
        return [s.module for s in self.slots if self.break_every > 0 and s.minutes > self.break_every]

    def longest_stretch(self) -> int:
        """The most minutes of teaching between two breaks (or the start or end)."""
        longest = stretch = 0
        for row in self.rows:
            stretch = 0 if isinstance(row, Break) else stretch + row.minutes
            longest = max(longest, stretch)
        return longest

    @property
    def materials(self) -> list[str]:
        """Everything the activities need, once each, in the order first needed."""
        seen: dict[str, None] = {}
        for slot in self.slots:
            for activity in slot.activities:
                for item in activity.materials:
                    seen.setdefault(item.strip(), None)
        return [item for item in seen if item]


def plan_session(modules: list[Module], break_every: int = 0, break_minutes: int = 10) -> SessionPlan:
    """Lay modules end to end; with `break_every` > 0, a break before any module that would
    take the stretch of teaching past `break_every` minutes.

    Breaks go between modules, never after the last one. A module that is itself longer
    than `break_every` is listed in `long_modules`, so the plan can say to pause inside it.
    """
    spacing = break_every > 0 and break_minutes > 0
    plan = SessionPlan(break_minutes=break_minutes if spacing else 0, break_every=break_every if spacing else 0)
    clock = 0
    since_break = 0
    for module in modules:
        if spacing and since_break and since_break + module.duration > break_every:
            plan.breaks.append(Break(clock, clock + break_minutes))
            clock += break_minutes
            since_break = 0
        plan.slots.append(Slot(module, clock, clock + module.duration))
        clock += module.duration
        since_break += module.duration
    return plan


def clock_time(begins: dt.time, minutes: int) -> str:
    """The time of day `minutes` after `begins`, as 24-hour "HH:MM"."""
    moment = dt.datetime.combine(dt.date(2000, 1, 1), begins) + dt.timedelta(minutes=minutes)
    return moment.strftime("%H:%M")
