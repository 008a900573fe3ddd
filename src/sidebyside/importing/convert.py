"""Run pandoc (Debian's package) to turn a document into Markdown that Python-Markdown
reads the same way: pipe tables, footnotes, fenced code, definition lists."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FORMATS = {".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html", ".md": "markdown", ".rmd": "markdown", ".myst": "markdown"}
TO = "markdown_strict+pipe_tables+footnotes+fenced_code_blocks+backtick_code_blocks+definition_lists-raw_html"


class ImportProblem(Exception):
    """The file could not be imported; the message says why and what to do."""


def to_markdown(source: Path, text: str | None, media: Path) -> str:
    """The document as Markdown; its pictures are written under `media`. `text`, when
    given, is read instead of the file (as pandoc's Markdown)."""
    if shutil.which("pandoc") is None:
        raise ImportProblem("Importing needs pandoc. Install it (on Debian or Ubuntu: sudo apt-get install pandoc) and try again.")
    reader = FORMATS.get(source.suffix.lower())
    if reader is None:
        raise ImportProblem(
            f"{source.name}: Side by Side can import .docx, .odt, .html, .md (MyST) and .Rmd files, not {source.suffix or 'files without an ending'}. "
            "Save it as one of those first (in Word: File, Save As, Word Document)."
        )
    command = ["pandoc", "--from", reader, "--to", TO, "--wrap=none", f"--extract-media={media}", "--sandbox"]
    try:
        done = subprocess.run(
            command if text is not None else [*command, str(source)],
            input=text,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ImportProblem(f"{source.name} took too long to convert. Try saving it again, or split it into smaller files.") from None
    if done.returncode != 0:
        raise ImportProblem(
            f"{source.name} could not be read: {done.stderr.strip() or 'pandoc stopped'}. Check it opens in its own program."
        )
    return done.stdout
