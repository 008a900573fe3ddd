"""Cache keys: the fingerprint of the engine's own code and libraries, and a stable text of records.

A cached result (a passed page, a handout, a deck) is only good while the code that
made it is the same: the version number alone does not change when a developer edits
a file, so every cache key takes in the bytes of the code that makes the result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

ENGINE = Path(__file__).resolve().parent  # the sidebyside package


def library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def code_fingerprint(label: str, folders: Iterable[str], libraries: Iterable[str] = ()) -> str:
    """A hash of `label`, Python's version, the named libraries' versions and every file in the engine's `folders`."""
    digest = hashlib.sha256(f"{label}\npython {sys.version}\n".encode())
    for name in libraries:
        digest.update(f"{name} {library_version(name)}\n".encode())
    for folder in folders:
        for path in sorted((ENGINE / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(ENGINE).as_posix()}:".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def inputs_key(start: str, texts: Iterable[tuple[str, str]], files: Iterable[Path] = ()) -> str:
    """A cache key of labelled texts (records written by `canonical`) and the bytes of files
    (a picture, a template); a file that cannot be read counts as missing."""
    digest = hashlib.sha256(start.encode())
    for label, text in texts:
        data = text.encode("utf-8", "surrogatepass")
        digest.update(f"{label}:{len(data)}:".encode())
        digest.update(data)
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"missing"
        digest.update(f"file {path.name}:{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()[:40]


def canonical(value: object, memo: dict[int, tuple[object, str]] | None = None) -> str:
    """A text that is the same for equal values in any process (no hash-ordered sets, no ids).

    `memo` keeps the text of each record and collection already written, by identity, for
    many keys made at once: every handout holds the same glossary terms, and the course
    handout every module, so without it a warm build spent most of its time writing the
    same records again."""
    if memo is not None and (isinstance(value, dict | list | tuple | set | frozenset) or dataclasses.is_dataclass(value)):
        held = memo.get(id(value))
        if held is not None and held[0] is value:
            return held[1]
        text = _canonical(value, memo)
        memo[id(value)] = (value, text)  # the value is held, so its id is not reused
        return text
    return _canonical(value, memo)


def _canonical(value: object, memo: dict[int, tuple[object, str]] | None) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ", ".join(f"{f.name}={canonical(getattr(value, f.name), memo)}" for f in dataclasses.fields(value))
        return f"{type(value).__name__}({fields})"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{canonical(k, memo)}: {canonical(v, memo)}" for k, v in value.items())) + "}"
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(canonical(v, memo) for v in value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(canonical(v, memo) for v in value) + "]"
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if isinstance(value, Path | dt.date | dt.time):
        return repr(str(value))
    if value is None or isinstance(value, str | int | float | bool):
        return repr(value)
    raise TypeError(f"No cache key for a {type(value).__name__}")
