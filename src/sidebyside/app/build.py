"""Run the build's steps into a temporary folder and swap it in only when every step worked.

A failed build must leave the last good site/ whole, so readers and trainers never
meet a half-built course.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sidebyside.app.steps import Step, build_steps

if TYPE_CHECKING:
    from sidebyside.app.session import BuildSession


def build_site(session: BuildSession, site_dir: Path, *, strict: bool = False, steps: list[Step] | None = None) -> None:
    """Build the site and every output into `site_dir`, atomically."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        for step in steps if steps is not None else build_steps(strict):
            if step.wanted(session.settings):
                step.run(session, temporary)
        _swap(temporary, site_dir)
    finally:
        session.progress.close()
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)


def _swap(new: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    new.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
