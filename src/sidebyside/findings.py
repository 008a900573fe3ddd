"""One record for everything the tool has to tell a contributor.

Loading, checking and building all report problems as findings, so that every
output (people, JSON, GitHub annotations) shows the same thing in the same words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How much a finding matters: errors block the build and CI."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "suggestion": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """Something we noticed in a file, with where it is and how to fix it."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    suggestion: str = ""
    why: str = ""

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.column}" if self.line else self.path


def error(path: str | Path, line: int, rule: str, message: str, suggestion: str = "", why: str = "", column: int = 1) -> Finding:
    return Finding(str(path), line, column, rule, Severity.ERROR, message, suggestion, why)


def warning(path: str | Path, line: int, rule: str, message: str, suggestion: str = "", why: str = "", column: int = 1) -> Finding:
    return Finding(str(path), line, column, rule, Severity.WARNING, message, suggestion, why)


def sort_key(finding: Finding) -> tuple[str, int, int, int]:
    return (finding.path, finding.line, finding.column, finding.severity.rank)


def errors_in(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


REPEAT_FILES = 3  # the same reminder in this many files or more is said once, with the list


def group_repeats(findings: Iterable[Finding]) -> tuple[list[list[Finding]], list[Finding]]:
    """The same message in several files, as groups (said once each), and the rest."""
    by_message: dict[tuple[str, str, str, str, str], list[Finding]] = {}
    for f in sorted(findings, key=sort_key):
        by_message.setdefault((f.rule, f.severity.value, f.message, f.suggestion, f.why), []).append(f)
    groups, rest = [], []
    for same in by_message.values():
        if len({f.path for f in same}) >= REPEAT_FILES:
            groups.append(same)
        else:
            rest += same
    return groups, sorted(rest, key=sort_key)


def places(same: list[Finding]) -> str:
    """Where a repeated finding is: "modules/a.md line 11, modules/b.md line 12"."""
    return ", ".join(f"{f.path} line {f.line}" if f.line else f.path for f in same)


def format_for_people(findings: Iterable[Finding], counted: Iterable[Finding] | None = None) -> str:
    """Group findings by file, in plain words: what we noticed, what to try, why it matters.

    The same reminder in several files is said once, with the list of places. The closing
    count is of `counted` when given (every finding, when only the errors are shown), so
    it matches what `sidebyside check` says."""
    findings = sorted(findings, key=sort_key)
    if not findings:
        return "No problems found."
    lines: list[str] = []
    groups, rest = group_repeats(findings)
    for same in groups:
        first = same[0]
        lines.append(f"In {len(same)} places: {first.severity.value}: {first.message}")
        lines.append(f"    Where: {places(same)}")
        if first.suggestion:
            lines.append(f"    Try: {first.suggestion}")
        if first.why:
            lines.append(f"    Why it matters: {first.why}")
    current = None
    for f in rest:
        if f.path != current:
            if lines:
                lines.append("")
            lines.append(f.path)
            current = f.path
        lines.append(f"  line {f.line}, column {f.column}: {f.severity.value}: {f.message}")
        if f.suggestion:
            lines.append(f"    Try: {f.suggestion}")
        if f.why:
            lines.append(f"    Why it matters: {f.why}")
    lines.append("")
    lines.append(summary_line(findings if counted is None else counted))
    return "\n".join(lines)


def summary_line(findings: Iterable[Finding]) -> str:
    findings = list(findings)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    return (
        f"Found {plural(counts[Severity.ERROR], 'error')}, "
        f"{plural(counts[Severity.WARNING], 'warning')} and "
        f"{plural(counts[Severity.SUGGESTION], 'suggestion')}."
    )


def format_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_dict() for f in sorted(findings, key=sort_key)], indent=2, ensure_ascii=False)


def format_one_line(finding: Finding) -> str:
    """A single line for build logs: where, what and the fix."""
    text = f"{finding.where}: {finding.message}"
    if finding.suggestion:
        text += f" {finding.suggestion}"
    return text


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions annotations, errors first."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}
    lines = []
    for f in sorted(findings, key=lambda f: (f.severity.rank, *sort_key(f))):
        message = f.message + (f" Try: {f.suggestion}" if f.suggestion else "")
        lines.append(
            f"::{level[f.severity]} file={_github_escape(f.path, True)},line={f.line},col={f.column},"
            f"title={_github_escape(f.rule, True)}::{_github_escape(message)}"
        )
    return "\n".join(lines)
