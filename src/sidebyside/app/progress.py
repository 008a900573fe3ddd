"""What a long build is doing: a progress bar on a terminal, plain lines in a log, nothing when quick.

A cold build of a big course runs for minutes. People at a terminal see a bar per
piece of work (pages, "handouts 37 of 206", the offline copy); CI logs (not a
terminal) get a plain line now and then. Work that finishes within `QUIET_SECONDS`
shows nothing at all, so a small course builds as quietly as before.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

QUIET_SECONDS = 2.0  # work quicker than this shows no progress
LOG_EVERY_SECONDS = 10.0  # how often a log (not a terminal) gets a line


class Task:
    """One piece of work with a known number of steps."""

    def __init__(self, progress: Progress, label: str, total: int) -> None:
        self.progress = progress
        self.label = label
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._logged = self.started
        self._bar: Any = None

    def advance(self, steps: int = 1) -> None:
        self.done = min(self.total, self.done + steps)
        self.progress._show(self)

    def finish(self) -> None:
        self.done = self.total
        self.progress._finish(self)

    def __enter__(self) -> Task:
        return self

    def __exit__(self, *exc: object) -> None:
        self.finish()


class Progress:
    """Progress for a whole command. `quiet` shows nothing (tests, `--quiet`)."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.terminal = bool(getattr(self.stream, "isatty", lambda: False)())
        self._live: Any = None

    def task(self, label: str, total: int) -> Task:
        return Task(self, label, total)

    def _show(self, task: Task) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if now - task.started < QUIET_SECONDS:
            return
        if self.terminal:
            self._bar_for(task)
            if self._live is not None:
                self._live.update(task._bar, completed=task.done)
        elif now - task._logged >= LOG_EVERY_SECONDS:
            task._logged = now
            print(f"{task.label}: {task.done} of {task.total}", file=self.stream, flush=True)

    def _bar_for(self, task: Task) -> None:
        if task._bar is not None:
            return
        if self._live is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as RichProgress

            self._live = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=False,
            )
            self._live.start()
        task._bar = self._live.add_task(task.label, total=task.total, completed=task.done)

    def _finish(self, task: Task) -> None:
        if self.quiet:
            return
        if task._bar is not None and self._live is not None:
            self._live.update(task._bar, completed=task.total)
            self._live.stop_task(task._bar)
        elif not self.terminal and time.monotonic() - task.started >= QUIET_SECONDS:
            print(f"{task.label}: {task.total} of {task.total}, done", file=self.stream, flush=True)

    def close(self) -> None:
        """End the bars (before the command prints its summary)."""
        if self._live is not None:
            self._live.stop()
            self._live = None
