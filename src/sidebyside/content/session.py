"""A session's running order, worked out from module durations and activities.

Used by the trainer edition on the website and by the printed trainer pack, so both
always show the same timings.
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
        return _clock(begins, self.start), _clock(begins, self.end)

    @property
    def activities(self) -> list[Activity]:
        return self.module.activities

    @property
    def talk_minutes(self) -> int:
        """Time left for the trainers' own input once activities are done."""
        return max(self.module.duration - sum(a.minutes for a in self.module.activities), 0)


@dataclass
class SessionPlan:
    slots: list[Slot] = field(default_factory=list)
    break_minutes: int = 0

    @property
    def total(self) -> int:
        return self.slots[-1].end if self.slots else 0

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
    """Lay modules end to end; with `break_every` > 0, add a break after that many minutes of teaching."""
    plan = SessionPlan(break_minutes=break_minutes if break_every else 0)
    clock = 0
    since_break = 0
    for module in modules:
        if break_every and since_break >= break_every:
            clock += break_minutes
            since_break = 0
        plan.slots.append(Slot(module, clock, clock + module.duration))
        clock += module.duration
        since_break += module.duration
    return plan


def _clock(begins: dt.time, minutes: int) -> str:
    moment = dt.datetime.combine(dt.date(2000, 1, 1), begins) + dt.timedelta(minutes=minutes)
    return moment.strftime("%H:%M")
