"""Material's own interface words ("Search", "Back to top", "Skip to content") in each page's language.

Material reads its words from `partials/languages/<theme.language>.html`: one language for
the whole site. Side by Side builds every language in one run, so it puts its own small
`partials/language.html` (in `theme/`, beside this file) in front of Material's templates,
and tells each page which of Material's languages to use. A language Material has no words
for falls back to the theme's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

THEME_DIR = Path(__file__).parent / "theme"
CONTEXT_KEY = "sbs_theme_language"


def install(theme: Any) -> None:
    """Put our template in front of Material's, behind the course's own `custom_dir` (which still wins)."""
    folder = str(THEME_DIR)
    if folder in theme.dirs:
        return
    at = 1 if theme.get("custom_dir") else 0
    theme.dirs.insert(at, folder)


def theme_language(theme: Any, code: str) -> str:
    """Material's language file for `code` (`cy`, `ur`, or `pt-BR`, then `pt`), or the theme's own language."""
    for candidate in (code, code.replace("_", "-").split("-")[0]):
        if any((Path(folder) / "partials" / "languages" / f"{candidate}.html").is_file() for folder in theme.dirs):
            return candidate
    return str(theme["language"])
