"""Shared fixtures: `course` makes a small real course folder in a temporary directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser_support import chromium, open_page, reference_site, site_url  # noqa: F401 (browser test fixtures)
from factory import TODAY, Course

REPO = Path(__file__).resolve().parent.parent
# Consent and review dates are checked against this date in every build a test runs
# (mkdocs.yml cannot set it: see reference/options.md).
os.environ.setdefault("SIDEBYSIDE_TODAY", TODAY)


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return Course(tmp_path / "course")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
