"""Sandbox pieces shared by the website's and the handouts' macros: no files, and where it failed."""

from __future__ import annotations

from typing import Any

import jinja2


class NoFiles(jinja2.BaseLoader):
    """A template loader that refuses every file: pages cannot include, import or extend."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        raise jinja2.TemplateNotFound(template, f'Pages cannot include other files ("{template}").')


def template_line(exc: BaseException) -> int | None:
    """The line of a Markdown page (a Jinja2 template) where rendering failed."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
