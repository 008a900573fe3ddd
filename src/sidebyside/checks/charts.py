"""Run chart blocks: the data can be read, and an author's caption agrees with the rules.

A caption that says "a shift" when the rules find none would teach readers to see
signals in noise, and people who cannot see the chart rely on its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sidebyside.charts import ChartError, parse, read
from sidebyside.charts.describe import contradictions
from sidebyside.checks import CheckContext
from sidebyside.checks.pages import pages
from sidebyside.content.model import Course
from sidebyside.findings import Finding, error

OPENING = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*run-chart\b")


@dataclass(frozen=True)
class ChartBlock:
    text: str
    first_line: int  # the file line of the block's first line inside the fence


def chart_blocks(body: str, body_line: int) -> Iterator[ChartBlock]:
    """Every ```run-chart block in a page body, with the file line its data starts on."""
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        match = OPENING.match(lines[index])
        if not match:
            index += 1
            continue
        indent, fence = len(match.group("indent")), match.group("fence")
        inside: list[str] = []
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            inside.append(lines[end][indent:] if lines[end][:indent].isspace() else lines[end].lstrip())
            end += 1
        yield ChartBlock("\n".join(inside), body_line + index + 1)
        index = end + 1


def check_charts(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for page in pages(course):
        if "run-chart" not in page.body or not context.wants(page.rel):
            continue
        for block in chart_blocks(page.body, page.body_line):
            try:
                chart = parse(block.text)
            except ChartError as exc:
                for problem in exc.problems:
                    findings.append(
                        error(
                            page.rel,
                            block.first_line + problem.line - 1,
                            "chart-data",
                            f"This run chart cannot be drawn: {problem.message}",
                            problem.suggestion,
                            "The chart and its words are made from these lines, so they must be complete.",
                        )
                    )
                continue
            if not chart.caption:
                continue
            wrong = contradictions(chart.caption, read(chart))
            if wrong:
                findings.append(
                    error(
                        page.rel,
                        block.first_line + chart.caption_line - 1,
                        "chart-caption",
                        "The caption does not match the chart. " + " ".join(wrong),
                        "Change the caption to say what the data show, or remove the `caption:` line to use the chart's own reading.",
                        "Readers trust the words under a chart, and people who cannot see it rely on them.",
                    )
                )
    return findings
