"""The term matcher: whole words, longest first, acronyms only in capitals."""

from sidebyside.content.matching import TermMatcher


def _keys(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.key, m.text) for m in matcher.finditer(text)]


MATCHER = TermMatcher(
    [
        ("run chart", "run-chart"),
        ("run charts", "run-chart"),
        ("PDSA", "pdsa"),
        ("PDSA cycle", "pdsa"),
        ("ICB", "icb"),
        ("ICBs", "icb"),
        ("integrated care board", "icb"),
        ("A&E", "a-and-e"),
        ("social care", "social-care"),
        ("Department of Health and Social Care", "dhsc"),
        ("co-production", "co-production"),
    ]
)


def test_plurals_and_aliases() -> None:
    assert _keys(MATCHER, "We drew two run charts and one Run chart.") == [("run-chart", "run charts"), ("run-chart", "Run chart")]


def test_acronyms_are_case_exact() -> None:
    assert _keys(MATCHER, "Our ICB and the ICBs nearby") == [("icb", "ICB"), ("icb", "ICBs")]
    assert _keys(MATCHER, "icb and Icb are not acronyms here") == []
    assert _keys(MATCHER, "Go to A&E now") == [("a-and-e", "A&E")]


def test_whole_words_only() -> None:
    assert _keys(MATCHER, "PDSAs are not PDSA, and ICBx is nothing") == [("pdsa", "PDSA")]
    assert _keys(MATCHER, "coproduction is not co-production") == [("co-production", "co-production")]


def test_longest_match_wins() -> None:
    assert _keys(MATCHER, "the Department of Health and Social Care and social care") == [
        ("dhsc", "Department of Health and Social Care"),
        ("social-care", "social care"),
    ]
    assert _keys(MATCHER, "one PDSA cycle") == [("pdsa", "PDSA cycle")]


def test_phrases_do_not_cross_punctuation() -> None:
    assert _keys(MATCHER, "a run. Chart") == []
    assert _keys(MATCHER, "a run\nchart") == [("run-chart", "run\nchart")]


def test_glossary_size_does_not_change_the_result() -> None:
    big = TermMatcher([*((f"word{i}", f"w{i}") for i in range(5000)), ("run chart", "run-chart")])
    assert _keys(big, "a run chart and word42") == [("run-chart", "run chart"), ("w42", "word42")]
