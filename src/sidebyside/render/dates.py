"""Dates written the way NHS pages write them: 25 November 2026 (and each language's own way)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from sidebyside.i18n import base_language


def long_date(day: dt.date, language: str = "en") -> str:
    """A date in words: "25 November 2026", "25 Tachwedd 2026", "25 نومبر 2026"."""
    if base_language(language) == "en":
        return f"{day.day} {day:%B %Y}"
    return format_date(day, format="long", locale=base_language(language))
