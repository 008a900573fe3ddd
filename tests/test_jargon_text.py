"""What the jargon check reads and what it never reads; saying "this one is fine"; trainer notes and quotes."""

from __future__ import annotations

from sidebyside.checks.jargon import check_markdown
from sidebyside.checks.jargon.text import checkable_markdown
from sidebyside.findings import Severity


def rules_at(body: str, **kwargs) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.column, f.severity.value) for f in check_markdown(body, **kwargs)]


def test_masking_keeps_every_line_and_column():
    body = "Some `code` and [a link](https://x.org/PDSA) here.\n\n```\nrun chart\n```\n"
    text = checkable_markdown(body)
    assert len(text.text) == len(body)
    assert [len(line) for line in text.text.split("\n")] == [len(line) for line in body.split("\n")]
    assert "code" not in text.text and "https" not in text.text and "run chart" not in text.text
    assert "a link" in text.text


def test_code_link_addresses_html_and_macros_are_never_checked():
    body = (
        "Use `PDSA` here.\n\n"
        "```text\nA driver diagram and an SPC chart.\n```\n\n"
        "See [the page](../run-chart/SPC.md) and <https://example.org/CCG>.\n\n"
        '<div class="box">\nA run chart in HTML.\n</div>\n\n'
        'Text <span title="SPC">here</span> and {{ term("run-chart") }}.\n\n'
        "~~~\nCCG\n~~~\n"
    )
    assert rules_at(body) == []


def test_link_text_and_image_alt_text_are_checked():
    body = "Read [about the CCG](https://example.org/).\n\n![A run chart of waiting times](chart.png)\n"
    assert rules_at(body) == [("jargon-outdated", 1, 17, "error"), ("jargon-term", 3, 5, "error")]


def test_headings_list_items_and_admonition_titles_are_checked():
    body = '## The SPC way\n\n- We drew a process map.\n\n!!! note "About baseline"\n    Plain words.\n'
    assert [(r, line, col) for r, line, col, _ in rules_at(body)] == [
        ("jargon-term", 1, 8),
        ("jargon-term", 3, 13),
        ("jargon-term", 5, 17),
    ]


def test_jargon_off_and_on():
    body = "A run chart.\n\n<!-- jargon off -->\nA driver diagram and the CCG.\n\nA TLA too.\n<!-- jargon on -->\n\nA process map.\n"
    assert rules_at(body) == [("jargon-term", 1, 3, "error"), ("jargon-term", 9, 3, "error")]


def test_jargon_allow_covers_the_next_block_only():
    body = "<!-- jargon allow PDSA, run chart -->\nWe ran a PDSA and drew a run chart.\n\nThen another PDSA.\n"
    assert rules_at(body) == [("jargon-term", 4, 14, "error")]


def test_jargon_allow_works_for_acronyms_and_plain_words():
    body = "<!-- jargon allow TLA, utilise -->\nThe TLA will utilise it.\n"
    assert rules_at(body) == []


def test_front_matter_allow_covers_the_whole_page():
    body = "We ran a PDSA.\n\nAnd another PDSA. The TLA agreed.\n"
    assert rules_at(body, allow=["PDSA", "TLA"]) == []
    assert rules_at(body, allow=["pdsa"]) == [("jargon-acronym", 3, 23, "error")]


def test_trainer_notes_are_checked_with_relaxed_rules():
    long = " ".join(["word"] * 27) + "."
    body = (
        '!!! trainer "Notes for trainers"\n'
        "    Ask about the run chart. Then the TLA. We utilise it.\n"
        f"    {long}\n"
        "    The CCG is gone.\n\n"  # the 27-word sentence is under the trainer limit of 30
        "A run chart for everyone.\n"
    )
    assert sorted(rules_at(body), key=lambda r: (r[1], r[2])) == [
        ("jargon-term", 2, 19, "warning"),
        ("jargon-acronym", 2, 39, "warning"),
        ("jargon-plain", 2, 47, "suggestion"),
        ("jargon-outdated", 4, 9, "error"),  # a wrong name is wrong for trainers too
        ("jargon-term", 6, 3, "error"),  # participants' text is not relaxed
    ]


def test_quotes_in_stories_are_only_information():
    body = "> We had a PDSA and the CCG said to utilise the driver diagram.\n\nThe run chart went up.\n"
    findings = check_markdown(body, kind="story")
    quoted = [f for f in findings if f.line == 1]
    assert {f.rule for f in quoted} == {"jargon-term", "jargon-outdated", "jargon-plain"}
    assert all(f.severity is Severity.SUGGESTION for f in quoted)
    assert all(f.message.startswith("For information only") for f in quoted)
    assert [(f.rule, f.severity.value) for f in findings if f.line == 3] == [("jargon-term", "error")]
    # The same quote in a module is not someone's own words: normal rules.
    assert any(f.severity is Severity.ERROR for f in check_markdown(body, kind="module") if f.line == 1)


def test_a_quote_carried_on_without_its_marker_is_still_a_quote():
    body = "> We did a PDSA\nand then another one.\n\nA PDSA here.\n"
    findings = check_markdown(body, kind="story")
    assert [(f.line, f.severity.value) for f in findings if f.rule == "jargon-term"] == [(1, "suggestion"), (4, "error")]
