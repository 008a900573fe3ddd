"""The engine's own words in other languages: gettext catalogues, made with Babel.

Every sentence Side by Side itself puts on a page or a handout ("Words in this module",
"Page 2 of 5", dates...) is an English message id. Translators work on the `.po`
catalogues in `locale/<code>/LC_MESSAGES/sidebyside.po` (template: `locale/sidebyside.pot`,
refreshed by `scripts/translations`). The `.po` files are compiled with Babel when first
asked for, in memory: no binary `.mo` file is kept in git.

English needs no catalogue: a language with none falls back to the English message.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import Environment

DOMAIN = "sidebyside"
LOCALE_DIR = Path(__file__).parent / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"


def catalogue_path(code: str) -> Path:
    """Where the catalogue of language `code` lives (it may not exist)."""
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalogue_languages() -> list[str]:
    """The languages that have a catalogue, by code."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _compile(po_file: Path) -> gettext.GNUTranslations:
    """A `.po` catalogue compiled with Babel, straight into gettext (no `.mo` on disk)."""
    with po_file.open("rb") as handle:
        catalogue = read_po(handle, locale=po_file.parent.parent.name, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


# Read-only after the first call: the catalogues are package data, and compiling one
# is the same work every time, so each process does it once per language.
@functools.cache
def messages_for(code: str) -> gettext.NullTranslations:
    """The engine's words in language `code`; the English message wherever there is no translation."""
    po_file = catalogue_path(base_language(code))
    if base_language(code) == "en" or not po_file.is_file():
        return gettext.NullTranslations()
    return _compile(po_file)


def base_language(code: str) -> str:
    """`cy` from `cy`, `cy-GB` or `cy_GB`: catalogues are kept per language, not per country."""
    return code.replace("_", "-").split("-")[0].lower() or "en"


def N_(message: str) -> str:
    """Mark a message for the catalogues where it is defined; it is translated where it is shown."""
    return message


def install(env: Environment, code: str) -> None:
    """Let the templates of `env` use `_()`, `ngettext()` and `{% trans %}` in language `code`."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(messages_for(code), newstyle=True)  # type: ignore[attr-defined]


__all__ = ["DOMAIN", "LOCALE_DIR", "N_", "TEMPLATE", "base_language", "catalogue_languages", "catalogue_path", "install", "messages_for"]
