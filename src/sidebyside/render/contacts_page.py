"""Markdown for the "Who to contact here" page, made from the local contacts settings.

The page lives at /contacts/ so modules and printed handouts can point at it. While the
settings are examples or missing, the page says so plainly, so nobody rings a made-up number.
"""

from __future__ import annotations

from sidebyside.content.contacts import Contact, LocalContacts
from sidebyside.render.links import relative
from sidebyside.render.web_pages import html_text

CONTACTS_PAGE = "contacts/index.md"
CONTACTS_HANDOUT = "contacts.pdf"
TITLE = "Who to contact here"
EXAMPLES_TITLE = "These are examples, not real contacts"
EXAMPLES_TEXT = (
    "The names and numbers on this page are made up, to show what goes here. "
    "Do not use them. Ask the person who invited you for the real contacts where you are."
)
NOT_FILLED = "Not filled in yet. Ask the person who invited you."


def contact_rows(contacts: LocalContacts) -> list[tuple[Contact, str, str]]:
    """(contact, who, how to reach them) for every role, with a plain note where it is not filled in."""
    return [(c, c.name or NOT_FILLED, c.how if c.filled else "") for c in contacts.contacts]


def contacts_page(contacts: LocalContacts, handout: str = "") -> str:
    """The page: why it matters, an examples warning if needed, then every role."""
    lines = [
        f"# {TITLE}",
        "",
        "These are the people and teams you can go to here, at your own NHS trust. "
        "You can ask them questions at any time, before, during or after your improvement work.",
        "",
    ]
    if contacts.examples:
        lines += [f'!!! warning "{EXAMPLES_TITLE}"', f"    {EXAMPLES_TEXT}", ""]
    elif contacts.missing:
        lines += [
            '!!! note "Some contacts are not filled in yet"',
            "    The course team has not added every contact yet. Ask the person who invited you.",
            "",
        ]
    for contact, who, how in contact_rows(contacts):
        lines += [f"## {html_text(contact.role)}", "", html_text(contact.about), ""]
        body = [f"<p><strong>Who:</strong> {html_text(who)}</p>"]
        if how:
            body.append(f"<p><strong>How to reach them:</strong> {html_text(how)}</p>")
        if contact.note:
            body.append(f"<p>{html_text(contact.note)}</p>")
        marker = " sbs-example" if contacts.examples else ""
        lines += [f'<div class="sbs-contact sbs-no-terms{marker}">' + "".join(body) + "</div>", ""]
    lines += [
        "## If you need help now",
        "",
        "For a health worry, contact your GP or call NHS 111. In an emergency, call 999. "
        "You can call Samaritans free on 116 123, day or night.",
        "",
    ]
    if handout:
        lines += [f"[Print this page as a handout (PDF)]({relative(CONTACTS_PAGE, handout)})", ""]
    return "\n".join(lines)
