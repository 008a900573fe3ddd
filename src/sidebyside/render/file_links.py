"""Links in a built page made to work when it is opened from a file, not a web server.

A web server answers "modules/first-steps/" with that folder's index.html; a browser
reading files does not. So every relative link to a folder gets "index.html" added.
Links to other sites, to files, and to places on the same page are left alone.
"""

from __future__ import annotations

import re

LINK = re.compile(r'\b(href|src)="([^"]*)"')
HAS_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def file_link(url: str) -> str:
    """`url` made to work from files: "../glossary/#aim" becomes "../glossary/index.html#aim"."""
    if not url or url.startswith(("#", "/", "?")) or HAS_SCHEME.match(url):
        return url
    path, hash_mark, anchor = url.partition("#")
    path, question, query = path.partition("?")
    if path.rsplit("/", 1)[-1] in (".", ".."):  # "..", "../..": a folder too
        path += "/"
    if not path.endswith("/"):
        return url
    return f"{path}index.html{question}{query}{hash_mark}{anchor}"


def for_files(html: str) -> str:
    """Every folder link in `html` (href and src attributes) made to lead to its index.html."""
    return LINK.sub(lambda m: f'{m.group(1)}="{file_link(m.group(2))}"', html)
