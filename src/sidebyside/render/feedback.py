"""The "something wrong?" box at the foot of every page: report a word, or tell the course team."""

from __future__ import annotations

import html

FEEDBACK_ANCHOR = "tell-us"


def feedback_box(contributing_href: str | None, word_report: str = "", word_template: str = "") -> str:
    """HTML for the box; either link may be missing.

    `word_template` is the report link with WORD_PLACEHOLDER where a word goes: the
    site's script uses it to offer "Still not clear? Tell us" beside each open meaning.
    """
    parts = ["<strong>Is something wrong or hard to understand?</strong> Please tell us: it helps everyone who reads this."]
    if word_report:
        template = f' data-sbs-word-report="{html.escape(word_template)}"' if word_template else ""
        parts.append(f'<a class="sbs-word-report" href="{html.escape(word_report)}"{template}>Tell us a word you did not understand</a>.')
    if contributing_href:
        href = html.escape(f"{contributing_href}#{FEEDBACK_ANCHOR}")
        parts.append(
            f'<a href="{href}">Other ways to tell the course team</a>.'
            if word_report
            else f'<a href="{href}">How to tell the course team</a>.'
        )
    return '<div class="sbs-feedback sbs-no-terms" role="note"><p>' + " ".join(parts) + "</p></div>"


def page_links(suggest_change: str) -> str:
    """The quiet links in a page's footer."""
    if not suggest_change:
        return ""
    return f'<span class="sbs-page-links"><a href="{html.escape(suggest_change)}" rel="edit">Suggest a change to this page</a></span>'
