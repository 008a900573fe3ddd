"""Cache keys for handouts, from what goes into them, so a handout found in the cache costs no work.

A key covers the course records a handout is made from (source text and front
matter, as read), the image files it may use, the handout settings, the print
templates, stylesheets and fonts, the code that turns the records into HTML, and
the versions of the libraries that do the converting and printing. Change any of
them and the key changes; change none and the PDF is taken from the cache without
a line of Markdown converted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
from importlib import metadata
from pathlib import Path

from sidebyside import __version__

FORMAT = "2"
ENGINE = Path(__file__).resolve().parent.parent  # the sidebyside package
# The engine's code and files that make a handout's HTML and PDF.
MADE_BY = ("print", "render", "content", "publish", "i18n")  # i18n: the catalogues of the engine's words
LIBRARIES = ("weasyprint", "markdown", "pymdown-extensions", "jinja2", "segno", "pydyf", "tinycss2", "fonttools", "babel")


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


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def engine_fingerprint() -> str:
    """The engine's code, templates, stylesheets and fonts for handouts, and the libraries' versions."""
    digest = hashlib.sha256(f"format {FORMAT} sidebyside {__version__}\n".encode())
    for name in LIBRARIES:
        digest.update(f"{name} {_library_version(name)}\n".encode())
    for folder in MADE_BY:
        for path in sorted((ENGINE / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(ENGINE).as_posix()}:".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def handout_key(
    engine: str, settings: object, inputs: object, assets: tuple[Path, ...], memo: dict[int, tuple[object, str]] | None = None
) -> str:
    """The key of one handout: the engine, the settings, the records it is made from and its images.
    Pass the same `memo` (an empty dict to start) to every key of one build: see `canonical`."""
    digest = hashlib.sha256(engine.encode())
    for label, text in (("settings", canonical(settings, memo)), ("inputs", canonical(inputs, memo))):
        data = text.encode("utf-8")
        digest.update(f"{label}:{len(data)}:".encode())
        digest.update(data)
    for asset in assets:
        try:
            data = asset.read_bytes()
        except OSError:
            data = b"missing"
        digest.update(f"asset {asset.name}:{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()[:40]
