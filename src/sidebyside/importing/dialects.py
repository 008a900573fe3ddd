"""MyST and R Markdown syntax that Python-Markdown cannot keep, turned into plain
Markdown before pandoc reads the file. Each change leaves a note saying what was done
and on which line, so the author can check it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ADMONITIONS = {"note", "tip", "warning", "important", "caution", "attention", "danger", "error", "hint", "seealso", "admonition"}
DIRECTIVE_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}\s*(?P<arg>.*)$")
RMD_CHUNK = re.compile(r"^(?P<fence>`{3,})\s*\{(?P<lang>[a-zA-Z]+)[^}]*\}\s*$")
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<text>[^`]*)`")
LABEL = re.compile(r"^\((?P<label>[\w.:-]+)\)=\s*$")
OPTION = re.compile(r"^:[\w-]+:.*$")
INLINE_R = re.compile(r"`r (?P<code>[^`]+)`")
YAML_HEADER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)


@dataclass
class Cleaned:
    text: str
    notes: list[str] = field(default_factory=list)
    title: str = ""


def _header_title(header: str) -> str:
    match = re.search(r"^title:\s*['\"]?(.+?)['\"]?\s*$", header, re.M)
    return match.group(1).strip() if match else ""


def clean(text: str) -> Cleaned:
    """MyST directives, roles and labels, and R Markdown chunks, as plain Markdown."""
    result = Cleaned("")
    header = YAML_HEADER.match(text)
    if header:
        result.title = _header_title(header.group(0))
        text = text[header.end() :]
        result.notes.append("line 1: the file's own front matter was left out; the module's front matter was written in its place.")
    out: list[str] = []
    open_fence = ""
    in_admonition = False
    for number, line in enumerate(text.split("\n"), 1):
        if open_fence and line.strip() == open_fence:
            open_fence = ""
            if in_admonition:
                in_admonition = False
                out.append("")
                continue
            out.append("```")
            continue
        if open_fence and in_admonition:
            if OPTION.match(line.strip()):
                result.notes.append(f"line {number}: the option `{line.strip()}` was left out.")
                continue
            out.append(("    " + line) if line.strip() else "")
            continue
        if open_fence:
            out.append(line)
            continue
        if match := DIRECTIVE_OPEN.match(line):
            name, arg = match.group("name").lower(), match.group("arg").strip()
            open_fence = match.group("fence")
            if name in ADMONITIONS:
                kind = "note" if name in ("admonition", "seealso") else name
                title = arg or kind.capitalize()
                out.append(f'!!! {kind} "{title}"' if arg or kind != "note" else "!!! note")
                in_admonition = True
            elif name in ("code-block", "code", "code-cell", "sourcecode"):
                out.append(f"```{arg.split()[0] if arg else ''}")
            else:
                out.append("```text")
                result.notes.append(f"line {number}: the MyST directive `{{{name}}}` has no match here; its text is kept as plain text.")
            continue
        if match := RMD_CHUNK.match(line):
            open_fence = match.group("fence")
            out.append(f"```{match.group('lang').lower()}")
            result.notes.append(f"line {number}: an R Markdown code chunk is kept as code to read; it is not run.")
            continue
        if match := LABEL.match(line):
            result.notes.append(f"line {number}: the label `({match.group('label')})=` was left out.")
            continue
        if ROLE.search(line):
            for role in ROLE.finditer(line):
                result.notes.append(f"line {number}: the role `{{{role.group('role')}}}` was turned into plain text: {role.group('text')}.")
            line = ROLE.sub(lambda m: m.group("text"), line)
        if INLINE_R.search(line):
            result.notes.append(f"line {number}: inline R code was kept as code; it is not run.")
            line = INLINE_R.sub(lambda m: f"`{m.group('code')}`", line)
        out.append(line)
    result.text = "\n".join(out)
    return result
