"""Read and check a course on a second core while a build gets going.

`sidebyside build` needs the course only once MkDocs has read its settings and the
other plugins have started, and needs the checks only at the end. So a forked child
reads the course and sends it back (a copy arrives far faster than the files can be
parsed), then checks it and sends the findings. Where forking is not safe, both are
done here, at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from sidebyside.checks.background import PendingChecks
from sidebyside.content.model import Course
from sidebyside.findings import Finding
from sidebyside.forking import Forked, forking_is_safe

Reader = Callable[[], tuple[Course, list[Finding]]]
Checker = Callable[[Course], list[Finding]]


class CourseOnTheWay:
    """A course being read, and then checked, perhaps in a child process."""

    def __init__(self, child: Forked | None = None) -> None:
        self._child = child
        self._read: tuple[Course, list[Finding]] | None = None
        self._checks: PendingChecks | None = None

    @classmethod
    def ready(cls, course: Course, findings: list[Finding], checks: PendingChecks) -> CourseOnTheWay:
        on_the_way = cls()
        on_the_way._read, on_the_way._checks = (course, list(findings)), checks
        return on_the_way

    def course(self) -> tuple[Course, list[Finding]]:
        """The course and the problems found reading it, waiting for them if need be."""
        if self._read is None:
            assert self._child is not None
            try:
                self._read = self._child.receive()
            except BaseException:
                self.cancel()
                raise
            self._checks = PendingChecks(self._child)  # the same child sends the findings next
        course, findings = self._read
        return course, list(findings)

    @property
    def checks(self) -> PendingChecks:
        """The checks of the course (call `course()` first)."""
        self.course()
        assert self._checks is not None
        return self._checks

    def cancel(self) -> None:
        """Stop the child, if its work is no longer wanted."""
        if self._checks is not None:
            self._checks.cancel()
        elif self._child is not None:
            self._child.close()


def read_and_check(read: Reader, check: Checker, meanwhile: Callable[[], None] | None = None) -> CourseOnTheWay:
    """Start reading the course (with `read`) and then checking it (with `check`): in a forked child when
    that is safe, else here and now. In a child, `meanwhile` runs between the two (the
    build needs the course at once but the findings only at the end)."""
    if not forking_is_safe():
        course, findings = read()
        return CourseOnTheWay.ready(course, findings, PendingChecks.finished(check(course)))

    def work() -> Iterator[Any]:
        course, findings = read()
        yield course, findings
        if meanwhile is not None:
            with contextlib.suppress(Exception):  # only ever a head start on work the build would do
                meanwhile()
        yield check(course)

    return CourseOnTheWay(Forked(work, name="sidebyside-course"))
