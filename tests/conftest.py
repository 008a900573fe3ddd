"""Shared fixtures: `course` makes a small real course folder in a temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import chromium, open_page, reference_site, site_url  # noqa: F401 (browser test fixtures)
from factory import Course

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return Course(tmp_path / "course")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
