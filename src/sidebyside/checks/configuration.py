"""Review mkdocs.yml as code: what in it can run code or reach outside the course.

Content comes from anyone through a pull request; configuration decides what the
engine does with it. Settings that can run code, read the environment, pull in other
files or switch the checks off are reported as changes a maintainer must review: as
errors in CI (where the environment variable CI is set), as warnings on a laptop.
Python tags are refused outright, before MkDocs reads the file, because reading them
would run code.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from sidebyside.findings import Finding, error, warning

PYTHON_TAG = re.compile(r"!!python/|tag:yaml\.org,2002:python/")
ENV_TAG = re.compile(r"!ENV\b")
KNOWN_PLUGINS = {"search", "macros", "sidebyside", "offline", "i18n", "tags"}
REVIEW = "Ask a maintainer (someone who can merge into main) to review this change before it is merged."


def python_tag_line(text: str) -> int:
    """The line of the first Python tag in a YAML file's text, or 0 if there is none."""
    found = PYTHON_TAG.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 0


class _AnyTag(yaml.SafeLoader):
    """Reads tags it does not know (!ENV, MkDocs' own) as their plain value, running nothing."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_AnyTag.add_multi_constructor("!", _plain)
_AnyTag.add_multi_constructor("tag:", _plain)


def _line(text: str, key: str) -> int:
    found = re.search(rf"^\s*-?\s*{re.escape(key)}\b", text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def review_configuration(config_file: Path) -> list[Finding]:
    """Findings about mkdocs.yml (errors in CI, warnings elsewhere), each with its line."""
    rel = config_file.name
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    if line := python_tag_line(text):
        return [
            error(
                rel,
                line,
                "config-python-tag",
                "mkdocs.yml uses a Python tag (`!!python/...`), which would run code when the file is read.",
                "Remove it. Side by Side never reads a file with one.",
            )
        ]
    report = error if os.environ.get("CI") else warning
    findings: list[Finding] = []

    def review(key: str, what: str, why: str, line: int | None = None) -> None:
        findings.append(report(rel, line or _line(text, key), "config-needs-review", f"{what} needs a maintainer's review.", REVIEW, why))

    if found := ENV_TAG.search(text):
        review(
            "!ENV",
            "`!ENV` reads the computer's environment, which",
            "In CI the environment holds secrets such as tokens.",
            text.count("\n", 0, found.start()) + 1,
        )
    try:
        data = yaml.load(text, Loader=_AnyTag) or {}
    except yaml.YAMLError:
        return findings  # MkDocs explains YAML mistakes itself
    if not isinstance(data, dict):
        return findings
    root = config_file.resolve().parent
    if data.get("hooks"):
        review(
            "hooks", "`hooks:` runs Python files during the build, which", "A hook can do anything the computer running the build can do."
        )
    for key in ("docs_dir", "site_dir"):
        value = data.get(key)
        if isinstance(value, str) and not (root / value).resolve().is_relative_to(root):
            review(
                key,
                f"`{key}: {value}` is outside the course folder, which",
                "The build would read or write files elsewhere on the computer.",
            )
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        review(
            "custom_dir",
            "`custom_dir` changes the theme's templates, which",
            "Templates can read settings and show anything on every page.",
        )
    for extension in data.get("markdown_extensions") or []:
        name = next(iter(extension)) if isinstance(extension, dict) and extension else extension
        if name == "pymdownx.snippets":
            review(
                "pymdownx.snippets",
                "`pymdownx.snippets` copies other files into pages, which",
                "It can publish files from outside the course.",
            )
    for plugin in data.get("plugins") or []:
        name = next(iter(plugin)) if isinstance(plugin, dict) and plugin else plugin
        options = plugin.get(name) if isinstance(plugin, dict) else None
        if isinstance(name, str) and name not in KNOWN_PLUGINS:
            review(name, f"The plugin `{name}`", "Plugins run code during every build.")
        if name == "sidebyside" and isinstance(options, dict) and options.get("checks") is False:
            review(
                "checks",
                "`checks: false` switches off the checks that keep pages safe and plain, which",
                "Without them, nothing stops unexplained jargon, personal details or unsafe content.",
            )
    return findings
