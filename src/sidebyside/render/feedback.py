"""The "something wrong?" box at the foot of every page: how to tell the course team, and edit the page."""

from __future__ import annotations

import html

from sidebyside.i18n import messages_for

FEEDBACK_ANCHOR = "tell-us"


def feedback_box(contributing_href: str | None, edit_url: str | None, language: str = "en") -> str:
    """HTML for the box, in the page's language; either link may be missing."""
    _ = messages_for(language).gettext
    parts = [
        "<strong>" + _("Is something wrong or hard to understand?") + "</strong> " + _("Please tell us: it helps everyone who reads this.")
    ]
    if contributing_href:
        href = html.escape(f"{contributing_href}#{FEEDBACK_ANCHOR}")
        parts.append(f'<a href="{href}">' + _("How to tell the course team") + "</a>.")
    if edit_url:
        link = f'<a href="{html.escape(edit_url)}" rel="edit">' + _("edit this page") + "</a>"
        parts.append(_("Or {edit_this_page} on GitHub and suggest a change.").format(edit_this_page=link))
    return '<div class="sbs-feedback sbs-no-terms" role="note"><p>' + " ".join(parts) + "</p></div>"
