"""A course's colours (the `brand` settings): checked for contrast, written as CSS for
the website and the handouts alike, so both show the same colours.

Each colour is checked against the text that sits on it or beside it, with the WCAG
2.2 contrast ratio (AA: at least 4.5 to 1 for normal text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
WHITE, TEXT = "#ffffff", "#212b32"
AA = 4.5

# name: (default, what it is used for, the colour it is read against, what that colour is)
COLOURS: dict[str, tuple[str, str, str, str]] = {
    "primary": ("#005eb8", "the top bar and headings' lines, with white writing on it", WHITE, "white writing"),
    "accent": ("#003087", "links and the course name, on a white page", WHITE, "the white page"),
    "box": ("#eef4f9", "the background of boxes, behind the dark writing", TEXT, "the dark writing"),
}


class BrandProblem(ValueError):
    """A colour setting that cannot be used; the message says which and what to do."""


@dataclass(frozen=True)
class Brand:
    primary: str = COLOURS["primary"][0]
    accent: str = COLOURS["accent"][0]
    box: str = COLOURS["box"][0]

    def web_css(self) -> str:
        """Custom properties for Material and the engine's stylesheet (light colours)."""
        return (
            ':root, [data-md-color-scheme="default"] {\n'
            f"  --md-primary-fg-color: {self.primary};\n"
            f"  --md-primary-fg-color--dark: {self.primary};\n"
            f"  --md-accent-fg-color: {self.accent};\n"
            f"  --md-typeset-a-color: {self.accent};\n"
            f"  --sbs-box-border: {self.primary};\n"
            f"  --sbs-box-bg: {self.box};\n"
            "}\n"
            f'[data-md-color-scheme="slate"] {{\n  --md-primary-fg-color: {self.primary};\n}}\n'
        )

    def print_css(self) -> str:
        """The same colours for the handouts' stylesheet (see print/handouts.css)."""
        return (
            f":root {{\n  --sbs-brand-primary: {self.primary};\n  --sbs-brand-accent: {self.accent};\n  --sbs-brand-box: {self.box};\n}}\n"
        )


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


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


def _line_of(config_file: Path | None, name: str) -> str:
    """`mkdocs.yml, line N` for the setting, or just the file name."""
    if config_file is None:
        return "mkdocs.yml"
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return config_file.name
    in_brand = False
    for number, line in enumerate(lines, 1):
        if re.match(r"^\s*brand\s*:", line):
            in_brand = True
        elif in_brand and re.match(rf"^\s*{name}\s*:", line):
            return f"{config_file.name}, line {number}"
    return config_file.name


def brand_from_settings(settings: dict | None, config_file: Path | None = None) -> Brand:
    """Read and check the `brand` settings; a colour that is unreadable or too faint is a BrandProblem."""
    settings = dict(settings or {})
    unknown = sorted(set(settings) - set(COLOURS))
    if unknown:
        raise BrandProblem(
            f"{_line_of(config_file, unknown[0])}: the brand setting `{unknown[0]}` is not known. "
            f"The colours you can set are: {', '.join(COLOURS)}."
        )
    chosen: dict[str, str] = {}
    problems = []
    for name, (default, used_for, against, against_name) in COLOURS.items():
        value = str(settings.get(name) or default).strip()
        where = _line_of(config_file, name)
        if not HEX.match(value):
            problems.append(
                f"{where}: the brand colour `{name}: {value}` is not a colour. Write it as # and six hex digits, for example {default}."
            )
            continue
        ratio = contrast(value, against)
        if ratio < AA:
            problems.append(
                f"{where}: the brand colour `{name}: {value}` is used for {used_for}. Against {against_name} ({against}) "
                f"its contrast is only {ratio:.2f} to 1; it must be at least {AA} to 1 so everyone can read it. "
                f"Choose a {'darker' if luminance(against) > 0.5 else 'lighter'} colour, for example {default}."
            )
        chosen[name] = value.lower()
    if problems:
        raise BrandProblem("\n".join(problems))
    return Brand(**chosen)
