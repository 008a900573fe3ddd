"""Keep the theme's compiled templates between builds.

MkDocs makes a new Jinja environment for every build, so Material's templates are
compiled again each time: about a third of a preview rebuild of a small course.
Compiled templates are kept in memory (for `sidebyside serve`) and in
`.sidebyside-cache/templates/` beside mkdocs.yml (for the next `sidebyside build`).
Jinja finds a template by its name and a checksum of its text, so an edited or
overridden template is compiled afresh; the folder is named after the Python and Jinja
versions and the environment's settings, so a change to those starts a new folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

CACHE_FOLDER = ".sidebyside-cache"


class _Cache(FileSystemBytecodeCache):
    """Files on disk, with the bytecode already read kept in `memory` (held by the build session)."""

    def __init__(self, directory: str, memory: dict[str, tuple[str, bytes]]) -> None:
        super().__init__(directory)
        self.memory = memory

    def load_bytecode(self, bucket: Bucket) -> None:
        held = self.memory.get(self.directory + bucket.key)
        if held is not None and held[0] == bucket.checksum:
            bucket.bytecode_from_string(held[1])
            return
        super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.memory[self.directory + bucket.key] = (bucket.checksum, bucket.bytecode_to_string())
        with contextlib.suppress(OSError):  # a read-only folder only costs speed
            super().dump_bytecode(bucket)


def _fingerprint(env: jinja2.Environment) -> str:
    settings = (
        sys.version,
        jinja2.__version__,
        sorted(env.extensions),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        str(env.autoescape),
    )
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:16]


def _folder(env: jinja2.Environment, project_dir: Path) -> Path:
    return project_dir / CACHE_FOLDER / "templates" / _fingerprint(env)


def install(env: jinja2.Environment, project_dir: Path, memory: dict[str, tuple[str, bytes]]) -> None:
    """Give the theme's environment the cache, unless it already has one; `memory` keeps
    what was read for the next build in this process (a preview's rebuilds)."""
    if env.bytecode_cache is not None:
        return
    folder = _folder(env, project_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    env.bytecode_cache = _Cache(str(folder), memory)


def compile_ahead(theme: Any, project_dir: Path) -> None:
    """Compile the theme's templates into the cache, when nothing is cached yet (a fresh
    clone, say). `sidebyside build` does this in its helper process while MkDocs converts
    the pages, so that the first page written finds them compiled."""
    env = theme.get_env()
    folder = _folder(env, project_dir)
    if folder.is_dir() and any(folder.iterdir()):
        return
    install(env, project_dir, {})
    languages = {f"partials/languages/{theme.get('language') or 'en'}.html", "partials/languages/en.html"}
    for name in env.list_templates(extensions=["html", "xml"]):
        if name.startswith(".") or (name.startswith("partials/languages/") and name not in languages):
            continue  # the icons, and the words of languages the site is not in
        with contextlib.suppress(Exception):  # a template that needs a plugin's filter is compiled when used
            env.get_template(name)
