"""The few safe macros authors may use in pages, through mkdocs-macros.

`story("slug")` embeds a story card (only if its consent allows the web),
`term("slug")` links a glossary term, `course_version` is the version being built.
Nothing here can read the environment, the configuration or files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sidebyside.content.schema import did_you_mean
from sidebyside.render import web_pages
from sidebyside.render.links import GLOSSARY_INDEX

if TYPE_CHECKING:
    from sidebyside.site.plugin import SideBySidePlugin

# Variables mkdocs-macros offers by default that would let a page read things it must not.
UNSAFE_VARIABLES = ("environment", "config", "plugin", "git", "files", "navigation", "filters_builtin")


class MacroError(Exception):
    """A macro was used wrongly; mkdocs-macros turns this into a failed build."""


def install(config: MkDocsConfig, plugin: SideBySidePlugin) -> None:
    """Register our macros with mkdocs-macros, which must be listed before `sidebyside`."""
    names = list(config.plugins)
    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        return
    if names.index("macros") > names.index("sidebyside"):
        raise PluginError("In mkdocs.yml, list the `macros` plugin before `sidebyside`, so Side by Side can add its safe macros.")
    course = plugin.course
    assert course is not None

    def story(slug: str) -> str:
        found = course.story(slug)
        if found is None:
            guess = did_you_mean(slug, [s.slug for s in course.stories])
            raise MacroError(f'story("{slug}") does not match any story.' + (f' Did you mean story("{guess}")?' if guess else ""))
        if not found.allowed("web", plugin.today):
            return ""
        return web_pages.story_card(found, plugin.current_src or "index.md")

    def term(slug: str, text: str = "") -> str:
        found = course.term(slug)
        if found is None:
            guess = did_you_mean(slug, [t.slug for t in course.terms])
            raise MacroError(f'term("{slug}") does not match any glossary term.' + (f' Did you mean term("{guess}")?' if guess else ""))
        return f"[{text or found.term}]({plugin.link_from_current(GLOSSARY_INDEX)}#{found.slug})"

    macros_plugin.register_macros({"story": story, "term": term})
    macros_plugin.register_variables({"course_version": config.extra.get("version", "") or "draft"})
    for name in UNSAFE_VARIABLES:
        macros_plugin.variables.pop(name, None)


def has_macros(config: MkDocsConfig, markdown: str) -> bool:
    """Whether mkdocs-macros could change this Markdown (True when unsure)."""
    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        return False
    try:
        env = macros_plugin.env
    except AttributeError:
        return True
    if env.line_statement_prefix or env.line_comment_prefix:
        return True
    return any(start in markdown for start in (env.variable_start_string, env.block_start_string, env.comment_start_string))
