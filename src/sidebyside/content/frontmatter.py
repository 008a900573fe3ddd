"""Read a Markdown file's YAML front matter, remembering the line of every value.

PyYAML forgets where values came from once it builds Python objects, so we compose
the node tree ourselves and keep each key's line. Dates are left as text here: the
schema parses them, so an impossible date gets a plain message rather than a YAML one.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sidebyside.content.markdown_limits import costly_markdown
from sidebyside.findings import Finding, Severity, error

MAX_FILE_BYTES = 1_000_000


class LineDict(dict):
    """A mapping from front matter that knows the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A list from front matter that knows the line of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so we can check them ourselves."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The same loader on libyaml's C parser, when PyYAML has it: about ten times faster.
# Only used for front matter that parses cleanly; a file with a YAML mistake is parsed
# again with the pure Python loader above, whose messages our advice is written for.
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):
        """CSafeLoader that keeps dates as text, like _Loader."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = _Loader  # type: ignore[misc,assignment]


@dataclass
class Document:
    """A content file split into front matter and body."""

    path: Path
    rel: str
    meta: LineDict
    body: str
    body_line: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


class _Duplicate(Exception):
    def __init__(self, key: str, line: int) -> None:
        self.key = key
        self.line = line


def _build(node: yaml.Node, loader: Any, offset: int) -> Any:
    line = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result = LineDict(line)
        for key_node, value_node in node.value:
            key = _build(key_node, loader, offset)
            key = str(key) if key is not None else ""
            key_line = key_node.start_mark.line + 1 + offset
            if key in result:
                raise _Duplicate(key, key_line)
            result[key] = _build(value_node, loader, offset)
            result.lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LineList(line)
        for item in node.value:
            items.append(_build(item, loader, offset))
            items.lines.append(item.start_mark.line + 1 + offset)
        return items
    return loader.construct_object(node, deep=True)


def _yaml_advice(problem: str) -> str:
    problem = problem or ""
    if "\\t" in problem or "tab" in problem:
        return "YAML does not allow tabs. Indent with spaces instead (two spaces for each level)."
    if "mapping values are not allowed" in problem:
        return 'A value that contains a colon (:) needs quotes. Put the whole value in "double quotes".'
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "Check the indenting: items at the same level must line up, and lists start with '- '."
    if "found undefined alias" in problem or "found character" in problem:
        return 'Put the value in "double quotes" so special characters such as * & ! % @ are read as text.'
    return "Check the line for a missing colon, a stray character or uneven indenting."


def parse_yaml(text: str, rel: str, first_line: int) -> tuple[Any, list[Finding]]:
    """Parse YAML text that starts at `first_line` of file `rel`."""
    try:
        return _parse_yaml(text, rel, first_line)
    except RecursionError:  # lists in lists in lists..., hundreds deep
        return None, [
            error(
                rel,
                first_line,
                "front-matter-too-deep",
                "The front matter is nested too deeply to read (lists or fields inside each other hundreds of times).",
                "Front matter needs at most a few levels: write each field on its own line, as the examples in reference/content-formats.md do.",
            )
        ]


def _parse_yaml(text: str, rel: str, first_line: int) -> tuple[Any, list[Finding]]:
    if _FastLoader is not _Loader:
        fast = _FastLoader(text)
        try:
            node = fast.get_single_node()
            return (None if node is None else _build(node, fast, first_line - 1)), []
        except (yaml.YAMLError, _Duplicate):
            pass  # parse again below, for the same messages whichever parser is installed
        finally:
            fast.dispose()
    return _parse_yaml_slowly(text, rel, first_line)


def _parse_yaml_slowly(text: str, rel: str, first_line: int) -> tuple[Any, list[Finding]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        return _build(node, loader, first_line - 1), []
    except _Duplicate as dup:
        return None, [
            error(
                rel,
                dup.line,
                "front-matter-duplicate-key",
                f"`{dup.key}` is given twice in the front matter.",
                f"Keep one `{dup.key}` and delete the other.",
            )
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        column = (mark.column + 1) if mark else 1
        problem = (exc.problem or "").replace("\t", "\\t")
        return None, [
            Finding(
                rel,
                line,
                column,
                "front-matter-yaml",
                Severity.ERROR,
                f"The front matter (the fields between the two --- lines at the top) could not be read as YAML ({problem}).",
                _yaml_advice(problem),
            )
        ]
    except yaml.YAMLError as exc:  # errors without a position, such as bad characters
        return None, [
            error(rel, first_line, "front-matter-yaml", f"The front matter could not be read as YAML ({exc}).", _yaml_advice(str(exc)))
        ]
    finally:
        loader.dispose()


def read_text(path: Path, rel: str) -> tuple[str | None, list[Finding]]:
    """Read a content file as UTF-8 text, or explain why we cannot."""
    if path.is_symlink():
        return None, [
            error(
                rel,
                1,
                "file-symlink",
                "This file is a symbolic link. Content files must be real files inside the repository.",
                "Replace the link with a copy of the file.",
                "A link can point at files outside the repository, which must never reach the website.",
            )
        ]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            error(
                rel,
                1,
                "file-too-large",
                f"This file is {size / 1_000_000:.1f} MB. Content files must be under {MAX_FILE_BYTES // 1_000_000} MB.",
                "Split it into smaller pages, or move large images out of the text.",
            )
        ]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            error(
                rel,
                line,
                "file-encoding",
                "This file is not saved as UTF-8 text, so some characters cannot be read.",
                "Open it in your editor and save it with the UTF-8 encoding.",
            )
        ]
    if not text.strip():
        return None, [error(rel, 1, "file-empty", "This file is empty.", "Add the front matter and some text, or delete the file.")]
    if "\x00" in text:
        return None, [
            error(
                rel,
                text.count("\n", 0, text.index("\x00")) + 1,
                "file-nul",
                "This file has a NUL character (an invisible zero byte) in it, so it is not ordinary text.",
                "Delete the character: copy the text into a new file, or save it again as plain UTF-8 text.",
                "Programs stop reading text at a NUL, so what one shows and another publishes could differ.",
            )
        ]
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    line, problem = costly_markdown(text)
    if problem:
        return None, [
            error(
                rel,
                line,
                "markdown-too-costly",
                problem,
                "Fix this line, then build again.",
                "Text like this makes the build hang, so it is refused before Markdown reads it.",
            )
        ]
    return text, []


def split(text: str, rel: str) -> tuple[str | None, str, int, list[Finding]]:
    """Split text into (front matter, body, first body line)."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return (
            None,
            text,
            1,
            [
                error(
                    rel,
                    1,
                    "front-matter-missing",
                    "This file has no front matter (the fields such as `title:` between two --- lines at the top).",
                    "Start the file with a line of three dashes (---), the fields, and another line of three dashes.",
                )
            ],
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2, []
    return (
        None,
        text,
        1,
        [
            error(
                rel,
                1,
                "front-matter-unclosed",
                "The front matter is never closed.",
                "Add a line of three dashes (---) after the last field.",
            )
        ],
    )


def caching() -> bool:
    """False when SIDEBYSIDE_NO_CACHE is set (tests compare output with and without)."""
    return not os.environ.get("SIDEBYSIDE_NO_CACHE")


class DocumentCache:
    """Documents already read, by path, with the file's stat when read.

    `sidebyside serve` re-reads the course on every save: with one of these kept
    between rebuilds (the build session holds it), only changed files are parsed again.
    """

    def __init__(self) -> None:
        self._held: dict[tuple[Path, Path], tuple[tuple[int, int, int, int], Document]] = {}

    def read(self, path: Path, root: Path) -> Document:
        """Like `read_document`; a file unchanged since it was last read here (same size,
        modification time, inode and change time) is not parsed again."""
        if not caching():
            return _read_document(path, root)
        try:
            info = path.lstat()
        except OSError:
            return _read_document(path, root)
        stamp = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
        key = (path, root)
        cached = self._held.get(key)
        if cached is not None and cached[0] == stamp:
            doc = cached[1]
        else:
            doc = _read_document(path, root)
            self._held[key] = (stamp, doc)
        return dataclasses.replace(doc, findings=list(doc.findings))


def read_document(path: Path, root: Path, cache: DocumentCache | None = None) -> Document:
    """Read one content file into a Document; problems become findings, never exceptions.

    Callers must not change the Document (it may be shared through `cache`).
    """
    return cache.read(path, root) if cache is not None else _read_document(path, root)


def _read_document(path: Path, root: Path) -> Document:
    rel = path.relative_to(root).as_posix()
    text, findings = read_text(path, rel)
    empty = LineDict(1)
    if text is None:
        return Document(path, rel, empty, "", 1, findings)
    front, body, body_line, findings = split(text, rel)
    if front is None:
        return Document(path, rel, empty, body, body_line, findings)
    meta, findings = parse_yaml(front, rel, 2)
    if findings:
        return Document(path, rel, empty, body, body_line, findings)
    if meta is None:
        meta = LineDict(1)
    if not isinstance(meta, LineDict):
        return Document(
            path,
            rel,
            empty,
            body,
            body_line,
            [
                error(
                    rel,
                    2,
                    "front-matter-shape",
                    "The front matter must be a list of fields, one per line, like `title: My page`.",
                    "Write each field as a name, a colon and a value.",
                )
            ],
        )
    return Document(path, rel, meta, body, body_line)
