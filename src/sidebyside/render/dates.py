"""Dates written the way NHS pages write them: 25 November 2026."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
