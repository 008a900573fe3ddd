"""The run chart rules, as taught in QI: shift, trend, number of runs, astronomical point.

They follow Perla, Provost and Murray, "The run chart: a simple analytical tool for
learning from variation in healthcare processes" (BMJ Quality & Safety, 2011) and the
Institute for Healthcare Improvement's run chart guidance:

- the median comes from the baseline points only, and is extended across the chart;
- shift: 6 or more points in a row all above, or all below, the median. Points on
  the median are skipped: they neither break a shift nor add to it;
- trend: 5 or more points in a row all going up, or all going down. A point equal
  to the one before is skipped: it neither breaks a trend nor adds to it;
- runs: a run is one or more points in a row on the same side of the median (points
  on the median are skipped). Too few or too many runs for the number of useful
  points (points not on the median) is a sign of non-random variation. The limits
  are Swed and Eisenhart's (1943), for about a 5% risk, computed exactly here;
  the test needs at least 10 useful points;
- astronomical point: a value that is blatantly different from the rest. It is a
  judgement, so authors mark it; we also flag, cautiously, a value far outside the
  rest (more than 3 times the interquartile range beyond the quartiles).

Pure functions over plain numbers: no drawing and no words here.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cache
from math import comb

SHIFT_LENGTH = 6
TREND_LENGTH = 5
RUNS_MINIMUM = 10
RUNS_RISK = 0.05  # two-sided: 2.5% each side
FAR_OUT = 3.0  # times the interquartile range


@dataclass(frozen=True)
class Stretch:
    """Points in a row that break a rule (0-based indexes into the chart's points)."""

    indexes: tuple[int, ...]
    direction: str  # shift: "above" | "below"; trend: "up" | "down"

    @property
    def first(self) -> int:
        return self.indexes[0]

    @property
    def last(self) -> int:
        return self.indexes[-1]

    @property
    def length(self) -> int:
        return len(self.indexes)


@dataclass(frozen=True)
class RunsTest:
    """How many runs there are, and how many would be expected by chance."""

    useful: int  # points not on the median
    runs: int
    fewest: int  # fewer runs than this is "too few"
    most: int  # more runs than this is "too many"

    @property
    def verdict(self) -> str:
        if self.runs < self.fewest:
            return "too few"
        if self.runs > self.most:
            return "too many"
        return "expected"


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def sides(values: list[float], centre: float) -> list[int]:
    """+1 above the median, -1 below, 0 on it."""
    return [(value > centre) - (value < centre) for value in values]


def shifts(values: list[float], centre: float, length: int = SHIFT_LENGTH) -> list[Stretch]:
    """Every shift: `length` or more points in a row on one side, skipping points on the median."""
    found: list[Stretch] = []
    current: list[int] = []
    side = 0
    for index, where in enumerate(sides(values, centre)):
        if where == 0:
            continue
        if where != side:
            if len(current) >= length:
                found.append(Stretch(tuple(current), "above" if side > 0 else "below"))
            current, side = [], where
        current.append(index)
    if len(current) >= length:
        found.append(Stretch(tuple(current), "above" if side > 0 else "below"))
    return found


def trends(values: list[float], length: int = TREND_LENGTH) -> list[Stretch]:
    """Every trend: `length` or more points in a row going one way, skipping repeated values.

    Neighbouring trends share their turning point (up to a peak, then down from it).
    """
    kept = [i for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
    found: list[Stretch] = []
    start = 0
    while start < len(kept) - 1:
        step = 1 if values[kept[start + 1]] > values[kept[start]] else -1
        end = start + 1
        while end + 1 < len(kept) and (values[kept[end + 1]] - values[kept[end]]) * step > 0:
            end += 1
        if end - start + 1 >= length:
            found.append(Stretch(tuple(kept[start : end + 1]), "up" if step > 0 else "down"))
        start = end
    return found


def count_runs(values: list[float], centre: float) -> tuple[int, int]:
    """(runs, useful points): runs on either side of the median, skipping points on it."""
    useful = [s for s in sides(values, centre) if s != 0]
    runs = sum(1 for i, s in enumerate(useful) if i == 0 or s != useful[i - 1])
    return runs, len(useful)


def _runs_distribution(above: int, below: int) -> dict[int, float]:
    """The chance of each number of runs when `above` and `below` points are in random order."""
    total = comb(above + below, above)
    chances: dict[int, float] = {}
    for runs in range(2, above + below + 1):
        half = runs // 2
        if runs % 2 == 0:
            ways = 2 * comb(above - 1, half - 1) * comb(below - 1, half - 1)
        else:
            ways = comb(above - 1, half - 1) * comb(below - 1, half) + comb(above - 1, half) * comb(below - 1, half - 1)
        chances[runs] = ways / total
    return chances


@cache
def runs_limits(useful: int) -> tuple[int, int]:
    """(fewest, most) runs expected by chance for `useful` points split evenly about the median.

    Fewer than `fewest` is too few runs; more than `most` is too many, each with about a
    2.5% chance for random data (Swed and Eisenhart's method, as in Perla and others' table).
    """
    if useful < 2:
        raise ValueError("At least 2 points are needed to count runs.")
    chances = _runs_distribution(useful // 2, useful - useful // 2)
    tail = RUNS_RISK / 2
    fewest = most = 0
    total = 0.0
    for runs in sorted(chances):
        total += chances[runs]
        if total > tail:
            fewest = runs
            break
    total = 0.0
    for runs in sorted(chances, reverse=True):
        total += chances[runs]
        if total > tail:
            most = runs
            break
    return fewest, most


def runs_test(values: list[float], centre: float) -> RunsTest | None:
    """The runs test, or None when there are fewer than 10 useful points."""
    runs, useful = count_runs(values, centre)
    if useful < RUNS_MINIMUM:
        return None
    fewest, most = runs_limits(useful)
    return RunsTest(useful, runs, fewest, most)


def far_out(values: list[float]) -> list[int]:
    """Points far outside the rest: a cautious stand-in for "astronomical" (needs 8 or more points)."""
    if len(values) < 8:
        return []
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    spread = q3 - q1
    if spread <= 0:
        return []
    return [i for i, v in enumerate(values) if v < q1 - FAR_OUT * spread or v > q3 + FAR_OUT * spread]
