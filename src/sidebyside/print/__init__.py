"""Printable handouts: participant, large print, trainer pack, jargon buster and stories.

WeasyPrint renders them from the content model with its own print templates and CSS
(the built website's HTML does not print well). No MkDocs here: the glue that reads
mkdocs.yml lives in `sidebyside.app.handouts`.
"""

from sidebyside.print.documents import Handout, HandoutSettings, LanguageParts, plan_handouts
from sidebyside.print.pipeline import HandoutSet, RenderedHandout, render_handouts, render_module_handout, write_handouts

__all__ = [
    "Handout",
    "HandoutSet",
    "HandoutSettings",
    "LanguageParts",
    "RenderedHandout",
    "plan_handouts",
    "render_handouts",
    "render_module_handout",
    "write_handouts",
]
