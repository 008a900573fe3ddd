"""Work done in a forked child comes back whole, in order, with its errors."""

from __future__ import annotations

import os
import signal
import time

import pytest

from sidebyside.forking import ChildFailed, Forked, forking_is_safe


def test_results_come_back_in_order_then_the_end() -> None:
    child = Forked(lambda: (n * n for n in range(5)), name="test-squares")
    assert [child.receive() for _ in range(5)] == [0, 1, 4, 9, 16]
    with pytest.raises(StopIteration):
        child.receive()


def _fails():
    yield "first"
    raise ValueError("a word list is broken")


def test_an_error_in_the_child_is_raised_in_the_parent() -> None:
    child = Forked(_fails, name="test-fails")
    assert child.receive() == "first"
    with pytest.raises(ValueError, match="a word list is broken"):
        child.receive()


def _waits():
    yield os.getpid()
    time.sleep(60)
    yield "never"


def test_a_child_that_dies_is_reported_not_waited_for() -> None:
    child = Forked(_waits, name="test-dies")
    pid = child.receive()
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(ChildFailed, match="stopped before it finished"):
        child.receive()


def test_closing_stops_a_child_still_at_work() -> None:
    child = Forked(_waits, name="test-closed")
    pid = child.receive()
    assert not child.ready()  # still at work: the page writer does such a page itself
    child.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_one_process_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIDEBYSIDE_ONE_PROCESS", "1")
    assert not forking_is_safe()


def _proc_ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().split(") ")[1][0] in "ZX"  # gone, or a zombie awaiting its reaper
    except FileNotFoundError:
        return True


def test_a_helper_ends_when_its_parent_is_gone(tmp_path) -> None:
    """A parent that stops reading (Ctrl+C, a CI time-out) must not leave a helper blocked for ever."""
    import subprocess
    import sys

    script = tmp_path / "parent.py"
    script.write_text(
        "import os\n"
        "from sidebyside.forking import Forked\n"
        "def work():\n"
        "    yield os.getpid()\n"
        "    while True:\n"
        "        yield 'x' * 100_000\n"  # fills the pipe at once
        "child = Forked(work, name='test-orphan')\n"
        "print(child.receive(), flush=True)\n"
        "os._exit(0)\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    pid = int(done.stdout.strip())
    deadline = time.monotonic() + 20
    while not _proc_ended(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _proc_ended(pid)
