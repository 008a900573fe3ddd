"""Run the checks on a second core while the site is built.

Reading the course is needed before a page can be made, but checking it is not: the
checks only decide, at the end, whether the new site may replace the old one. So
`sidebyside build` checks in a forked child while it builds, then waits for the
findings before the site is swapped in. Where forking is not safe, the checks run at
once instead. No MkDocs here.
"""

from __future__ import annotations

from sidebyside.checks import CheckContext, run_checks
from sidebyside.content.model import Course
from sidebyside.findings import Finding
from sidebyside.forking import Forked, forking_is_safe


class PendingChecks:
    """Findings that will be ready later; `result()` waits for them."""

    def __init__(self, child: Forked | None = None, findings: list[Finding] | None = None) -> None:
        self._child = child
        self._findings = findings

    @classmethod
    def finished(cls, findings: list[Finding]) -> PendingChecks:
        return cls(findings=list(findings))

    @property
    def done(self) -> bool:
        return self._child is None

    def result(self) -> list[Finding]:
        """The findings, waiting for the child if it is still checking; raises what the checks raised."""
        if self._child is not None:
            child, self._child = self._child, None
            try:
                self._findings = child.receive()
            finally:
                child.close()
        return list(self._findings or [])

    def cancel(self) -> None:
        """Stop the child when its findings are no longer wanted (the build failed first)."""
        if self._child is not None:
            self._child.close()
            self._child = None


def start_checks(course: Course, context: CheckContext) -> PendingChecks:
    """Start every check on the course; in a forked child when that is safe, else now
    (then a check that cannot run raises here, as `run_checks` does)."""
    if not forking_is_safe():
        return PendingChecks.finished(run_checks(course, context))
    return PendingChecks(Forked(lambda: [run_checks(course, context)], name="sidebyside-checks"))
