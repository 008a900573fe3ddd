"""The notices a translated page and its handout show, in the page's own language.

The wording is agreed between the website and the handouts (issue 19): a page shown in
the original language because it is not translated yet, a translation that may be out
of date, and a translation not yet checked by a qualified translator.
"""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.i18n import messages_for


@dataclass(frozen=True)
class Notice:
    """A notice printed under a handout's title, and the web address it points to (if any)."""

    text: str
    address: str = ""


def not_translated(language_name: str, original_name: str, language: str) -> str:
    """Shown on a page that falls back to the original: in `language`, the reader's language."""
    text = messages_for(language).gettext("This page has not been translated into {language} yet, so it is shown in {original}.")
    return text.format(language=language_name, original=original_name)


def out_of_date(original_name: str, language: str) -> str:
    """Shown when the original changed after the translation was made (a link to the original follows)."""
    text = messages_for(language).gettext("This translation may be out of date: the {original} page changed after it was translated.")
    return text.format(original=original_name)


def read_original(original_name: str, language: str) -> str:
    """The words of the link to the original page."""
    return messages_for(language).gettext("Read the {original} page.").format(original=original_name)


def draft(language: str) -> str:
    """Shown on a translation no qualified translator has checked yet."""
    return messages_for(language).gettext("This translation is a draft. A qualified translator has not checked it yet.")


def parts_not_translated(language_name: str, original_name: str, language: str) -> str:
    """Under the title of a handout in `language` that shows some parts in the original."""
    text = messages_for(language).gettext(
        "Parts of this handout have not been translated into {language} yet, so they are shown in {original}."
    )
    return text.format(language=language_name, original=original_name)


def parts_out_of_date(original_name: str, language: str) -> str:
    """Under the title of a handout some of whose translated parts are behind their originals (each part says so too)."""
    text = messages_for(language).gettext(
        "Some parts of this handout may be out of date: the {original} pages changed after they were translated. Those parts say so."
    )
    return text.format(original=original_name)


def parts_draft(language: str) -> str:
    """Under the title of a handout with translations no qualified translator has checked yet."""
    return messages_for(language).gettext(
        "The translations in this handout are drafts. A qualified translator has not checked them all yet."
    )


def handout_notices(
    language: str, original_name: str, *, is_draft: bool, is_out_of_date: bool, original_address: str = ""
) -> tuple[Notice, ...]:
    """The notices a translated handout prints under its title, as its page shows them."""
    notices = []
    if is_out_of_date:
        text = f"{out_of_date(original_name, language)} {read_original(original_name, language)}"
        notices.append(Notice(text, original_address))
    if is_draft:
        notices.append(Notice(draft(language)))
    return tuple(notices)


__all__ = [
    "Notice",
    "draft",
    "handout_notices",
    "not_translated",
    "out_of_date",
    "parts_draft",
    "parts_not_translated",
    "parts_out_of_date",
    "read_original",
]
