"""Turn mkdocs-macros' error reports (a Markdown block with a traceback) into plain words.

mkdocs-macros logs a failed macro with a Python traceback and then stops the build.
Contributors need the file, the line and what to change, so we rewrite that log
record before anyone sees it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros.util"
FILE = re.compile(r"_File_: `(?P<src>[^`]+)`")
RENDER_ERROR = re.compile(r"^_(?P<kind>[A-Za-z]+)_: (?P<message>.+)$", re.M)
SYNTAX_ERROR = re.compile(r"_Line (?P<line>\d+) in Markdown file:_ \*\*(?P<message>.+?)\*\*\s*```markdown\s*\n(?P<text>.*?)\n", re.S)
TEMPLATE_LINE = re.compile(r'File "<template>", line (?P<line>\d+)')


@dataclass(frozen=True)
class PageSource:
    """Where a page's Markdown came from, so we can point at the line a person wrote."""

    rel: str  # the file in the repository, e.g. modules/01-welcome/index.md
    text: str  # that file's text
    rendered: str  # the Markdown the page was built from


def _source_line(source: PageSource, template_line: int | None, text: str | None) -> int:
    wanted = text
    if wanted is None and template_line is not None:
        lines = source.rendered.splitlines()
        if 0 < template_line <= len(lines):
            wanted = lines[template_line - 1]
    if wanted and wanted.strip():
        for number, line in enumerate(source.text.splitlines(), start=1):
            if wanted.strip() in line:
                return number
    return 1


def plain_message(message: str, lookup: Callable[[str], PageSource | None]) -> str | None:
    """The plain version of a mkdocs-macros error report, or None if it is not one."""
    if "_Macro Rendering Error_" not in message and "_Macro Syntax Error_" not in message:
        return None
    file_match = FILE.search(message)
    src = file_match.group("src") if file_match else ""
    source = lookup(src)
    rel = source.rel if source else (f"docs/{src}" if src else "a page")
    syntax = SYNTAX_ERROR.search(message)
    if syntax:
        line = _source_line(source, None, syntax.group("text")) if source else int(syntax.group("line"))
        return (
            f"{rel}:{line}: the text inside {{{{ }}}} or {{% %}} could not be read ({syntax.group('message')}). "
            "Check that every {{ has a matching }}, and that quotes are closed. "
            "To show curly brackets as they are, put the text in `code`."
        )
    error = next((m for m in RENDER_ERROR.finditer(message) if m.group("kind") != "File"), None)
    detail = error.group("message").strip() if error else "the macro failed"
    template = TEMPLATE_LINE.findall(message)
    line = _source_line(source, int(template[-1]), None) if source and template else 1
    kind = error.group("kind") if error else ""
    if kind == "UndefinedError":
        detail += '. Only story("..."), term("...") and course_version can be used in pages'
    end = "" if detail.endswith((".", "?", "!")) else "."
    return f"{rel}:{line}: a macro could not be used: {detail}{end}"


class MacroErrorFilter(logging.Filter):
    """Rewrites mkdocs-macros error records in place."""

    def __init__(self, lookup: Callable[[str], PageSource | None]) -> None:
        super().__init__()
        self.lookup = lookup

    def filter(self, record: logging.LogRecord) -> bool:
        plain = plain_message(record.getMessage(), self.lookup)
        if plain is not None:
            record.msg = plain
            record.args = ()
            record.levelno, record.levelname = logging.ERROR, "ERROR"
        return True


def install(lookup: Callable[[str], PageSource | None]) -> None:
    logger = logging.getLogger(MACROS_LOGGER)
    for old in [f for f in logger.filters if isinstance(f, MacroErrorFilter)]:
        logger.removeFilter(old)
    logger.addFilter(MacroErrorFilter(lookup))
