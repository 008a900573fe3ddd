"""The run chart rules (Perla, Provost and Murray 2011; IHI), tested on worked examples and edge cases."""

from __future__ import annotations

import re
from math import comb

import pytest

from sidebyside.charts import parse, read
from sidebyside.charts.rules import count_runs, far_out, median, runs_limits, runs_test, shifts, trends

# Module 03's 12 weeks of waiting: the clinic started texting results after week 6.
WAITS = [12, 14, 11, 13, 12, 15, 9, 8, 9, 7, 8, 8]


def test_the_median_comes_from_the_baseline_only() -> None:
    chart = read(parse("title: Waits\nbaseline: 1-6\n" + "\n".join(f"Week {i}: {v}" for i, v in enumerate(WAITS, 1))))
    assert chart.median == 12.5  # weeks 1 to 6; all 12 weeks would give 10
    assert median(WAITS) == 10


def test_module_three_worked_example_is_a_shift_of_six_below_and_nothing_else() -> None:
    found = shifts(WAITS, 12.5)
    assert [(s.indexes, s.direction) for s in found] == [((6, 7, 8, 9, 10, 11), "below")]
    assert trends(WAITS) == []
    assert count_runs(WAITS, 12.5) == (7, 12)
    test = runs_test(WAITS, 12.5)
    assert test is not None and test.verdict == "expected"


@pytest.mark.parametrize(("length", "is_shift"), [(5, False), (6, True), (7, True)])
def test_a_shift_needs_six_points_on_one_side(length: int, is_shift: bool) -> None:
    values = [9, 1] * 3 + [9] * length + [1]
    assert bool(shifts(values, 5)) is is_shift


def test_points_on_the_median_neither_break_nor_add_to_a_shift() -> None:
    # 3 above, 2 on the median, 3 above: a shift of 6 (not 8), unbroken by the points on the median.
    values = [1, 9, 8, 7, 5, 5, 6, 8, 9, 1]
    found = shifts(values, 5)
    assert len(found) == 1 and found[0].length == 6 and found[0].direction == "above"
    assert 4 not in found[0].indexes and 5 not in found[0].indexes
    # 5 above with a point on the median among them is still only 5: no shift.
    assert shifts([1, 9, 8, 5, 7, 6, 8, 1], 5) == []


@pytest.mark.parametrize(("values", "length"), [([5, 4, 3, 2, 1], 5), ([5, 4, 3, 2], 0), ([1, 2, 3, 4, 5, 6], 6)])
def test_a_trend_needs_five_points_going_one_way(values: list[float], length: int) -> None:
    found = trends(values)
    assert (found[0].length if found else 0) == length


def test_repeated_values_neither_add_to_nor_break_a_trend() -> None:
    # 1 2 2 3 4 5: the repeated 2 is skipped, leaving 5 points going up: a trend of 5, not 6.
    found = trends([1, 2, 2, 3, 4, 5])
    assert len(found) == 1 and found[0].length == 5 and found[0].direction == "up"
    # 1 2 3 3 4: only 4 points count, so no trend, although 5 points never go down.
    assert trends([1, 2, 3, 3, 4]) == []


def test_a_trend_up_then_down_shares_its_turning_point() -> None:
    found = trends([1, 2, 3, 4, 5, 4, 3, 2, 1])
    assert [(t.direction, t.first, t.last) for t in found] == [("up", 0, 4), ("down", 4, 8)]


def test_runs_skip_points_on_the_median() -> None:
    # above, on, above, below, on, below, above: 3 runs among 5 useful points
    assert count_runs([9, 5, 8, 1, 5, 2, 7], 5) == (3, 5)


def test_the_runs_rule_needs_ten_useful_points() -> None:
    assert runs_test([1, 9] * 4 + [5], 5) is None  # 8 useful points
    assert runs_test([1, 9] * 5, 5) is not None


def _exact_tail(above: int, below: int, runs: int, low: bool) -> float:
    """P(R <= runs) or P(R >= runs) for random order, counted the slow way as a cross-check."""
    from itertools import combinations

    n = above + below
    hits = total = 0
    for tops in combinations(range(n), above):
        marks = [1 if i in tops else -1 for i in range(n)]
        r = 1 + sum(1 for i in range(1, n) if marks[i] != marks[i - 1])
        hits += (r <= runs) if low else (r >= runs)
        total += 1
    assert total == comb(n, above)
    return hits / total


def test_runs_limits_match_published_swed_and_eisenhart_critical_values() -> None:
    # Equal halves: runs at or below the lower critical value, or at or above the upper,
    # are significant at 5% (Swed and Eisenhart 1943, as printed in runs-test tables).
    published = {10: (2, 10), 20: (6, 16), 30: (10, 22), 40: (14, 28)}
    for useful, (low, high) in published.items():
        fewest, most = runs_limits(useful)
        assert (fewest - 1, most + 1) == (low, high), useful
    # Perla, Provost and Murray's Table 1, first row: 10 useful points, fewer than 3 or more than 9 runs.
    assert runs_limits(10) == (3, 9)


def test_runs_limits_are_the_exact_two_and_a_half_percent_tails() -> None:
    for useful in (10, 11, 12, 13, 14):
        fewest, most = runs_limits(useful)
        above, below = useful // 2, useful - useful // 2
        assert _exact_tail(above, below, fewest - 1, low=True) <= 0.025 < _exact_tail(above, below, fewest, low=True)
        assert _exact_tail(above, below, most + 1, low=False) <= 0.025 < _exact_tail(above, below, most, low=False)


def test_too_few_and_too_many_runs() -> None:
    clustered = [1] * 5 + [9] * 5 + [1] * 5 + [9] * 5  # 4 runs in 20 points: too few
    alternating = [1, 9] * 10  # 20 runs in 20 points: too many
    assert runs_test(clustered, 5).verdict == "too few"  # type: ignore[union-attr]
    assert runs_test(alternating, 5).verdict == "too many"  # type: ignore[union-attr]


def test_far_out_points_are_flagged_cautiously() -> None:
    assert far_out([10, 11, 9, 10, 12, 10, 11, 60, 10, 9]) == [7]
    assert far_out([10, 11, 9, 10, 12, 10, 11, 13, 10, 9]) == []  # the highest, but not blatantly different
    assert far_out([10, 60, 11]) == []  # too few points to judge


def test_the_runs_table_in_the_reference_page_is_what_the_engine_uses() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "reference" / "run-charts.md").read_text(encoding="utf-8")
    rows = {int(a): (int(b), int(c)) for a, b, c in re.findall(r"^\| (\d+) \| (\d+) \| (\d+) \|$", page, re.M)}
    assert sorted(rows) == list(range(10, 61))
    assert rows == {n: runs_limits(n) for n in range(10, 61)}


def test_the_reference_page_example_draws_and_its_caption_agrees() -> None:
    from pathlib import Path

    from sidebyside.charts.describe import contradictions

    page = (Path(__file__).resolve().parent.parent / "reference" / "run-charts.md").read_text(encoding="utf-8")
    block = page.split("```run-chart\n", 1)[1].split("```", 1)[0]
    reading = read(parse(block))
    assert reading.chart.caption and contradictions(reading.chart.caption, reading) == []
