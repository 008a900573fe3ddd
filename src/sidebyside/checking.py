"""The work of `sidebyside check`: which files to report on, and how to report.

Kept out of cli.py so the command stays a few lines. Exit status: 0 no errors,
1 errors to fix in the content, 2 the checker or its setup is broken.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from sidebyside.checks.policy import BuildPolicy
from sidebyside.findings import Finding, Severity, errors_in, format_github, format_json, sort_key, summary_line

GITHUB_LIMIT = 50


class ChangedFilesError(Exception):
    """`--changed-since` could not ask git which files changed."""


def changed_since(root: Path, ref: str) -> set[str]:
    """Files changed between `ref` and the working tree (committed or not), relative to `root`."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
        done = subprocess.run(
            ["git", "diff", "--name-only", "--diff-filter=ACMRT", ref, "--"], cwd=root, capture_output=True, text=True, check=False
        )
        untracked = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard"], cwd=top, capture_output=True, text=True, check=False
        ).stdout
    except FileNotFoundError:
        raise ChangedFilesError("`--changed-since` needs git, and git is not installed.") from None
    except subprocess.CalledProcessError:
        raise ChangedFilesError(f"`--changed-since` needs a git repository, and {root} is not in one.") from None
    if done.returncode != 0:
        raise ChangedFilesError(
            f"git could not compare with `{ref}`: {done.stderr.strip() or 'unknown reference'}. "
            "Check the branch or commit name (in CI, fetch it first, for example `git fetch origin main`)."
        )
    changed: set[str] = set()
    for name in [*done.stdout.splitlines(), *untracked.splitlines()]:
        if not name.strip():
            continue
        path = (Path(top) / name).resolve()
        try:
            changed.add(path.relative_to(root.resolve()).as_posix())
        except ValueError:
            continue
    return changed


def only(findings: Iterable[Finding], wanted: set[str]) -> list[Finding]:
    """Findings in the wanted files or folders."""
    return [f for f in findings if f.path in wanted or any(f.path.startswith(w.rstrip("/") + "/") for w in wanted)]


def format_github_capped(findings: list[Finding], limit: int = GITHUB_LIMIT) -> str:
    """GitHub annotations, errors first, at most `limit` of them, with a note if some were left out."""
    ordered = sorted(findings, key=lambda f: (f.severity.rank, *sort_key(f)))
    text = format_github(ordered[:limit])
    if len(ordered) > limit:
        note = (
            f"::notice title=More findings::Showing the first {limit} of {len(ordered)} findings (errors first). "
            "Run `sidebyside check` to see them all, or read the job summary."
        )
        text = f"{text}\n{note}" if text else note
    return text


def markdown_summary(findings: list[Finding]) -> str:
    """A Markdown summary for the GitHub job page: counts, then each finding grouped by page."""
    lines = ["## Side by Side content check", "", summary_line(findings), ""]
    if not findings:
        lines.append("Every checked page is clear. Thank you!")
        return "\n".join(lines) + "\n"
    if errors_in(findings):
        lines += ["Errors must be fixed before this can be merged. Warnings and suggestions are advice.", ""]
    label = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.SUGGESTION: "Suggestion"}
    current = None
    for f in sorted(findings, key=sort_key):
        if f.path != current:
            lines += ["", f"### `{f.path}`", "", "| Where | What we noticed | Try instead | Why it matters |", "|---|---|---|---|"]
            current = f.path
        cells = [f"{label[f.severity]}, line {f.line}, column {f.column}", f.message, f.suggestion, f.why]
        lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def write_step_summary(findings: list[Finding]) -> None:
    """Append the summary to $GITHUB_STEP_SUMMARY when GitHub Actions provides it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(markdown_summary(findings))


def stops_build(findings: list[Finding], policy: BuildPolicy) -> list[Finding]:
    """The findings that would stop `sidebyside build --strict` (as CI and scripts/build run it)."""
    return [f for f in findings if policy.stops_strict_build(f)]


def strict_note(stopping: list[Finding]) -> str:
    """Why the check failed with no errors: warnings that the strict build refuses."""
    count = len(stopping)
    return (
        f"\n{count} warning{'s' if count != 1 else ''} above would stop the build (`sidebyside build --strict`, "
        "as CI runs it), so this check fails too. Fix "
        + ("it" if count == 1 else "them")
        + " first: "
        + "; ".join(f"{f.where}: {f.message}" for f in sorted(stopping, key=sort_key))
    )


def report(findings: list[Finding], fmt: str) -> str:
    from sidebyside.findings import format_for_people

    if fmt == "json":
        return format_json(findings)
    if fmt == "github":
        write_step_summary(findings)
        return format_github_capped(findings)
    return format_for_people(findings)
