"""The build as a list of steps, in order: the website, then each output made from it.

Each step gets the session (settings, course, what earlier steps made) and the
temporary folder the new site is built in, and raises BuildFailed on a problem. A new
output (slides, an Easy Read edition...) is a new step in `build_steps`; the offline
copy stays last, because it holds what the others made.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sidebyside.app.errors import BuildFailed
from sidebyside.app.handouts import HandoutsStep
from sidebyside.app.offline import OfflineStep
from sidebyside.app.settings import Settings

if TYPE_CHECKING:
    from sidebyside.app.session import BuildSession


class Step(Protocol):
    name: str

    def wanted(self, settings: Settings) -> bool: ...

    def run(self, session: BuildSession, site_dir: Path) -> None: ...


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors so we can report them plainly."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class SiteStep:
    """The website: MkDocs, once, with the session handed to the sidebyside plugin."""

    name = "website"

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict

    def wanted(self, settings: Settings) -> bool:
        return True

    def run(self, session: BuildSession, site_dir: Path) -> None:
        from mkdocs import exceptions
        from mkdocs.commands import build

        config = session.mkdocs_config
        config.site_dir = str(site_dir)
        config.strict = self.strict
        collect = _Collect()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(collect)
        try:
            build.build(config)
        except (exceptions.Abort, exceptions.BuildError, SystemExit) as exc:
            raise BuildFailed(_explain(collect.records, exc)) from None
        finally:
            mkdocs_log.removeHandler(collect)


def _explain(records: list[logging.LogRecord], exc: BaseException) -> str:
    text = "The problems are listed above." if records else (str(exc) or "The build stopped.")
    if "in strict mode" in str(exc):
        text += "\n\nThe build treats warnings as errors (strict mode). Fix the warnings above."
    return text


def build_steps(strict: bool = False) -> list[Step]:
    """Every step of `sidebyside build`, in order."""
    return [SiteStep(strict), HandoutsStep(), OfflineStep()]
