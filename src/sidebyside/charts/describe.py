"""The chart in plain words: its text alternative, its caption, and the caption check.

A reader who cannot see the chart gets the same findings as one who can, in the
words the course teaches (median, shift, trend, runs).
"""

from __future__ import annotations

import re

from sidebyside.charts.reading import Reading
from sidebyside.charts.rules import SHIFT_LENGTH, TREND_LENGTH, Stretch

COMMON_WORDS = ("week", "day", "month", "quarter", "year", "sample", "point", "visit", "clinic", "shift", "session")
NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NEGATION = re.compile(r"\b(no|not|isn't|wasn't|aren't|without|never|none|nor|cannot|can't)\b[^.;:]{0,25}$", re.I)
IN_A_ROW = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\b\s+(?:\w+\s+){0,2}?in a row", re.I)


def number(value: float) -> str:
    """12.0 -> "12", 12.5 -> "12.5": as people write them."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _unit(reading: Reading, value: float) -> str:
    unit = reading.chart.unit
    if not unit:
        return number(value)
    if unit == "%":
        return f"{number(value)}%"
    if unit.endswith("s") and value == 1:
        unit = unit[:-1]
    return f"{number(value)} {unit}"


def _label(reading: Reading, index: int) -> str:
    """A point's label inside a sentence: "week 7" for "Week 7", "March" stays "March"."""
    label = reading.labels[index]
    first = label.split(" ", 1)[0]
    return label[0].lower() + label[1:] if first.casefold() in COMMON_WORDS else label


def _things(reading: Reading, count: int) -> str:
    """What the points are: "6 weeks" when every label starts with "Week", else "6 points"."""
    firsts = {label.split(" ", 1)[0].casefold() for label in reading.labels}
    noun = firsts.pop() if len(firsts) == 1 and len(reading.labels[0].split(" ", 1)) == 2 else "point"
    if not noun.isalpha():
        noun = "point"
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _span(reading: Reading, stretch: Stretch) -> str:
    return f"{_label(reading, stretch.first)} to {_label(reading, stretch.last)}"


def _change_before(reading: Reading, index: int) -> int | None:
    """The last change made at or before point `index`, if any."""
    before = [m.index for m in reading.chart.changes if m.index <= index]
    return max(before) if before else None


def _better(reading: Reading, direction: str) -> str:
    good = {"lower": ("below", "down"), "higher": ("above", "up")}.get(reading.chart.better)
    if not good:
        return ""
    return " in the better direction" if direction in good else " in the worse direction"


def _after(reading: Reading, stretch: Stretch) -> str:
    change = _change_before(reading, stretch.first)
    return f"After the change in {_label(reading, change)}, " if change is not None else ""


def _start(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:]


def findings(reading: Reading) -> list[str]:
    """One sentence for each thing the rules found, most important first."""
    said: list[str] = []
    for shift in reading.shifts:
        lead = _after(reading, shift)
        body = f"{_things(reading, shift.length)} in a row were {shift.direction} the median ({_span(reading, shift)})"
        said.append(_start(f"{lead}{body}: a shift{_better(reading, shift.direction)}, which is a sign of real change."))
    for trend in reading.trends:
        lead = _after(reading, trend)
        went = "went up" if trend.direction == "up" else "went down"
        body = f"{_things(reading, trend.length)} in a row {went} ({_span(reading, trend)})"
        said.append(_start(f"{lead}{body}: a trend{_better(reading, trend.direction)}, which is a sign of real change."))
    runs = reading.runs
    if runs is not None and runs.verdict != "expected":
        usual = f"between {runs.fewest} and {runs.most} is usual for {runs.useful} points not on the median"
        said.append(f"There are {runs.runs} runs, and {usual}: {runs.verdict} runs, which is a sign of real change.")
    for marked in reading.unusual:
        note = f" ({marked.note})" if marked.note else ""
        value = _unit(reading, reading.values[marked.index])
        said.append(_start(f"{_label(reading, marked.index)} is an unusual point{note}: {value}, far from the rest."))
    for index in reading.far_out:
        value = _unit(reading, reading.values[index])
        said.append(
            _start(
                f"{_label(reading, index)} ({value}) is far from all the other points: it may be an astronomical point. Ask what happened."
            )
        )
    return said


def caption(reading: Reading) -> str:
    """The short reading under the chart: what the rules found, or that they found nothing."""
    found = findings(reading)
    if found:
        return " ".join(found)
    return "No rule found a sign of real change: the ups and downs look like normal variation."


def description(reading: Reading) -> str:
    """The full text alternative: what is plotted, the median, the changes, and the findings."""
    chart, n = reading.chart, len(reading.values)
    what = chart.measure or chart.title
    first, last = reading.baseline
    if (first, last) == (0, n - 1):
        base = f"all {_things(reading, n)}"
    else:
        base = f"the baseline ({_label(reading, first)} to {_label(reading, last)})"
    parts = [
        f"A run chart of {what[0].lower() + what[1:] if what[:2].istitle() else what}, "
        f"{_label(reading, 0)} to {_label(reading, n - 1)}, from {_unit(reading, min(reading.values))} "
        f"to {_unit(reading, max(reading.values))}.",
        f"The median of {base} is {_unit(reading, reading.median)}; its line carries on across the chart.",
    ]
    for change in reading.chart.changes:
        note = f": {change.note}" if change.note else ""
        parts.append(f"A change was made in {_label(reading, change.index)}{note}.")
    parts.append(caption(reading))
    if reading.runs is None:
        parts.append("There are too few points off the median to count runs (the runs rule needs 10).")
    elif reading.runs.verdict == "expected":
        parts.append(f"There are {reading.runs.runs} runs, which is usual for {reading.runs.useful} points not on the median.")
    return " ".join(parts)


# --- the caption check -----------------------------------------------------------------


def _claims(text: str, word: str) -> bool | None:
    """True if the text says there is a `word`, False if it only says there is none, None if silent."""
    said = None
    for match in re.finditer(rf"\b{word}s?\b", text, re.I):
        if not NEGATION.search(text[: match.start()]):
            return True
        said = False
    return said


def _says_nothing_changed(text: str) -> bool:
    return bool(
        re.search(r"\b(normal|random|common[- ]cause|only|just)\s+(ups and downs|variation)\b", text, re.I)
        or re.search(r"\bno (real |sign of (a )?(real )?)?(change|improvement|signal)s?\b", text, re.I)
        or re.search(r"\b(did not|didn't|does not|doesn't) (really )?(change|improve|work)\b", text, re.I)
    )


def _stated_lengths(text: str) -> list[int]:
    lengths = []
    for match in IN_A_ROW.finditer(text):
        word = match.group("n").casefold()
        lengths.append(int(word) if word.isdigit() else NUMBER_WORDS[word])
    return lengths


def contradictions(text: str, reading: Reading) -> list[str]:
    """What an author's caption says that the rules do not find, each in plain words."""
    problems: list[str] = []
    shift, trend = _claims(text, "shift"), _claims(text, "trend")
    if shift and not reading.shifts:
        problems.append(f"The caption says there is a shift, but no {SHIFT_LENGTH} points in a row are on one side of the median.")
    if shift is False and reading.shifts:
        problems.append("The caption says there is no shift, but there is one.")
    if trend and not reading.trends:
        problems.append(f"The caption says there is a trend, but no {TREND_LENGTH} points in a row go up, or go down.")
    if trend is False and reading.trends:
        problems.append("The caption says there is no trend, but there is one.")
    if shift and reading.shifts:
        sides = {s.direction for s in reading.shifts}
        for side in ("above", "below"):
            other = "below" if side == "above" else "above"
            if re.search(rf"\b{side}\b", text, re.I) and not re.search(rf"\b{other}\b", text, re.I) and side not in sides:
                problems.append(f"The caption says the shift is {side} the median, but it is {other} it.")
    if _says_nothing_changed(text) and reading.signals:
        problems.append("The caption says nothing really changed, but the rules found a sign of real change.")
    for verdict in ("too few", "too many"):
        if re.search(rf"\b{verdict} runs\b", text, re.I) and (reading.runs is None or reading.runs.verdict != verdict):
            problems.append(f"The caption says there are {verdict} runs, but there are not.")
    lengths = {s.length for s in reading.shifts} | {t.length for t in reading.trends}
    for stated in _stated_lengths(text):
        if stated not in lengths:
            actual = ", ".join(str(n) for n in sorted(lengths)) if lengths else "none"
            problems.append(f"The caption says {stated} in a row, but the rows of points that break a rule are: {actual}.")
    if problems:
        problems.append(f"The data show: {caption(reading)}")
    return problems
