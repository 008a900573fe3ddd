"""Work on a machine's second core: a function run in a forked child, its results read back in order.

A forked child starts with a copy of everything the parent has already made (the
course, the pages), so nothing has to be sent to it, and it starts in milliseconds.
Forking is only done where it is safe: on systems that have `fork`, and while no
other thread runs (a thread holding a lock at the fork would leave it locked in the
child for ever), and not when SIDEBYSIDE_ONE_PROCESS is set. Elsewhere callers do the
work themselves, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

_ITEM, _END, _ERROR = "item", "end", "error"


ONE_PROCESS_ENV = "SIDEBYSIDE_ONE_PROCESS"  # set to do all the work in one process


def forking_is_safe() -> bool:
    if os.environ.get(ONE_PROCESS_ENV):
        return False
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class ChildFailed(Exception):
    """The child stopped without finishing its work (killed, or out of memory)."""


class Forked:
    """`work()` running in a forked child; `receive()` returns what it yields, one at a time.

    An exception raised in the child is raised again by `receive()` in the parent.
    """

    def __init__(self, work: Callable[[], Iterable[Any]], name: str) -> None:
        fork = multiprocessing.get_context("fork")
        self._reader, writer = fork.Pipe(duplex=False)
        self._process = fork.Process(target=_run, args=(work, self._reader, writer), daemon=True, name=name)
        self._process.start()
        writer.close()
        self.finished = False

    def ready(self) -> bool:
        """Whether `receive()` would answer at once (a result, the end, or an error)."""
        return self.finished or self._reader.poll(0)

    def receive(self) -> Any:
        """The next result, waiting for it. Raises StopIteration when the work is done."""
        if self.finished:
            raise StopIteration
        try:
            kind, value = self._reader.recv()
        except (EOFError, OSError):
            self.close()
            raise ChildFailed(f"The helper process stopped before it finished (exit code {self._process.exitcode}).") from None
        if kind == _ITEM:
            return value
        self.close()
        if kind == _ERROR:
            raise value
        raise StopIteration

    def close(self) -> None:
        """Stop the child if it is still working, and tidy up."""
        if self.finished:
            return
        self.finished = True
        self._reader.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def _run(work: Callable[[], Iterable[Any]], reader: Any, writer: Any) -> None:
    # Without the parent's end of the pipe, a child whose parent has gone gets an error
    # at its next send, and ends, instead of waiting for ever on a full pipe.
    reader.close()
    try:
        for item in work():
            writer.send((_ITEM, item))
        writer.send((_END, None))
    except BaseException as exc:  # sent back, so the parent raises it where it waits
        _send_error(writer, exc)
    finally:
        writer.close()


def _send_error(writer: Any, exc: BaseException) -> None:
    for error in (exc, RuntimeError(f"{type(exc).__name__}: {exc}")):
        try:
            writer.send((_ERROR, error))
            return
        except OSError:  # the parent has stopped listening
            return
        except Exception:  # the exception cannot be pickled: send it as text
            continue


def stop_children() -> None:
    """End every helper still running (the command is ending: their work is not wanted)."""
    for child in multiprocessing.active_children():
        child.kill()
        child.join()
