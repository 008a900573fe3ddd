"""Checks running on a second core while the site is built.

Reading the course is needed before a page can be made, but checking it is not: the
checks only decide, at the end, whether the new site may replace the old one. So
`sidebyside build` checks in a forked child (see `sidebyside.reading`) while it
builds, then waits for the findings before the site is swapped in. No MkDocs here.
"""

from __future__ import annotations

from sidebyside.findings import Finding
from sidebyside.forking import Forked


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
