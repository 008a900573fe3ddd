"""What every page and handout says about who runs the course and how to reach them.

The trust's name, the footer's claim, the contact route and the repository are
settings in mkdocs.yml (the sidebyside plugin's options). Nothing here claims what a
course has not set: with no settings the footer names the course and says no more.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from sidebyside.findings import Finding, Severity

WORD_FORM = "word.yml"  # .github/ISSUE_TEMPLATE/word.yml: the "word I did not understand" form
WORD_PLACEHOLDER = "__SBS_WORD__"  # where the script puts the word a reader was looking at
_REPOSITORY = re.compile(r"^https://github\.com/[\w.-]+/[\w.-]+/?$")


@dataclass(frozen=True)
class Furniture:
    """The course's own details, shown on every page and handout."""

    course_name: str = "Side by Side"
    trust_name: str = ""
    trust_logo: str = ""
    footer_note: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact_form: str = ""
    repository: str = ""  # https://github.com/owner/name

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_email or self.contact_phone or self.contact_form or self.repository)

    def problems(self) -> list[str]:
        """Settings that are wrong (each stops the build), in plain words."""
        found = []
        if self.repository and not _REPOSITORY.match(self.repository):
            found.append(
                f"The sidebyside option `repository` is {self.repository!r}. "
                "Write the address of the course's GitHub repository, for example https://github.com/your-trust/your-course"
            )
        if self.contact_email and ("@" not in self.contact_email or any(c in self.contact_email for c in " <>\"'?&")):
            found.append(
                f"The sidebyside option `contact_email` is {self.contact_email!r}. Write one email address, for example qi-team@example.nhs.uk"
            )
        if self.contact_form and not self.contact_form.startswith("https://"):
            found.append(f"The sidebyside option `contact_form` is {self.contact_form!r}. Write the form's full address, starting https://")
        return found

    def missing_findings(self) -> list[Finding]:
        """A reminder, as a finding on mkdocs.yml, for each detail the course has not set."""
        return [
            Finding(
                "mkdocs.yml",
                1,
                1,
                "course-settings",
                Severity.WARNING,
                f"The course has not set {missing}.",
                "Add it under the sidebyside plugin in mkdocs.yml (see reference/reader-settings.md).",
                "Readers see who runs the course and how to reach you on every page and handout.",
            )
            for missing in self.missing()
        ]

    def missing(self) -> list[str]:
        """What a course has not set yet, for a reminder in the build."""
        found = []
        if not self.trust_name:
            found.append("`trust_name` (who runs this course, shown on every page and handout)")
        if not self.has_contact:
            found.append("a way for readers to reach you: `contact_email`, `contact_phone`, `contact_form` or `repository`")
        return found

    @property
    def owner(self) -> str:
        """Who the footer says runs the course."""
        return self.trust_name or self.course_name

    # --- links -----------------------------------------------------------------------

    def word_report(self, page: str, word: str = "") -> str:
        """A link that reports a word a reader did not understand, with the page (and the word) filled in.

        A GitHub issue form when the repository is set, else an email to the course's
        contact; "" when the course has neither.
        """
        if self.repository:
            query = {
                "template": WORD_FORM,
                "title": f"A word I did not understand: {word}" if word else "A word I did not understand",
                "page": page,
            }
            if word:
                query["word"] = word
            return f"{self.repository.rstrip('/')}/issues/new?{urlencode(query, quote_via=quote)}"
        if self.contact_email:
            body = f"Page: {page}\nThe word (or words) I did not understand: {word}"
            return f"mailto:{self.contact_email}?" + urlencode({"subject": "A word I did not understand", "body": body}, quote_via=quote)
        return ""

    def suggest_change(self, edit_url: str | None) -> str:
        """Where "Suggest a change" goes: the page's file on GitHub, else the word report's route."""
        if edit_url:
            return edit_url
        if self.repository:
            return f"{self.repository.rstrip('/')}/issues/new"
        return ""

    # --- HTML ------------------------------------------------------------------------

    def contact_html(self) -> str:
        """ "Contact ...: email, phone, form", or "" when nothing is set."""
        routes = []
        if self.contact_email:
            routes.append(f'email <a href="mailto:{html.escape(self.contact_email)}">{html.escape(self.contact_email)}</a>')
        if self.contact_phone:
            tel = re.sub(r"[^\d+]", "", self.contact_phone)
            routes.append(f'phone <a href="tel:{html.escape(tel)}">{html.escape(self.contact_phone)}</a>')
        if self.contact_form:
            routes.append(f'<a href="{html.escape(self.contact_form)}">our contact form</a>')
        if not routes and self.repository:
            routes.append(f'write to us on <a href="{html.escape(self.repository.rstrip("/"))}/issues/new">GitHub</a>')
        if not routes:
            return ""
        joined = routes[0] if len(routes) == 1 else ", ".join(routes[:-1]) + " or " + routes[-1]
        return f"Contact {html.escape(self.owner)}: {joined}."

    def footer_html(self) -> str:
        """The footer shown on every page: who runs the course, the claim they make, how to reach them."""
        parts = [f'<span class="sbs-owner">{html.escape(self.owner)}</span>']
        if self.footer_note:
            parts.append(f'<span class="sbs-footer-note">{html.escape(self.footer_note)}</span>')
        contact = self.contact_html()
        if contact:
            parts.append(f'<span class="sbs-contact">{contact}</span>')
        return " ".join(parts)


def furniture_from(options: Any, site_name: str) -> Furniture:
    """The details from the plugin's options (a dict or MkDocs' Config)."""
    return Furniture(
        course_name=site_name or "Side by Side",
        trust_name=str(options.get("trust_name") or "").strip(),
        trust_logo=str(options.get("trust_logo") or "").strip(),
        footer_note=str(options.get("footer_note") or "").strip(),
        contact_email=str(options.get("contact_email") or "").strip(),
        contact_phone=str(options.get("contact_phone") or "").strip(),
        contact_form=str(options.get("contact_form") or "").strip(),
        repository=str(options.get("repository") or "").strip(),
    )
