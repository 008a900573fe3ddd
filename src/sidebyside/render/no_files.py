"""A Jinja2 loader that refuses every file, shared by the website's and the handouts' macros."""

from __future__ import annotations

from typing import Any

import jinja2


class NoFiles(jinja2.BaseLoader):
    """A template loader that refuses every file: pages cannot include, import or extend."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        raise jinja2.TemplateNotFound(template, f'Pages cannot include other files ("{template}").')
