"""Colours for each role on a chart, for the light scheme and print.

The web page's stylesheet overrides them for the dark scheme (classes `sbs-c-<role>`).
Each colour has at least 3:1 contrast with white, as WCAG asks of the parts of a
chart; text has at least 4.5:1. Nothing depends on colour alone: rule-breaking
points have their own shapes, and the median and change lines differ in dash.
"""

from __future__ import annotations

BACKGROUND = "#ffffff"
LIGHT = {
    "text": "#212b32",
    "muted": "#425563",
    "axis": "#425563",
    "grid": "#d8dde0",
    "line": "#425563",
    "median": "#005eb8",
    "change": "#7c2855",
    "point": "#425563",
    "signal": "#c0291b",
}
SIGNALS = ("shift", "trend-up", "trend-down", "unusual")


def colour(role: str) -> str:
    return LIGHT["signal"] if role in SIGNALS else LIGHT.get(role, LIGHT["text"])
