"""The few safe macros authors may use in pages, through mkdocs-macros.

`story("slug")` embeds a story card (only if its consent allows the web),
`term("slug")` links a glossary term, `course_version` is the version being built.
Nothing here can read the environment, the configuration or files.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sidebyside.checks.untrusted import costly_macro_line
from sidebyside.content.frontmatter import caching
from sidebyside.content.schema import did_you_mean
from sidebyside.render import web_pages
from sidebyside.render.links import GLOSSARY_INDEX
from sidebyside.render.no_files import NoFiles, template_line
from sidebyside.render.terms import MARKED_CLASS

if TYPE_CHECKING:
    from sidebyside.site.plugin import SideBySidePlugin

# Variables mkdocs-macros offers by default that would let a page read things it must not.
UNSAFE_VARIABLES = ("environment", "config", "plugin", "git", "files", "navigation", "filters_builtin")
# The only variables a page may read. Everything else mkdocs-macros adds (the configuration,
# `extra`, the environment, git, `files`, `navigation`, `page`...) is removed before every page.
SAFE_VARIABLES = frozenset({"course_version"})
SAFE_MACROS = ("story", "term")

log = logging.getLogger("mkdocs.plugins.sidebyside")


class MacroFailed(Exception):
    """A macro in a page went wrong; the message names the file and line in plain words."""


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
        # Marked for the linker, which makes it the page's one disclosure for this term
        # (the only way a word with an everyday meaning is linked).
        return f"[{text or found.term}]({plugin.link_from_current(GLOSSARY_INDEX)}#{found.slug}){{: .{MARKED_CLASS} }}"

    _refuse_python_modules(macros_plugin)
    _sandbox(macros_plugin, plugin)
    macros_plugin.register_macros({"story": story, "term": term})
    macros_plugin.register_variables({"course_version": plugin.version or "draft"})
    _keep_safe_variables(macros_plugin)
    # mkdocs-macros adds `files` and `navigation` (on_nav) and `page` (each page) later:
    # remove them again just before each page is rendered.
    macros_plugin.pre_macro_functions.append(_keep_safe_variables)


def _keep_safe_variables(macros_plugin: Any) -> None:
    """Leave pages only our variables and macros (mkdocs-macros' own, like macros_info(), dump the configuration)."""
    for name in list(macros_plugin.variables):
        if name not in SAFE_VARIABLES:
            del macros_plugin.variables[name]
    env_globals = macros_plugin.env.globals
    for name in list(env_globals):
        if name not in SAFE_MACROS:
            del env_globals[name]


def _refuse_python_modules(macros_plugin: Any) -> None:
    """mkdocs-macros runs Python from `main.py` or `modules:`; content must never bring code."""
    options = macros_plugin.config
    local = Path(macros_plugin.project_dir) / str(options.get("module_name") or "main")
    if options.get("modules") or local.with_suffix(".py").is_file() or (local / "__init__.py").is_file():
        raise PluginError(
            f"mkdocs-macros found Python code to run ({local.name}.py or `modules:` in mkdocs.yml). "
            "Side by Side does not allow this, because pages come from many people. "
            "Remove the file or the `modules:` option; pages can use story(), term() and course_version."
        )


def _sandbox(macros_plugin: Any, plugin: SideBySidePlugin) -> None:
    """Swap mkdocs-macros' Jinja2 environment for a sandboxed one that reads no files."""
    old = macros_plugin.env
    env = _ReportingSandbox(
        plugin,
        loader=NoFiles(),
        undefined=jinja2.StrictUndefined,
        block_start_string=old.block_start_string,
        block_end_string=old.block_end_string,
        variable_start_string=old.variable_start_string,
        variable_end_string=old.variable_end_string,
        comment_start_string=old.comment_start_string,
        comment_end_string=old.comment_end_string,
        autoescape=False,
    )
    macros_plugin._env = env
    logging.getLogger("mkdocs.plugins.mkdocs_macros.util").addFilter(_DROP_DUMP)


class _ReportingSandbox(SandboxedEnvironment):
    """A sandbox whose templates say, in plain words and with the source line, what went wrong."""

    def __init__(self, plugin: SideBySidePlugin, **options: Any) -> None:
        super().__init__(**options)
        self.sidebyside = plugin

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if caching() and isinstance(source, str) and not may_be_template(self, source):
            return Verbatim(self, source)  # nothing for Jinja to do: skip parsing and compiling
        if isinstance(source, str) and (line := costly_macro_line(source)):
            # Jinja works out sums while it compiles, so ("ab" * 400000000) would fill the memory first.
            self._fail(source, MacroError("Macros in a page cannot do sums or join text together. Write the words into the page."), line)
        try:
            template = super().from_string(source, globals, template_class)
        except jinja2.TemplateSyntaxError as exc:
            self._fail(str(source), exc, exc.lineno)
        return _Rendering(self, template, str(source))

    def _fail(self, source: str, exc: BaseException, line: int | None) -> None:
        rel, number = self.sidebyside.source_line(source, line)
        where = f"{rel}, line {number}" if number else rel
        message = f"{where}: {_plain(exc)}"
        self.sidebyside.macro_errors.append(message)
        log.error(message)
        raise MacroFailed(message) from None


class _Rendering:
    """A template whose errors are reported plainly, then stop the build."""

    def __init__(self, env: _ReportingSandbox, template: jinja2.Template, source: str) -> None:
        self.env = env
        self.template = template
        self.source = source

    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return self.template.render(*args, **kwargs)
        except MacroFailed:
            raise
        except Exception as exc:
            self.env._fail(self.source, exc, template_line(exc))
            raise  # not reached: _fail raises


class Verbatim:
    """A page with no macro in it, rendered as Jinja would: the same text, line breaks as "\\n",
    one trailing line break removed (unless `keep_trailing_newline`)."""

    def __init__(self, env: jinja2.Environment, source: str) -> None:
        lines = _NEWLINE.split(source)[::2]
        if not env.keep_trailing_newline and lines[-1] == "":
            del lines[-1]
        self.text = env.newline_sequence.join(lines)

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self.text


_NEWLINE = re.compile(r"(\r\n|\r|\n)")  # Jinja's own line breaks (jinja2.lexer.newline_re)


def may_be_template(env: jinja2.Environment, text: str) -> bool:
    """Whether Jinja could do anything with this text (True when unsure)."""
    if env.line_statement_prefix or env.line_comment_prefix:
        return True
    return any(start in text for start in (env.variable_start_string, env.block_start_string, env.comment_start_string))


class _DropMacrosDump(logging.Filter):
    """mkdocs-macros logs its own long error page; ours names the file and line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Macro Rendering Error" not in record.getMessage()


_DROP_DUMP = _DropMacrosDump()


def _plain(exc: BaseException) -> str:
    allowed = 'In a page you can use {{ story("name-of-a-story-file") }}, {{ term("name-of-a-glossary-file") }} and {{ course_version }} (the file name without .md).'
    if isinstance(exc, jinja2.TemplateNotFound):
        return f'Pages cannot include other files ("{exc.name}"). Copy the text you need into the page instead.'
    if isinstance(exc, SecurityError):
        return f"This macro tries to reach something pages may not use ({exc}). Remove it. {allowed}"
    if isinstance(exc, jinja2.UndefinedError):
        return f"This macro uses something that is not available in pages ({exc.message}). {allowed}"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f'A macro could not be read ({exc.message}). Check the braces: macros look like {{{{ story("my-story") }}}}.'
    if isinstance(exc, MacroError):
        return str(exc)
    return f"A macro failed ({type(exc).__name__}: {exc}). {allowed}"


def has_macros(config: MkDocsConfig, markdown: str) -> bool:
    """Whether mkdocs-macros could change this Markdown (True when unsure)."""
    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        return False
    try:
        env = macros_plugin.env
    except AttributeError:
        return True
    return may_be_template(env, markdown)
