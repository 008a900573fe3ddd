"""The reference course builds the same with ProperDocs (a maintained fork of MkDocs 1.x) as with MkDocs.

MkDocs 1.x gets no more releases; ProperDocs is where the course goes if MkDocs
breaks. This builds the course's pages with both and compares every file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _copy_course(target: Path) -> Path:
    for name in ("docs", "modules", "glossary", "stories"):
        shutil.copytree(REPO / name, target / name)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # Pages only: the handouts and the offline copy are made by Side by Side, not by the host.
    text = text.replace("  - sidebyside:\n", "  - sidebyside:\n      handouts: false\n      offline_copy: false\n", 1)
    assert "handouts: false" in text
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return target


def _build(tool: str, course: Path, out: str) -> dict[str, bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(BIN / tool), "build", "--strict", "-q", "-d", out], cwd=course, capture_output=True, text=True, timeout=600, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = course / out
    return {
        p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix != ".gz"
    }


def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path: Path) -> None:
    course = _copy_course(tmp_path / "course")
    kept = course / ".sidebyside-cache" / "pages"
    with_mkdocs = _build("mkdocs", course, "with-mkdocs")
    by_mkdocs = len(list(kept.glob("*.json")))
    with_properdocs = _build("properdocs", course, "with-properdocs")
    assert by_mkdocs > 0
    assert len(list(kept.glob("*.json"))) == 2 * by_mkdocs  # ProperDocs converted every page itself, none kept by MkDocs
    assert sorted(with_properdocs) == sorted(with_mkdocs)
    assert "modules/welcome/index.html" in with_mkdocs
    different = [name for name in with_mkdocs if with_mkdocs[name] != with_properdocs[name]]
    assert different == []
