"""Make small, real courses on disk for tests: mkdocs.yml, modules, terms and stories."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TODAY = "2026-11-25"
SIDEBYSIDE = Path(sys.executable).with_name("sidebyside")

# Every local contact filled in (not examples), so a test course has no reminder about them;
# tests of the contacts sheet change or remove these.
CONTACTS = {
    role: {"name": f"Test {role.replace('_', ' ')} team", "how": "Ask at the front desk"}
    for role in ("involvement_lead", "payments", "wellbeing", "pals", "icb", "trust")
}

# The offline copy (a second build, zipped) is off in tests for speed; tests of it turn it on.
MKDOCS_YML = {
    "site_name": "Test course",
    "site_url": "https://course.example.org/",
    "docs_dir": "docs",
    "theme": {"name": "material", "language": "en", "font": False, "features": ["navigation.indexes"]},
    "plugins": [
        "search",
        {"macros": {"on_error_fail": True, "on_undefined": "strict"}},
        {"sidebyside": {"offline_copy": False, "contacts": CONTACTS, "base_glossary": False}},
    ],
    "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences"],
    "validation": {"links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"}},
}


def module_meta(**overrides: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": "A test module",
        "summary": "A short module for testing.",
        "order": 1,
        "duration": 20,
        "outcomes": ["know what a test is"],
        "co_produced_with": [{"name": "Sam Jones", "role": "patient partner", "display": "full"}],
        "owner": "Test team",
        "last_reviewed": "2026-11-01",
        "next_review": "2027-11-01",
        "version": "1.0",
        "changes": [{"version": "1.0", "date": "2026-11-01", "changed": "First version."}],
        "sources": [{"title": "NHS website", "url": "https://www.nhs.uk/", "accessed": "2026-11-01"}],
    }
    meta.update(overrides)
    return {k: v for k, v in meta.items() if v is not None}


def _dates(value: Any) -> Any:
    """Turn YYYY-MM-DD strings into dates so they are written unquoted, as people write them."""
    if isinstance(value, dict):
        return {k: _dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _front(meta: dict[str, Any]) -> str:
    text = yaml.safe_dump(_dates(meta), sort_keys=False, allow_unicode=True)
    return f"---\n{text}---\n"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


class Course:
    """A course folder under a temporary directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "docs" / "index.md").write_text("# Home\n\nWelcome to the test course.\n", encoding="utf-8")
        self.config: dict[str, Any] = yaml.safe_load(yaml.safe_dump(MKDOCS_YML))
        self.write_config()

    def write_config(self) -> None:
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(self.config, sort_keys=False), encoding="utf-8")

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def module(self, folder: str = "01-test", body: str = "Some words.\n", **meta: Any) -> Path:
        return self.write(f"modules/{folder}/index.md", _front(module_meta(**meta)) + "\n" + textwrap.dedent(body))

    def term(self, slug: str, term: str, plain: str, body: str = "", **meta: Any) -> Path:
        data = {"term": term, "plain": plain, **meta}
        return self.write(f"glossary/{slug}.md", _front(data) + "\n" + body)

    def story(self, slug: str, body: str = "My story.\n", **meta: Any) -> Path:
        data: dict[str, Any] = {
            "title": f"Story {slug}",
            "teller": {"name": "Alex Smith", "display": "first-name", "role": "patient"},
            "kind": "illustrative",
        }
        data.update(meta)
        return self.write(f"stories/{slug}.md", _front(data) + "\n" + textwrap.dedent(body))

    def run(self, *args: str, timeout: int = 300) -> Result:
        env = {**os.environ, "SIDEBYSIDE_TODAY": TODAY}  # never from mkdocs.yml (see reference/options.md)
        done = subprocess.run([str(SIDEBYSIDE), *args], cwd=self.root, capture_output=True, text=True, timeout=timeout, env=env)
        return Result(done.returncode, done.stdout, done.stderr)

    def build(self, *args: str) -> Result:
        return self.run("build", "--strict", *args)

    def page(self, rel: str) -> str:
        return (self.root / "site" / rel).read_text(encoding="utf-8")


def tree_hash(folder: Path) -> str:
    """One hash of every path and byte under `folder`: equal hashes mean an untouched site."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()
