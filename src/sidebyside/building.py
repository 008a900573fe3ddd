"""Build the site into a temporary folder and swap it in only when everything worked.

A failed build must leave the last good site/ whole, so readers and trainers never
meet a half-built course.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from sidebyside.project import ProjectError, load_mkdocs_config

# Steps that add to a built site (handouts, offline copy...). Each gets the project's
# config file and the temporary site folder, and raises BuildFailed on a problem.
AfterBuild = Callable[[Path, Path], None]
AFTER_BUILD: list[AfterBuild] = []


class BuildFailed(Exception):
    """The build did not succeed; the message says why in plain words."""


def _offline_copy(config_file: Path, site_dir: Path) -> None:
    from sidebyside.offline import make_offline_copy

    make_offline_copy(config_file, site_dir)


# The offline copy holds the handouts, so it runs after every other step.
_offline_copy.runs_last = True  # type: ignore[attr-defined]
AFTER_BUILD.append(_offline_copy)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors so we can report them plainly."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site(config_file: Path, site_dir: Path, *, strict: bool = False, echo: Callable[[str], None] = print) -> None:
    """Build the site (and every after-build step) into `site_dir`, atomically."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collect)
    try:
        try:
            config = load_mkdocs_config(config_file, site_dir=str(temporary), strict=strict)
            build(config)
        except ProjectError as exc:
            raise BuildFailed(str(exc)) from None
        except (exceptions.Abort, exceptions.BuildError, SystemExit) as exc:
            raise BuildFailed(_explain(collect.records, exc)) from None
        for step in sorted(AFTER_BUILD, key=lambda s: getattr(s, "runs_last", False)):
            step(config_file, temporary)
        _swap(temporary, site_dir)
    finally:
        mkdocs_log.removeHandler(collect)
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)


def _explain(records: list[logging.LogRecord], exc: BaseException) -> str:
    text = "The problems are listed above." if records else (str(exc) or "The build stopped.")
    if "in strict mode" in str(exc):
        text += "\n\nThe build treats warnings as errors (strict mode). Fix the warnings above."
    return text


def _swap(new: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    new.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _register_handouts() -> None:
    """Printable handouts go into every built site (switch off with `handouts: false`)."""
    from sidebyside.handouts import write_handouts_step

    if write_handouts_step not in AFTER_BUILD:
        AFTER_BUILD.append(write_handouts_step)


_register_handouts()
