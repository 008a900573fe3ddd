"""The trust's colours (the `trust_colours` settings): checked for contrast, then written
as CSS for the website and the handouts alike, so both show the same colours.

Each colour is checked against the text that sits on it or beside it, with the WCAG
2.2 contrast ratio (AA: at least 4.5 to 1 for normal text). A colour that is not set
keeps the engine's own, so a course that sets none looks as it always did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SETTING = "trust_colours"
HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
WHITE, TEXT = "#ffffff", "#212b32"
AA = 4.5


@dataclass(frozen=True)
class Use:
    """What a colour is for, and the colour it is read against."""

    default: str
    used_for: str
    against: str
    against_name: str


USES: dict[str, Use] = {
    "header": Use("#005eb8", "the top of every page and the lines on handouts, with white writing on it", WHITE, "white writing"),
    "links": Use("#003087", "links, and the course name on handouts, on a white page", WHITE, "the white page"),
    "boxes": Use("#eef4f9", "the background of boxes, behind the dark writing", TEXT, "the dark writing"),
}


class ColourProblem(ValueError):
    """A colour setting that cannot be used; the message says which, where and what to do."""


@dataclass(frozen=True)
class TrustColours:
    """The colours a course set (#rrggbb, lower case); "" keeps the engine's own."""

    header: str = ""
    links: str = ""
    boxes: str = ""

    def web_css(self) -> str:
        """Custom properties for Material and the engine's stylesheet; "" when none are set."""
        light = []
        if self.header:
            light += [f"--md-primary-fg-color: {self.header};", f"--md-primary-fg-color--dark: {self.header};"]
            light.append(f"--sbs-box-border: {self.header};")
        if self.links:
            light += [f"--md-accent-fg-color: {self.links};", f"--md-typeset-a-color: {self.links};"]
        if self.boxes:
            light.append(f"--sbs-box-bg: {self.boxes};")
        if not light:
            return ""
        css = "/* The trust's colours, from mkdocs.yml (trust_colours). */\n"
        css += ':root, [data-md-color-scheme="default"] {\n' + "".join(f"  {line}\n" for line in light) + "}\n"
        if self.header:  # the dark scheme keeps its own links and boxes, which are made for a dark page
            css += f'[data-md-color-scheme="slate"] {{\n  --md-primary-fg-color: {self.header};\n}}\n'
        return css

    def print_css(self) -> str:
        """The same colours for the handouts' stylesheet (see print/handouts.css); "" when none are set."""
        names = {"header": "--sbs-trust-header", "links": "--sbs-trust-links", "boxes": "--sbs-trust-boxes"}
        lines = [
            f"  {names[name]}: {value};\n"
            for name, value in (("header", self.header), ("links", self.links), ("boxes", self.boxes))
            if value
        ]
        return ":root {\n" + "".join(lines) + "}\n" if lines else ""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(colour: str) -> float:
    r, g, b = (_channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours written as #rrggbb or #rgb."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _find(config_file: Path | None, name: str) -> tuple[str, str]:
    """(`mkdocs.yml, line N`, the line's text) for the setting, or the file's name and ""."""
    if config_file is None:
        return "mkdocs.yml", ""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return config_file.name, ""
    inside = False
    for number, line in enumerate(lines, 1):
        if re.match(rf"^\s*{SETTING}\s*:", line):
            inside = True
            if name == SETTING:
                return f"{config_file.name}, line {number}", line
        elif inside and re.match(rf"^\s*{re.escape(name)}\s*:", line):
            return f"{config_file.name}, line {number}", line
    return config_file.name, ""


def _line_of(config_file: Path | None, name: str) -> str:
    return _find(config_file, name)[0]


def colours_from(settings: object, config_file: Path | None = None) -> TrustColours:
    """Read and check the `trust_colours` settings; a colour that is unreadable or too faint is a ColourProblem."""
    where_all = _line_of(config_file, SETTING)
    if settings in (None, ""):
        return TrustColours()
    if not isinstance(settings, dict):
        raise ColourProblem(
            f'{where_all}: `{SETTING}` should list colours by name, for example:\n  {SETTING}:\n    header: "#005eb8"\n    links: "#003087"'
        )
    unknown = sorted(str(k) for k in settings if k not in USES)
    if unknown:
        raise ColourProblem(
            f"{_line_of(config_file, unknown[0])}: the colour `{SETTING}.{unknown[0]}` is not one Side by Side knows. "
            f"The colours you can set are: {', '.join(USES)}."
        )
    chosen: dict[str, str] = {}
    problems = []
    for name, use in USES.items():
        if settings.get(name) in (None, ""):
            where, text = _find(config_file, name)
            if re.search(rf"{name}\s*:\s*#[0-9a-fA-F]{{3}}", text):  # YAML reads an unquoted # as the start of a comment
                problems.append(f'{where}: put the colour in quotes, like {name}: "{use.default}". Without them, # starts a comment.')
            continue
        value = str(settings[name]).strip()
        where = _line_of(config_file, name)
        if not HEX.match(value):
            problems.append(
                f"{where}: `{SETTING}.{name}` is {value!r}, which is not a colour. Write # and six letters or digits, in quotes, "
                f'for example "{use.default}".'
            )
            continue
        ratio = contrast(value, use.against)
        if ratio < AA:
            problems.append(
                f"{where}: `{SETTING}.{name}: {value}` is used for {use.used_for}. Against {use.against_name} ({use.against}) "
                f"its contrast is only {ratio:.2f} to 1; it must be at least {AA} to 1 so everyone can read it. "
                f"Choose a {'darker' if luminance(use.against) > 0.5 else 'lighter'} colour, for example {use.default}."
            )
        chosen[name] = "#" + "".join(c * 2 for c in value[1:]).lower() if len(value) == 4 else value.lower()
    if problems:
        raise ColourProblem("\n".join(problems))
    return TrustColours(**chosen)
