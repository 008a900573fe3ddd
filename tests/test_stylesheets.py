"""The shipped stylesheets parse cleanly: an unclosed rule would silently swallow the rules after it."""

from pathlib import Path

import pytest
import tinycss2

SRC = Path(__file__).resolve().parent.parent / "src" / "sidebyside"
STYLESHEETS = sorted(SRC.rglob("*.css"))


def _problems(rules: list) -> list[str]:
    problems = []
    for rule in rules:
        if rule.type == "error":
            problems.append(f"line {rule.source_line}: {rule.message}")
        elif rule.type == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_whitespace=True, skip_comments=True)
            problems += [f"line {d.source_line}: {d.message}" for d in declarations if d.type == "error"]
        elif rule.type == "at-rule" and rule.content is not None and rule.at_keyword in ("media", "supports"):
            problems += _problems(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
    return problems


@pytest.mark.parametrize("path", STYLESHEETS, ids=[p.relative_to(SRC).as_posix() for p in STYLESHEETS])
def test_stylesheet_parses_without_errors(path: Path) -> None:
    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True)
    assert rules, f"{path.name} has no rules"
    assert _problems(rules) == []


def test_an_unclosed_rule_is_caught() -> None:
    broken = ".a {\n  color: red;\n/* no closing brace */\n.b {\n  color: blue;\n}\n"
    assert _problems(tinycss2.parse_stylesheet(broken, skip_whitespace=True, skip_comments=True))
