"""The "something wrong?" box at the foot of every page: how to tell the course team, and edit the page."""

from __future__ import annotations

import html

FEEDBACK_ANCHOR = "tell-us"


def feedback_box(contributing_href: str | None, edit_url: str | None) -> str:
    """HTML for the box; either link may be missing."""
    parts = ["<strong>Is something wrong or hard to understand?</strong> Please tell us: it helps everyone who reads this."]
    if contributing_href:
        href = html.escape(f"{contributing_href}#{FEEDBACK_ANCHOR}")
        parts.append(f'<a href="{href}">How to tell the course team</a>.')
    if edit_url:
        parts.append(f'Or <a href="{html.escape(edit_url)}" rel="edit">edit this page</a> on GitHub and suggest a change.')
    return '<div class="sbs-feedback sbs-no-terms" role="note"><p>' + " ".join(parts) + "</p></div>"
