"""SVG pictures beside a page follow the same safety rules as the pages themselves.

An SVG file is a document that can hold scripts, links and other files. The publish
gate cleans what leaves the build; this check tells the author first, with the line,
so a picture is fixed at its source rather than quietly changed.
"""

from __future__ import annotations

from sidebyside.checks import CheckContext
from sidebyside.checks.linear import compile_linear
from sidebyside.checks.pages import PageText
from sidebyside.checks.untrusted import WHY_HTML, html_problems
from sidebyside.content.frontmatter import read_text
from sidebyside.content.model import Course
from sidebyside.findings import Finding, error, warning
from sidebyside.publish.files import has_hidden_details

SVG_ONLY = compile_linear(r"(?i)<\s*(foreignObject|image|use|a|animate|set|handler|listener)\b")
OUTSIDE = compile_linear(r"""(?i)\b(?:xlink:)?href\s*=\s*["']?(?:[^#"'\s]|$)|url\(\s*["']?(?:[^#"'\s]|$)|@import""")
ADVICE = "Keep pictures plain: shapes and text only. Save the picture again without it, or ask the course team."


def _svg_problems(rel: str, text: str) -> list[Finding]:
    findings: list[Finding] = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in SVG_ONLY.finditer(line):
            findings.append(
                error(rel, number, "unsafe-svg", f"`<{match.group(1)}>` is not allowed in a picture.", ADVICE, WHY_HTML, match.start() + 1)
            )
        for match in OUTSIDE.finditer(line):
            findings.append(
                error(
                    rel,
                    number,
                    "unsafe-svg",
                    "This picture links to, or loads, something outside itself.",
                    ADVICE,
                    "A picture that loads other files can track readers or change without review.",
                    match.start() + 1,
                )
            )
    return findings


def safe_pictures(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for module in course.modules:
        for asset in module.assets:
            rel = asset.relative_to(course.root).as_posix()
            if not context.wants(rel):
                continue
            if has_hidden_details(asset):
                findings.append(
                    warning(
                        rel,
                        1,
                        "picture-hidden-details",
                        "This picture carries hidden details, such as the camera, where it was taken or a name. "
                        "The website gets a copy without them, but the file here still has them.",
                        "Save the picture again without its details (most photo editors call this 'remove location' or 'export without metadata').",
                        "Hidden details in a photo can show where someone lives.",
                    )
                )
            if asset.suffix.lower() != ".svg":
                continue
            text, problems = read_text(asset, rel)
            findings += problems
            if text is None:
                continue
            findings += html_problems(PageText(rel, "picture", text, 1, rel, asset.parent))
            findings += _svg_problems(rel, text)
    return findings
