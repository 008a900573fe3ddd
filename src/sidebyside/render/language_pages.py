"""What a reader sees about a page's language: the switcher, and the notices on translated pages.

A page in another language is one of three kinds: a translation, the original shown
because there is no translation yet (a fallback), or a page the engine makes (the
module list, the glossary) in that language. The notices' words come from the
engine's message catalogues, so they read in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from sidebyside.content.languages import Language
from sidebyside.content.translations import Translation
from sidebyside.i18n import messages_for
from sidebyside.render import translation_notices

TRANSLATED, FALLBACK, MADE = "translated", "fallback", "made"


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


def _shown_in(page: LanguagePage, message: str) -> Language:
    """The language a notice came out in: the reader's, or the original's while the catalogue lacks the message."""
    translated = messages_for(page.language.code).gettext(message) != message
    return page.language if translated or page.language.code == page.original.code else page.original


def name_in(language: Language, reader: Language) -> str:
    """A language's name in the reader's language ("Saesneg" for English, to a Welsh reader), from Babel's locale data."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.code.replace("-", "_")).get_language_name(reader.code.replace("-", "_")) or language.name
    except (UnknownLocaleError, ValueError):
        return language.name


def notices(page: LanguagePage, original_href: str) -> str:
    """The notices at the top of a page in another language: not translated yet, may be out of date, a draft."""
    code, original = page.language.code, name_in(page.original, page.language)
    if page.kind == FALLBACK:
        text = translation_notices.not_translated(page.language.name, original, code)
        return _notice(text, _shown_in(page, "This page has not been translated into {language} yet, so it is shown in {original}."))
    record = page.record
    if page.kind != TRANSLATED or record is None:
        return ""
    shown = ""
    if record.out_of_date:
        read = translation_notices.read_original(original, code)
        link = (
            f'<a href="{escape(original_href)}" data-sbs-language="{page.original.code}" '
            f'hreflang="{page.original.html_lang}">{escape(read)}</a>'
        )
        message = "This translation may be out of date: the {original} page changed after it was translated."
        shown += _notice(translation_notices.out_of_date(original, code), _shown_in(page, message), link)
    if record.draft:
        message = "This translation is a draft. A qualified translator has not checked it yet."
        shown += _notice(translation_notices.draft(code), _shown_in(page, message))
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


def entry_notice(page: LanguagePage, record: Translation, original_href: str) -> str:
    """The notice inside one glossary entry whose translation is behind the original's entry."""
    if not record.out_of_date:
        return ""
    code, original = page.language.code, name_in(page.original, page.language)
    read = translation_notices.read_original(original, code)
    link = f'<a href="{escape(original_href)}" data-sbs-language="{page.original.code}" hreflang="{page.original.html_lang}">{escape(read)}</a>'
    message = "This translation may be out of date: the {original} page changed after it was translated."
    return _notice(translation_notices.out_of_date(original, code), _shown_in(page, message), link)


def kept_from_original(translated: object, original: object, fields: tuple[str, ...] = ("summary", "outcomes")) -> set[str]:
    """Which of a translation's words the translator left out, so the page shows the original's instead
    (a translated module with no `summary`, say): those are marked with the original's language."""
    return {name for name in fields if getattr(translated, name, None) and getattr(translated, name) == getattr(original, name, None)}


def language_marks(language: Language) -> str:
    """The attributes that say a piece of text is in `language`: its voice, and its direction."""
    return f' lang="{language.html_lang}" dir="{language.direction}"'
