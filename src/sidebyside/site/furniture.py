"""Read the course's own details (trust, footer claim, contact, colours) from the plugin's options.

The MkDocs side only: the details themselves, and what they say, live in
render/furniture.py, shared with the handouts.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.exceptions import PluginError

from sidebyside.render.furniture import Furniture, checked_colour, contrast

log = logging.getLogger("mkdocs.plugins.sidebyside")

COLOURS_CSS = "trust-colours.css"
WHITE = "#ffffff"
EDIT_FEATURE = "content.action.edit"  # the theme's pencil: replaced by "Suggest a change" in the footer


def apply(found: Furniture, options: Any, config: Any) -> Furniture:
    """The course's details (read with the settings); wrong ones stop the build, missing ones are reported.

    Also takes the theme's edit pencil away (the footer has "Suggest a change") and
    shows the trust's logo in the header.
    """
    problems = found.problems()
    try:
        colours_css(options)
    except ValueError as exc:
        problems.append(str(exc))
    if problems:
        raise PluginError("mkdocs.yml has a problem:\n" + "\n".join(f"- {p}" for p in problems))
    for missing in found.missing():
        log.info(f"mkdocs.yml: the course has not set {missing}. Add it under the sidebyside plugin (see reference/reader-settings.md).")
    features = config.theme.get("features")
    if isinstance(features, list) and EDIT_FEATURE in features:
        features.remove(EDIT_FEATURE)
    if found.trust_logo:
        config.theme["logo"] = found.trust_logo
    return found


def colours_css(options: Any) -> str:
    """CSS for the trust's colours, or "" when none are set; ValueError when one cannot be read or is too faint."""
    colours = options.get("trust_colours") or {}
    header, links = colours.get("header") or "", colours.get("links") or ""
    rules = []
    if header:
        header = checked_colour("trust_colours.header", header)
        if contrast(header, WHITE) < 4.5:
            raise ValueError(
                f"The sidebyside option `trust_colours.header` is {header}: white writing on it would be hard to read "
                f"(contrast {contrast(header, WHITE):.1f} to 1; it needs at least 4.5 to 1). Choose a darker colour."
            )
        rules.append(
            f'[data-md-color-scheme="default"], [data-md-color-scheme="slate"] {{ --md-primary-fg-color: {header}; --md-primary-fg-color--dark: {header}; }}'
        )
    if links:
        links = checked_colour("trust_colours.links", links)
        if contrast(links, WHITE) < 4.5:
            raise ValueError(
                f"The sidebyside option `trust_colours.links` is {links}: links in it would be hard to read on white "
                f"(contrast {contrast(links, WHITE):.1f} to 1; it needs at least 4.5 to 1). Choose a darker colour."
            )
        rules.append(f'[data-md-color-scheme="default"] {{ --md-typeset-a-color: {links}; --sbs-box-border: {links}; }}')
    return "/* The trust's colours, from mkdocs.yml (trust_colours). */\n" + "\n".join(rules) + "\n" if rules else ""


def page_address(page: Any, site_url: str) -> str:
    """The page's full address when the site has one, else its title and path, for a report."""
    path = "/" + (page.url or "")
    if site_url:
        return site_url.rstrip("/") + path
    return f"{page.title} ({path})" if getattr(page, "title", None) else path
