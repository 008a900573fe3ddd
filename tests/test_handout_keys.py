"""Handout cache keys made together (sharing what they have already written) are the keys made one by one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sidebyside.content import load_course
from sidebyside.print.cache_keys import engine_fingerprint
from sidebyside.print.documents import HandoutSettings, plan_handouts
from sidebyside.print.pipeline import planned_key

REPO = Path(__file__).resolve().parent.parent


def test_keys_made_together_are_the_keys_made_alone() -> None:
    course, _ = load_course(REPO)
    settings = HandoutSettings(root=REPO, today=dt.date(2026, 12, 4), slides=True)
    planned = plan_handouts(course, settings)
    engine = engine_fingerprint()
    memo: dict[int, tuple[object, str]] = {}
    together = [planned_key(engine, settings, p, memo) for p in planned]
    alone = [planned_key(engine, settings, p) for p in planned]
    assert together == alone
    assert len(set(alone)) == len(alone) > 20  # every handout of the reference course has a key of its own
    assert memo  # and records were shared


def test_a_changed_record_changes_only_the_keys_that_hold_it() -> None:
    course, _ = load_course(REPO)
    settings = HandoutSettings(root=REPO, today=dt.date(2026, 12, 4))
    engine = engine_fingerprint()
    before = {p.name: planned_key(engine, settings, p, {}) for p in plan_handouts(course, settings)}
    course.terms[0].plain = course.terms[0].plain + " Changed."
    after = {p.name: planned_key(engine, settings, p, {}) for p in plan_handouts(course, settings)}
    changed = {name for name in before if before[name] != after[name]}
    assert changed and changed != set(before)
