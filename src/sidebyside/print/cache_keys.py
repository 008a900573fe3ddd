"""Cache keys for handouts, from what goes into them, so a handout found in the cache costs no work.

A key covers the course records a handout is made from (source text and front
matter, as read), the image files it may use, the handout settings, the print
templates, stylesheets and fonts, the code that turns the records into HTML, and
the versions of the libraries that do the converting and printing. Change any of
them and the key changes; change none and the PDF is taken from the cache without
a line of Markdown converted.
"""

from __future__ import annotations

from pathlib import Path

from sidebyside import __version__
from sidebyside.fingerprint import canonical, code_fingerprint, inputs_key

FORMAT = "2"
# The engine's code and files that make a handout's HTML and PDF.
MADE_BY = ("print", "render", "content", "publish", "i18n")  # i18n: the catalogues of the engine's words
LIBRARIES = ("weasyprint", "markdown", "pymdown-extensions", "jinja2", "segno", "pydyf", "tinycss2", "fonttools", "babel")


def engine_fingerprint() -> str:
    """The engine's code, templates, stylesheets and fonts for handouts, and the libraries' versions."""
    return code_fingerprint(f"handouts format {FORMAT} sidebyside {__version__}", MADE_BY, LIBRARIES)


def handout_key(
    engine: str, settings: object, inputs: object, assets: tuple[Path, ...], memo: dict[int, tuple[object, str]] | None = None
) -> str:
    """The key of one handout: the engine, the settings, the records it is made from and its images.
    Pass the same `memo` (an empty dict to start) to every key of one build: see `canonical`."""
    return inputs_key(engine, (("settings", canonical(settings, memo)), ("inputs", canonical(inputs, memo))), assets)
