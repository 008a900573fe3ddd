"""Content from a pull request is untrusted: no active HTML, no unsafe links, safe macros only.

Raw HTML that could run code or change the page (`<script>`, `on...=` event
attributes, `javascript:` and `data:` links, `<iframe>`, `<object>`, `<embed>`,
`<form>`, `<style>` and friends) is an error with the file and line. An `<iframe>`
is allowed only from the hosts in SAFE_EMBED_HOSTS.

Macros (mkdocs-macros) in a page may only use `story("slug")`, `term("slug")` and
`course_version`. The build also runs macros in a sandbox (site/macros.py); this
check says what is wrong, with the line, and when both find the same mistake the
build gives this check's explanation.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import jinja2
from jinja2 import nodes

from sidebyside.checks import CheckContext
from sidebyside.checks.linear import compile_linear
from sidebyside.checks.pages import PageText, pages, prose_lines
from sidebyside.content.frontmatter import read_text, split
from sidebyside.content.model import Course
from sidebyside.content.schema import did_you_mean
from sidebyside.findings import Finding, error

SAFE_EMBED_HOSTS = frozenset({"www.youtube-nocookie.com"})
UNSAFE_TAGS = ("script", "iframe", "object", "embed", "form", "style", "link", "meta", "base", "frame", "frameset", "applet")
TAG = compile_linear(r"(?i)<\s*(" + "|".join(UNSAFE_TAGS) + r")\b")
EVENT_IN_TAG = compile_linear(r"(?i)<[a-zA-Z][^>]*?[\s/\"']on[a-z]+\s*=")
EVENT_IN_ATTR_LIST = compile_linear(r"(?i)\{(?:[^}]*?[\s:])?on[a-z]+\s*=")
EVENT_ALONE = compile_linear(r"(?i)^\s*on[a-z]+\s*=\s*[\"']")
BAD_SCHEME = compile_linear(
    r"(?i)(?:\]\(\s*<?|\]:\s*<?|\b(?:href|src|action|formaction|xlink:href|poster|data|srcset|background)\s*=\s*[\"']?|<)\s*"
    r"(javascript|vbscript|data)\s*:"
)
IFRAME_SRC = compile_linear(r"(?i)<\s*iframe\b[^>]*\ssrc\s*=\s*[\"']?([^\"'\s>]+)")
INVISIBLE = re.compile(r"[\t\u200b\u200c\u200d\ufeff]")

ALLOWED_NAMES = {"story", "term", "course_version"}
ALLOWED_FILTERS = {"upper", "lower", "title", "capitalize", "trim", "e", "escape"}
WHY_HTML = "Pages come from many people. Code in a page could track or mislead readers, so it never reaches the website."
WHY_MACRO = "Macros could otherwise read settings, passwords or files that must never appear on the website."


def _tag_problem(page: PageText, line: int, column: int, tag: str) -> Finding:
    advice = {
        "iframe": f"Use a link instead, or an embed from an allowed host ({', '.join(sorted(SAFE_EMBED_HOSTS))}) "
        "with the whole tag on one line.",
        "form": "Link to a form on a trusted website instead.",
        "style": "Ask the course team to change the site's styles instead.",
    }.get(tag, "Remove it. Write the content in Markdown, or ask the course team if you need something special.")
    return error(page.rel, line, "unsafe-html", f"`<{tag}>` is not allowed in pages.", advice, WHY_HTML, column)


def html_problems(page: PageText) -> list[Finding]:
    findings: list[Finding] = []
    for line, text in prose_lines(page.body, page.body_line):
        for match in TAG.finditer(text):
            tag = match.group(1).lower()
            if tag == "iframe":
                src = IFRAME_SRC.search(text, match.start())
                host = urlsplit(src.group(1)).hostname if src else None
                if src and urlsplit(src.group(1)).scheme == "https" and host in SAFE_EMBED_HOSTS:
                    continue
            findings.append(_tag_problem(page, line, match.start() + 1, tag))
        event = EVENT_IN_TAG.search(text) or EVENT_IN_ATTR_LIST.search(text) or EVENT_ALONE.search(text)
        if event:
            findings.append(
                error(
                    page.rel,
                    line,
                    "unsafe-html",
                    "An `on...=` event attribute (such as `onclick`) is not allowed in pages.",
                    "Remove the attribute.",
                    WHY_HTML,
                    event.start() + 1,
                )
            )
        decoded = INVISIBLE.sub("", html.unescape(text))
        for match in BAD_SCHEME.finditer(decoded):
            scheme = match.group(1).lower()
            findings.append(
                error(
                    page.rel,
                    line,
                    "unsafe-link",
                    f"A `{scheme}:` link is not allowed in pages.",
                    "Link to a web page (https://...) or to another page of the course instead."
                    if scheme != "data"
                    else "Save the image or file next to the page and link to it by its name.",
                    WHY_HTML,
                    match.start() + 1,
                )
            )
    return findings


class _MacroWalker:
    def __init__(self, page: PageText, first_line: int, course: Course) -> None:
        self.page = page
        self.first_line = first_line
        self.course = course
        self.findings: list[Finding] = []
        self.assigned: set[str] = set()

    def fail(self, node: nodes.Node, message: str, suggestion: str, rule: str = "unsafe-macro", why: str = WHY_MACRO) -> None:
        self.findings.append(error(self.page.rel, self.first_line + node.lineno - 1, rule, message, suggestion, why))

    def walk(self, tree: nodes.Template) -> None:
        for assignment in tree.find_all((nodes.Assign, nodes.For)):
            target = assignment.target  # type: ignore[attr-defined]  # both kinds have a target
            for name in target.find_all(nodes.Name) if not isinstance(target, nodes.Name) else [target]:
                self.assigned.add(name.name)
        for node in tree.find_all(nodes.Node):
            if isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
                self.fail(node, "Pages cannot include or import other files.", "Copy the text you need into the page instead.")
            elif isinstance(node, nodes.Name) and node.ctx == "load" and node.name not in ALLOWED_NAMES | self.assigned:
                guess = did_you_mean(node.name, sorted(ALLOWED_NAMES))
                if guess:  # a slip of the keyboard, not an attempt to read anything
                    self.fail(
                        node,
                        f"`{node.name}` is not a macro we know. Did you mean `{guess}`?",
                        f"Change `{node.name}` to `{guess}`, for example "
                        + ("`{{ course_version }}`." if guess == "course_version" else f'`{{{{ {guess}("the-file-name") }}}}`.'),
                        "macro-name",
                        "The page cannot be built until the macro's name is spelt as the course knows it.",
                    )
                    continue
                self.fail(
                    node,
                    f"`{node.name}` cannot be used in a page.",
                    'In a page you can use `{{ story("name-of-a-story-file") }}`, `{{ term("name-of-a-glossary-file") }}` and `{{ course_version }}` (the file name without `.md`).',
                )
            elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
                self.fail(node, f"`.{node.attr}` cannot be used in a page.", "Remove it.")
            elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and str(node.arg.value).startswith("_"):
                self.fail(node, f"`[{node.arg.value!r}]` cannot be used in a page.", "Remove it.")
            elif isinstance(node, (nodes.BinExpr, nodes.Concat, nodes.UnaryExpr)):
                self.fail(
                    node,
                    "Macros in a page cannot do sums or join text together.",
                    "Write the words or numbers into the page as they are.",
                )
            elif isinstance(node, (nodes.Macro, nodes.CallBlock, nodes.FilterBlock)):
                self.fail(node, "Pages cannot define their own macros.", 'Use `{{ story("...") }}` or `{{ term("...") }}` instead.')
            elif isinstance(node, nodes.Filter) and node.name not in ALLOWED_FILTERS:
                self.fail(node, f"The `{node.name}` filter cannot be used in a page.", "Remove it.")
            elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name in ("story", "term"):
                self.reference(node)

    def reference(self, node: nodes.Call) -> None:
        kind = node.node.name  # type: ignore[attr-defined]
        arg = node.args[0] if node.args else None
        if not isinstance(arg, nodes.Const) or not isinstance(arg.value, str):
            self.fail(node, f"`{kind}(...)` needs the name of a {kind} in quotes.", f'Write it like {{{{ {kind}("the-file-name") }}}}.')
            return
        known = [s.slug for s in self.course.stories] if kind == "story" else [t.slug for t in self.course.terms]
        if arg.value not in known:
            guess = did_you_mean(arg.value, known)
            what = "story" if kind == "story" else "glossary term"
            self.fail(
                node,
                f'`{kind}("{arg.value}")` does not match any {what}.',
                f'Did you mean `{kind}("{guess}")`?' if guess else f"Use the file name of a {what}, without `.md`.",
            )


MACRO_START = re.compile(r"\{\{|\{%|\{#")


def macro_problems(page: PageText, course: Course) -> list[Finding]:
    findings: list[Finding] = []
    if not MACRO_START.search(page.body):
        return findings
    try:
        tree = jinja2.Environment().parse(page.body)
    except jinja2.TemplateSyntaxError as exc:
        findings.append(
            error(
                page.rel,
                page.body_line + (exc.lineno or 1) - 1,
                "macro-syntax",
                f"A macro could not be read ({exc.message}).",
                'Check the braces: macros look like {{ story("my-story") }}. To show braces as text, write {{ "{{" }}.',
            )
        )
        return findings
    except (RecursionError, ValueError, OverflowError):  # a thousand brackets inside each other, say
        findings.append(
            error(
                page.rel,
                page.body_line,
                "macro-syntax",
                "The macros in this page are too deeply nested or too long to read.",
                'Write each macro on its own, like {{ story("my-story") }}. To show braces as text, write {{ "{{" }}.',
            )
        )
        return findings
    walker = _MacroWalker(page, page.body_line, course)
    try:
        walker.walk(tree)
    except RecursionError:
        walker.findings.append(
            error(
                page.rel,
                page.body_line,
                "macro-syntax",
                "The macros in this page are too deeply nested to read.",
                "Write each macro on its own.",
            )
        )
    return findings + walker.findings


def _front_matter_macros(page: PageText, course: Course) -> list[Finding]:
    """Macros in front matter fields the page never shows as text are still rendered: refuse them all."""
    if page.kind == "doc":
        return []
    path = course.root / page.rel
    try:
        text, problems = read_text(path, page.rel)
    except OSError:
        return []
    if text is None or problems:
        return []
    front, _, _, _ = split(text, page.rel)
    findings = []
    for offset, line in enumerate((front or "").split("\n")):
        if MACRO_START.search(line):
            findings.append(
                error(
                    page.rel,
                    offset + 2,
                    "unsafe-macro",
                    "The front matter contains `{{`, `{%` or `{#`, which only work in the page text.",
                    "Remove them from this field.",
                    WHY_MACRO,
                )
            )
    return findings


def untrusted_content(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    unread = [PageText(u.rel, u.kind, u.body, u.body_line, "", u.path.parent) for u in course.unread_pages]
    for page in pages(course) + unread:
        findings += html_problems(page)
        findings += macro_problems(page, course)
        findings += _front_matter_macros(page, course)
    return findings
