"""What a reader sees about a page's language: the switcher, and the notices on translated pages.

A page in another language is one of three kinds: a translation, the original shown
because there is no translation yet (a fallback), or a page the engine makes (the
module list, the glossary) in that language. The notices' words come from the
engine's message catalogues, so they read in the reader's language.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from html import escape

from sidebyside.content.languages import Language
from sidebyside.content.translations import Translation

TRANSLATED, FALLBACK, MADE = "translated", "fallback", "made"


def messages_for(code: str) -> gettext.NullTranslations:
    """The engine's catalogue for a language (English, or no catalogue yet: the words as written)."""
    try:
        from sidebyside.i18n import messages_for as catalogue  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:  # the catalogues arrive with the engine-strings half of issue 19
        return gettext.NullTranslations()
    translations: gettext.NullTranslations = catalogue(code)
    return translations


@dataclass(frozen=True)
class LanguagePage:
    """One page of the site in one language."""

    language: Language
    original: Language  # the course's own language
    src: str  # the original page's source path, e.g. modules/welcome/index.md
    kind: str  # TRANSLATED | FALLBACK | MADE
    record: Translation | None = None  # for a translation: what it was made from, and its review

    @property
    def shown_in(self) -> Language:
        """The language the page's text is written in."""
        return self.original if self.kind == FALLBACK else self.language


def _notice(text: str, language: Language, link: str = "") -> str:
    return (
        f'<div class="sbs-language-notice" role="note" lang="{language.html_lang}" dir="{language.direction}">'
        f"<p>{escape(text)}{(' ' + link) if link else ''}</p></div>"
    )


def _words_in(page: LanguagePage, message: str) -> tuple[str, Language]:
    """A message in the reader's language, and the language it came out in (the original's, while its catalogue lacks it)."""
    said = messages_for(page.language.code).gettext(message)
    return said, page.language if said != message or page.language.code == page.original.code else page.original


def notices(page: LanguagePage, original_href: str) -> str:
    """The notices at the top of a page in another language: not translated yet, may be out of date, a draft."""
    names = {"language": page.language.name, "original": page.original.name}
    if page.kind == FALLBACK:
        text, language = _words_in(page, "This page has not been translated into {language} yet, so it is shown in {original}.")
        return _notice(text.format(**names), language)
    record = page.record
    if page.kind != TRANSLATED or record is None:
        return ""
    shown = ""
    if record.out_of_date:
        text, language = _words_in(page, "This translation may be out of date: the {original} page changed after it was translated.")
        read, _ = _words_in(page, "Read the {original} page.")
        link = (
            f'<a href="{escape(original_href)}" data-sbs-language="{page.original.code}" '
            f'hreflang="{page.original.html_lang}">{escape(read.format(**names))}</a>'
        )
        shown += _notice(text.format(**names), language, link)
    if record.draft:
        text, language = _words_in(page, "This translation is a draft. A qualified translator has not checked it yet.")
        shown += _notice(text, language)
    return shown


def switcher(current: Language, languages: tuple[Language, ...], hrefs: dict[str, str]) -> str:
    """Links to this same page in every language, each named in its own language."""
    _ = messages_for(current.code).gettext
    items = []
    for language in languages:
        here = ' aria-current="page"' if language.code == current.code else ""
        items.append(
            f'<li><a href="{escape(hrefs[language.code])}" lang="{language.html_lang}" hreflang="{language.html_lang}" '
            f'dir="{language.direction}" data-sbs-language="{language.code}"{here}>{escape(language.name)}</a></li>'
        )
    label = escape(_("Languages"))
    return f'<nav class="sbs-languages" aria-label="{label}"><ul>{"".join(items)}</ul></nav>'
