"""A chart read by the rules: the median, and which points break which rule."""

from __future__ import annotations

from dataclasses import dataclass, field

from sidebyside.charts import rules
from sidebyside.charts.source import ChartSource, Marked


@dataclass
class Reading:
    """Everything the drawing, the words and the table need, worked out once."""

    chart: ChartSource
    median: float
    baseline: tuple[int, int]
    shifts: list[rules.Stretch]
    trends: list[rules.Stretch]
    runs: rules.RunsTest | None
    unusual: list[Marked]  # marked by the author
    far_out: list[int]  # found by the cautious rule, not marked by the author
    sides: list[int] = field(default_factory=list)

    @property
    def values(self) -> list[float]:
        return [p.value for p in self.chart.points]

    @property
    def labels(self) -> list[str]:
        return [p.label for p in self.chart.points]

    def in_shift(self, index: int) -> rules.Stretch | None:
        return next((s for s in self.shifts if index in s.indexes), None)

    def in_trend(self, index: int) -> rules.Stretch | None:
        return next((t for t in self.trends if index in t.indexes), None)

    def is_unusual(self, index: int) -> bool:
        return index in self.far_out or any(m.index == index for m in self.unusual)

    @property
    def signals(self) -> bool:
        """Whether any rule found a sign of non-random variation."""
        odd_runs = self.runs is not None and self.runs.verdict != "expected"
        return bool(self.shifts or self.trends or odd_runs or self.unusual or self.far_out)

    def shape(self, index: int) -> str:
        """How a point is drawn: unusual (diamond) over shift (square) over trend (triangle)."""
        if self.is_unusual(index):
            return "unusual"
        if self.in_shift(index):
            return "shift"
        trend = self.in_trend(index)
        if trend:
            return f"trend-{trend.direction}"
        return "point"


def read(chart: ChartSource) -> Reading:
    values = [p.value for p in chart.points]
    first, last = chart.baseline or (0, len(values) - 1)
    centre = rules.median(values[first : last + 1])
    marked = {m.index for m in chart.unusual}
    return Reading(
        chart=chart,
        median=centre,
        baseline=(first, last),
        shifts=rules.shifts(values, centre),
        trends=rules.trends(values),
        runs=rules.runs_test(values, centre),
        unusual=list(chart.unusual),
        far_out=[i for i in rules.far_out(values) if i not in marked],
        sides=rules.sides(values, centre),
    )
