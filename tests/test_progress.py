"""Progress on long work: a bar on a terminal, plain lines in a log, nothing when the work is quick."""

from __future__ import annotations

import io

import pytest

from sidebyside.app import progress
from sidebyside.app.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _work(shown: Progress, label: str = "Handouts", total: int = 5) -> None:
    with shown.task(label, total) as task:
        for _ in range(total):
            task.advance()
    shown.close()


def test_quick_work_shows_nothing() -> None:
    log, terminal = io.StringIO(), Terminal()
    _work(Progress(log))
    _work(Progress(terminal))
    assert log.getvalue() == "" and terminal.getvalue() == ""


def test_long_work_in_a_log_gets_plain_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "QUIET_SECONDS", 0.0)  # as if every step took long
    monkeypatch.setattr(progress, "LOG_EVERY_SECONDS", 0.0)
    log = io.StringIO()
    _work(Progress(log), "Handouts", 3)
    assert log.getvalue().splitlines() == ["Handouts: 1 of 3", "Handouts: 2 of 3", "Handouts: 3 of 3", "Handouts: 3 of 3, done"]
    assert "\x1b[" not in log.getvalue()  # no terminal codes in a log


def test_long_work_on_a_terminal_gets_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "QUIET_SECONDS", 0.0)
    terminal = Terminal()
    _work(Progress(terminal), "Handouts", 206)
    shown = terminal.getvalue()
    assert "Handouts" in shown and "206/206" in shown


def test_quiet_progress_never_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "QUIET_SECONDS", 0.0)
    terminal = Terminal()
    _work(Progress(terminal, quiet=True))
    assert terminal.getvalue() == ""
