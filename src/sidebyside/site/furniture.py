"""Put the course's own details (trust, footer claim, contact, logo) into MkDocs' configuration.

The MkDocs side only: the details themselves, and what they say, live in
render/furniture.py, shared with the handouts; the settings (app/settings.py) have
already stopped on a wrong one. The trust's colours are render/colours.py.
"""

from __future__ import annotations

import logging
from typing import Any

from sidebyside.render.furniture import Furniture

log = logging.getLogger("mkdocs.plugins.sidebyside")

EDIT_FEATURE = "content.action.edit"  # the theme's pencil: replaced by "Suggest a change" in the footer


def apply(found: Furniture, options: Any, config: Any) -> Furniture:
    """The course's details (read and checked with the settings); missing ones are reported.

    Also takes the theme's edit pencil away (the footer has "Suggest a change") and
    shows the trust's logo in the header.
    """
    for missing in found.missing():
        log.info(f"mkdocs.yml: the course has not set {missing}. Add it under the sidebyside plugin (see reference/reader-settings.md).")
    features = config.theme.get("features")
    if isinstance(features, list) and EDIT_FEATURE in features:
        features.remove(EDIT_FEATURE)
    if found.trust_logo:
        config.theme["logo"] = found.trust_logo
    return found


def page_address(page: Any, site_url: str) -> str:
    """The page's full address when the site has one, else its title and path, for a report."""
    path = "/" + (page.url or "")
    if site_url:
        return site_url.rstrip("/") + path
    return f"{page.title} ({path})" if getattr(page, "title", None) else path
