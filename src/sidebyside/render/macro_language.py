"""The few macros a page may use, run in a sandbox that cannot be made to work hard.

Authors write `{{ story("slug") }}`, `{{ term("slug") }}` and `{{ course_version }}`,
perhaps with a filter such as `| upper`. That is the whole language: every page is
parsed with Jinja2 and each part of it checked against this list before anything runs.
So there are no loops, sums, joins, ranges, attributes or included files to misuse,
and `{{ (9**9)**(9**9) }}` or `{{ "ab" * 400000000 }}` is refused as written, before
Jinja could work it out. What a page makes is limited in size and time too, and deep
nesting is refused with a message instead of a fault.

The website (site/plugin.py) and the handouts (print/macros.py) both use it, with
their own `story` and `term`. Knows nothing of MkDocs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from sidebyside.render.no_files import NoFiles

FILTERS = frozenset({"upper", "lower", "title", "capitalize", "trim", "e", "escape"})
MAX_OUTPUT = 4_000_000  # characters a page's macros may make
MAX_SECONDS = 10.0  # time a page's macros may take
ALLOWED = 'In a page you can use {{ story("name-of-a-story-file") }}, {{ term("name-of-a-glossary-file") }} and {{ course_version }} (the file name without .md).'


class MacroProblem(Exception):
    """A macro that cannot be used: the message in plain words, and the line in the text."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Delimiters:
    """How macros are marked (mkdocs-macros lets a site change the braces)."""

    variable_start: str = "{{"
    variable_end: str = "}}"
    block_start: str = "{%"
    block_end: str = "%}"
    comment_start: str = "{#"
    comment_end: str = "#}"

    def starts(self) -> tuple[str, str, str]:
        return self.variable_start, self.block_start, self.comment_start


@dataclass
class MacroLanguage:
    """Parse, check and run a page's macros with the given functions and variables."""

    delimiters: Delimiters = field(default_factory=Delimiters)
    max_output: int = MAX_OUTPUT
    max_seconds: float = MAX_SECONDS

    def __post_init__(self) -> None:
        d = self.delimiters
        self.env = SandboxedEnvironment(
            loader=NoFiles(),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            variable_start_string=d.variable_start,
            variable_end_string=d.variable_end,
            block_start_string=d.block_start,
            block_end_string=d.block_end,
            comment_start_string=d.comment_start,
            comment_end_string=d.comment_end,
        )
        self.env.globals.clear()  # no range(), lipsum(), dict(), cycler()...
        self.env.filters = {name: self.env.filters[name] for name in FILTERS}

    def may_have_macros(self, text: str) -> bool:
        return any(start in text for start in self.delimiters.starts())

    def render(self, text: str, functions: Mapping[str, Callable[..., str]], variables: Mapping[str, str]) -> str:
        """`text` with its macros run; MacroProblem (with the line) if one may not be used."""
        if not self.may_have_macros(text):
            return text
        try:
            tree = self.env.parse(text)
        except jinja2.TemplateSyntaxError as exc:
            raise MacroProblem(
                f'A macro could not be read ({exc.message}). Check the braces: macros look like {{{{ story("my-story") }}}}.', exc.lineno
            ) from None
        except (RecursionError, ValueError, OverflowError):
            raise MacroProblem("The macros here are too deeply nested or too long to read. Write them one at a time.", None) from None
        try:
            _check(tree, set(functions), set(variables))
        except RecursionError:
            raise MacroProblem("The macros here are nested too deeply to read. Write them one at a time.", None) from None
        template = self.env.from_string(tree)
        made: list[str] = []
        size = 0
        deadline = time.monotonic() + self.max_seconds
        try:
            for piece in template.generate(**functions, **variables):
                made.append(piece)
                size += len(piece)
                if size > self.max_output:
                    raise MacroProblem(
                        f"The macros in this page make more than {self.max_output // 1_000_000} million characters. Use fewer."
                    )
                if time.monotonic() > deadline:
                    raise MacroProblem(f"The macros in this page took more than {self.max_seconds:.0f} seconds. Use fewer.")
        except MacroProblem:
            raise
        except MacroError as exc:
            raise MacroProblem(str(exc), _line(exc)) from None
        except jinja2.TemplateError as exc:
            raise MacroProblem(f"A macro could not be used ({exc}). {ALLOWED}", _line(exc)) from None
        return "".join(made)


class MacroError(Exception):
    """Raised by a page's function (story, term) when it is used wrongly: the message says how."""


def _line(exc: BaseException) -> int | None:
    from sidebyside.render.no_files import template_line

    return template_line(exc)


def _check(tree: nodes.Template, functions: set[str], variables: set[str]) -> None:
    """Refuse any part of a page's macros outside the little language above."""
    for node in tree.iter_child_nodes():
        _check_node(node, functions, variables)


def _refuse(node: nodes.Node, message: str) -> None:
    raise MacroProblem(message, getattr(node, "lineno", None))


def _check_node(node: nodes.Node, functions: set[str], variables: set[str]) -> None:
    if isinstance(node, nodes.Output):
        for child in node.nodes:
            _check_node(child, functions, variables)
    elif isinstance(node, nodes.TemplateData):
        return
    elif isinstance(node, nodes.Const):
        if not isinstance(node.value, str):
            _refuse(node, f"Macros in a page can only hold words in quotes. {ALLOWED}")
    elif isinstance(node, nodes.Name):
        if node.name in functions:
            _refuse(node, f'`{node.name}` is a macro: write it with brackets, like {{{{ {node.name}("the-file-name") }}}}.')
        if node.name not in variables:
            _refuse(node, f"`{node.name}` cannot be used in a page. {ALLOWED}")
    elif isinstance(node, nodes.Call):
        _check_call(node, functions)
    elif isinstance(node, nodes.Filter):
        if node.name not in FILTERS or node.args or node.kwargs or node.dyn_args or node.dyn_kwargs:
            _refuse(node, f"The `{node.name}` filter cannot be used in a page. Pages may use {', '.join(sorted(FILTERS))}.")
        if node.node is not None:
            _check_node(node.node, functions, variables)
    elif isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        _refuse(node, "Pages cannot include other files. Copy the text you need into the page instead.")
    elif isinstance(node, (nodes.Getattr, nodes.Getitem)):
        _refuse(node, f"`{_chain(node)}` cannot be used in a page: macros cannot look inside things. {ALLOWED}")
    elif isinstance(node, (nodes.BinExpr, nodes.UnaryExpr, nodes.Concat, nodes.Compare, nodes.CondExpr)):
        _refuse(
            node, "Macros in a page cannot do sums, compare or join text together. Write the words or numbers into the page as they are."
        )
    elif isinstance(node, (nodes.Macro, nodes.CallBlock, nodes.FilterBlock)):
        _refuse(node, 'Pages cannot define their own macros. Use {{ story("...") }} or {{ term("...") }} instead.')
    else:
        kind = type(node).__name__.lower()
        _refuse(node, f"Pages cannot use this kind of macro ({kind}). {ALLOWED}")


def _chain(node: nodes.Node) -> str:
    """`.a.b[c]` for a chain of look-ups, innermost first, as the author wrote it."""
    parts: list[str] = []
    while isinstance(node, (nodes.Getattr, nodes.Getitem)):
        parts.append(f".{node.attr}" if isinstance(node, nodes.Getattr) else f"[{getattr(node.arg, 'value', '...')!r}]")
        node = node.node
    root = node.name if isinstance(node, nodes.Name) else repr(node.value) if isinstance(node, nodes.Const) else ""
    return root + "".join(reversed(parts))


def _check_call(node: nodes.Call, functions: set[str]) -> None:
    callee = node.node
    if not isinstance(callee, nodes.Name) or callee.name not in functions:
        name = callee.name if isinstance(callee, nodes.Name) else "this"
        _refuse(node, f"`{name}` cannot be used in a page. {ALLOWED}")
    assert isinstance(callee, nodes.Name)
    if node.dyn_args or node.dyn_kwargs:
        _refuse(node, f'`{callee.name}(...)` needs the name in quotes, like {{{{ {callee.name}("the-file-name") }}}}.')
    values = [*node.args, *(k.value for k in node.kwargs)]
    if not values or not all(isinstance(v, nodes.Const) and isinstance(v.value, str) for v in values):
        _refuse(node, f'`{callee.name}(...)` needs the name in quotes, like {{{{ {callee.name}("the-file-name") }}}}.')
    if len(values) > 2:
        _refuse(node, f'`{callee.name}(...)` takes the name, and perhaps the words to show: {{{{ {callee.name}("the-file-name") }}}}.')
