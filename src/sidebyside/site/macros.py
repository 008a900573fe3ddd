"""The few safe macros authors may use in pages, for sites that list mkdocs-macros.

`story("slug")` embeds a story card (only if its consent allows the web),
`term("slug")` links a glossary term, `course_version` is the version being built.

Side by Side runs them itself, in its own sandbox (render/macro_language.py), just
before mkdocs-macros would, and then tells mkdocs-macros to leave the page alone with
`render_macros: false`, the page setting mkdocs-macros documents for that. So pages
never reach mkdocs-macros' own Jinja environment, its variables (the configuration,
the environment, git, files) or Python modules, and nothing here depends on its
private parts. A page that says `render_macros: false` itself is left as written.
A macro that cannot be used always stops the build, whatever `on_error_fail` says.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sidebyside.content.schema import did_you_mean
from sidebyside.render import web_pages
from sidebyside.render.links import GLOSSARY_INDEX
from sidebyside.render.macro_language import Delimiters, MacroError, MacroLanguage, MacroProblem
from sidebyside.render.terms import MARKED_CLASS

if TYPE_CHECKING:
    from sidebyside.site.plugin import SideBySidePlugin

# mkdocs-macros options that bring in Python code or other files: never for pages from many people.
CODE_OPTIONS = ("modules", "include_yaml")


def language_for(config: MkDocsConfig) -> MacroLanguage | None:
    """The macro language of this site, with mkdocs-macros' braces; None if it does not list mkdocs-macros."""
    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        return None
    options = macros_plugin.config
    marks = {
        key: options.get(f"j2_{key}_string")
        for key in ("variable_start", "variable_end", "block_start", "block_end", "comment_start", "comment_end")
    }
    return MacroLanguage(Delimiters(**{k: v for k, v in marks.items() if v}))


def install(config: MkDocsConfig) -> None:
    """Check mkdocs-macros is set up so that only Side by Side's macros reach pages."""
    names = list(config.plugins)
    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        return
    if names.index("macros") > names.index("sidebyside"):
        raise PluginError("In mkdocs.yml, list the `macros` plugin before `sidebyside`, so Side by Side can add its safe macros.")
    options = macros_plugin.config
    local = Path(macros_plugin.project_dir) / str(options.get("module_name") or "main")
    if any(options.get(name) for name in CODE_OPTIONS) or local.with_suffix(".py").is_file() or (local / "__init__.py").is_file():
        raise PluginError(
            f"mkdocs-macros found Python code or other files to read ({local.name}.py, or `modules:` or `include_yaml:` "
            "in mkdocs.yml). Side by Side does not allow this, because pages come from many people. "
            "Remove the file or the option; pages can use story(), term() and course_version."
        )


def render_page(plugin: SideBySidePlugin, language: MacroLanguage, markdown: str) -> str:
    """The page's Markdown with its macros run, or PluginError naming the file and line."""
    course = plugin.course
    assert course is not None

    def story(slug: str) -> str:
        found = course.story(slug)
        if found is None:
            guess = did_you_mean(slug, [s.slug for s in course.stories])
            raise MacroError(f'story("{slug}") does not match any story.' + (f' Did you mean story("{guess}")?' if guess else ""))
        if not found.allowed(plugin.output, plugin.today):
            return ""
        return web_pages.story_card(found, plugin.current_src or "index.md")

    def term(slug: str, text: str = "") -> str:
        found = course.term(slug)
        if found is None:
            guess = did_you_mean(slug, [t.slug for t in course.terms])
            raise MacroError(f'term("{slug}") does not match any glossary term.' + (f' Did you mean term("{guess}")?' if guess else ""))
        # Marked for the linker, which makes it the page's one disclosure for this term
        # (the only way a word with an everyday meaning is linked).
        return f"[{text or found.term}]({plugin.link_from_current(GLOSSARY_INDEX)}#{found.slug}){{: .{MARKED_CLASS} }}"

    try:
        return language.render(markdown, {"story": story, "term": term}, {"course_version": plugin.version or "draft"})
    except MacroProblem as problem:
        rel, number = plugin.source_line(markdown, problem.line)
        where = f"{rel}, line {number}" if number else rel
        raise PluginError(f"{where}: {problem.message}") from None


def switched_off(meta: Mapping[str, Any]) -> bool:
    """Whether a page asks for its macros to be left as written."""
    return meta.get("render_macros") is False


def wanted(config: MkDocsConfig, meta: Mapping[str, Any]) -> bool:
    """Whether mkdocs-macros, as set up in mkdocs.yml, would run this page's macros."""
    if switched_off(meta):
        return False
    macros_plugin = config.plugins.get("macros")
    return macros_plugin is not None and (macros_plugin.config.get("render_by_default", True) or meta.get("render_macros") is True)
