"""The gate for one piece of published HTML: allowed markup only, and no personal
details in the text a reader will see (unless the page's front matter allows that kind)."""

from __future__ import annotations

from collections.abc import Iterable

from sidebyside.publish.gate import GateProblem, check_html, explain
from sidebyside.publish.text import final_text


def gate(fragment: str, where: str, source: str = "", allowed: Iterable[str] = ()) -> None:
    """Raise GateProblem, naming `where` (and the file to fix), if `fragment` may not be published."""
    removed = check_html(fragment)
    if removed:
        raise GateProblem(explain(where, removed, source))
    from sidebyside.checks.personal_details import NAMES, find_details

    permitted = set(allowed)
    for kind, _, found in find_details(final_text(fragment)):
        if kind not in permitted:
            shown = found if len(found) <= 6 else found[:3] + "…"
            fix = f"Remove it from {source}" if source else "Remove it"
            raise GateProblem(
                f"{where} would publish what looks like {NAMES[kind]} ({shown}), so the build stopped. {fix}, or replace it with a "
                f"made-up example. If the person agreed to share it, add `allow_details: [{kind}]` to the page's front matter."
            )


def gate_page(page: str, where: str, source: str = "") -> None:
    """Raise GateProblem if a finished page (theme and all) has anything the site never has."""
    from sidebyside.publish.page import check_page, explain_page

    removed = check_page(page)
    if removed:
        raise GateProblem(explain_page(where, removed, source))
