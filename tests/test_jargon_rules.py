"""Each jargon rule flags real examples and passes plain ones, with exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.checks.jargon import builtin_lists, check_markdown
from sidebyside.checks.jargon.data import DATA
from sidebyside.checks.jargon.rules import reading_age, syllables
from sidebyside.checks.jargon.text import checkable_markdown
from sidebyside.content.model import Term
from sidebyside.findings import Severity


def term(slug: str, name: str, aliases: list[str] | None = None, stands_for: str = "", avoid: bool = False, instead: str = "") -> Term:
    return Term(
        slug,
        Path(f"glossary/{slug}.md"),
        f"glossary/{slug}.md",
        name,
        "A plain meaning.",
        "",
        5,
        stands_for,
        aliases or [],
        [],
        avoid,
        instead,
    )


def found(body: str, rule: str | None = None, **kwargs):
    return [f for f in check_markdown(body, **kwargs) if rule is None or f.rule == rule]


def where(findings) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.severity.value) for f in findings]


# --- glossary-aware terms ----------------------------------------------------------------


def test_word_list_term_not_in_glossary_is_an_error_at_its_exact_place():
    body = "## Tools\n\nFirst we drew a driver diagram together.\n"
    findings = found(body, "jargon-term", first_line=9)
    assert where(findings) == [(11, 17, "error")]
    assert findings[0].message == "'driver diagram' isn't in the glossary."
    assert "sidebyside new term" in findings[0].suggestion
    assert "a chart that links your aim" in findings[0].suggestion


def test_word_list_term_in_glossary_passes():
    body = "First we drew a driver diagram together.\n"
    assert found(body, "jargon-term", terms=[term("driver-diagram", "driver diagram", ["driver diagrams"])]) == []


def test_a_term_is_reported_once_per_page():
    body = "A run chart here.\n\nAnother run chart there.\n"
    assert where(found(body, "jargon-term")) == [(1, 3, "error")]


# --- acronyms ----------------------------------------------------------------------------


def test_unknown_acronym_is_an_error_at_first_use_only():
    body = "Talk to the TLA team.\n\nThe TLA team will call.\n"
    assert where(found(body, "jargon-acronym")) == [(1, 13, "error")]


def test_acronym_spelt_out_at_first_use_passes_and_initials_are_checked():
    assert found("The three letter abbreviation (TLA) team. The TLA team.\n", "jargon-acronym") == []
    assert found("The TLA (three letter abbreviation) team.\n", "jargon-acronym") == []
    wrong = found("The four word thing (TLA) team.\n", "jargon-acronym")
    assert where(wrong) == [(1, 22, "error")]


def test_acronym_spelt_out_after_first_use_is_still_an_error():
    body = "Ask the TLA.\n\nA three letter abbreviation (TLA) is short.\n"
    assert where(found(body, "jargon-acronym")) == [(1, 9, "error")]


def test_ampersand_and_plural_acronyms():
    assert where(found("Go to A&E now.\n", "jargon-acronym")) == [(1, 7, "error")]
    assert found("Accident and emergency (A&E) is open. Go to A&E.\n", "jargon-acronym") == []
    glossary = [term("integrated-care-board", "integrated care board", ["ICB"])]
    assert found("Two ICBs joined.\n", "jargon-acronym", terms=glossary) == []
    assert where(found("Two XYZs joined.\n", "jargon-acronym")) == [(1, 5, "error")]


def test_well_known_acronyms_pass_and_are_a_short_documented_list():
    assert found("The NHS and your GP in the UK.\n", "jargon-acronym") == []
    well_known = builtin_lists().well_known
    assert {"NHS", "GP", "UK"} <= set(well_known) and len(well_known) <= 12
    assert all(why for why in well_known.values())


def test_acronym_in_glossary_passes():
    glossary = [term("pals", "PALS", stands_for="Patient Advice and Liaison Service")]
    assert found("Call PALS today.\n", "jargon-acronym", terms=glossary) == []
    assert found("Call PALS today.\n", "jargon-term", terms=glossary) == []


# --- outdated names ----------------------------------------------------------------------


def test_outdated_name_is_an_error_with_the_current_name():
    findings = found("Write to your CCG about it.\n", "jargon-outdated")
    assert where(findings) == [(1, 15, "error")]
    assert "integrated care board" in findings[0].suggestion
    assert "2022" in findings[0].why


def test_outdated_name_beside_its_current_name_explains_the_change():
    body = "Integrated care boards replaced clinical commissioning groups in 2022.\n"
    assert found(body, "jargon-outdated") == []
    assert where(found("Public Health England closed.\n", "jargon-outdated")) == [(1, 1, "error")]


# --- plain alternatives ------------------------------------------------------------------


def test_plain_alternative_is_a_warning_with_the_suggestion():
    findings = found("We will utilise your ideas.\n", "jargon-plain")
    assert where(findings) == [(1, 9, "warning")]
    assert findings[0].suggestion == "Use."
    assert found("We will use your ideas.\n", "jargon-plain") == []


def test_glossary_words_to_avoid_give_their_instead():
    glossary = [term("synergy", "synergy", avoid=True, instead="working well together")]
    findings = found("There is synergy.\n", "jargon-plain", terms=glossary)
    assert where(findings) == [(1, 10, "warning")]
    assert findings[0].suggestion == "Working well together."


# --- sentences and paragraphs ------------------------------------------------------------


def _words(n: int) -> str:
    return " ".join(["word"] * n)


def test_sentence_length_suggestion_then_warning_with_a_split_point():
    assert found(f"{_words(20)}.\n", "jargon-sentence-length") == []
    assert where(found(f"{_words(21)}.\n", "jargon-sentence-length")) == [(1, 1, "suggestion")]
    long = (
        "We asked the patients on the ward what they thought of the new leaflet, "
        "because the old one was confusing for many people and for their carers at home."
    )
    line = f"Short one. {long}"
    findings = found(line + "\n", "jargon-sentence-length")
    assert where(findings) == [(1, 12, "warning")]
    assert findings[0].message == "This sentence has 29 words. We aim for 20 or fewer."
    assert line.index("because") + 1 == 84
    assert "before 'because' (line 1, column 84)" in findings[0].suggestion


def test_abbreviations_and_addresses_do_not_end_a_sentence():
    body = f"Bring things, e.g. pens and paper, to the room at 111.nhs.uk today. Then {_words(3)}.\n"
    text = checkable_markdown(body)
    from sidebyside.checks.jargon.rules import sentences

    block = text.blocks[0]
    assert len(sentences(text.text, block.start, block.end)) == 2


def test_paragraph_length():
    assert found("One. Two. Three.\n", "jargon-paragraph-length") == []
    assert where(found("One. Two. Three. Four.\n", "jargon-paragraph-length")) == [(1, 1, "suggestion")]
    assert where(found("One. Two. Three. Four. Five. Six.\n", "jargon-paragraph-length")) == [(1, 1, "warning")]


# --- reading age -------------------------------------------------------------------------


def test_syllables_are_counted_offline_and_acronyms_letter_by_letter():
    assert syllables("cat") == 1
    assert syllables("table") == 2
    assert syllables("improvement") == 3
    assert syllables("NHS") == 3
    assert syllables("ICBs") == 4
    assert syllables("WHO") == 5  # W is three syllables: double-you


def test_reading_age_well_above_the_target_is_a_warning_naming_the_hardest_sentences():
    hard = "Organisational accountability necessitates comprehensive multidisciplinary consideration. " * 3
    assert found(hard, "jargon-reading-age") == []  # under 100 words
    findings = found(hard * 10, "jargon-reading-age")
    assert len(findings) == 1 and findings[0].severity is Severity.WARNING
    assert "reading age of about" in findings[0].message and "target of 11" in findings[0].message
    assert findings[0].suggestion.count("line 1 (") == 3 and "'Organisational'" in findings[0].suggestion
    easy = "We meet on Monday. We talk and we listen. " * 20
    assert found(easy, "jargon-reading-age") == []
    age, words = reading_age(checkable_markdown(easy))
    assert words == 180 and age < 9


def test_reading_age_a_little_above_the_target_is_a_suggestion_and_the_target_is_the_courses():
    from sidebyside.checks import ReadingTargets

    # About 12.6: above 11, but by less than two years.
    middle = "Our improvement team looked at waiting times together and agreed on a different change to try. " * 8
    age, _ = reading_age(checkable_markdown(middle))
    assert 11.5 < age < 13, age
    (finding,) = found(middle, "jargon-reading-age")
    assert finding.severity is Severity.SUGGESTION
    assert [f for f in check_markdown(middle, reading=ReadingTargets(participant=13)) if f.rule == "jargon-reading-age"] == []
    (strict,) = [f for f in check_markdown(middle, reading=ReadingTargets(participant=9)) if f.rule == "jargon-reading-age"]
    assert strict.severity is Severity.WARNING and "target of 9" in strict.message


def test_trainer_notes_have_their_own_reading_age_target():
    from sidebyside.checks import ReadingTargets

    notes = "!!! trainer\n\n    " + "Facilitators should encourage participants to articulate their expectations explicitly. " * 12 + "\n"
    participant = "We meet on Monday. We talk and we listen. " * 20 + "\n\n"
    findings = [f for f in check_markdown(participant + notes) if f.rule == "jargon-reading-age"]
    assert (
        len(findings) == 1
        and findings[0].message.startswith("The trainer notes on this page have")
        and "target of 14" in findings[0].message
    )
    relaxed = check_markdown(participant + notes, reading=ReadingTargets(trainer=30))
    assert [f for f in relaxed if f.rule == "jargon-reading-age"] == []


# --- the word lists' own examples --------------------------------------------------------

RULE_OF = {"jargon": "jargon-term", "outdated": "jargon-outdated", "plain": "jargon-plain"}
EXAMPLES = [
    pytest.param(entry.list, entry.term, text, expected, id=f"{entry.list}:{entry.term}:{'flags' if expected else 'passes'}:{n}")
    for entry in builtin_lists().entries
    for expected, texts in ((True, entry.flags), (False, entry.passes))
    for n, text in enumerate(texts)
]


def test_every_entry_has_examples_of_both_kinds():
    for entry in builtin_lists().entries:
        assert entry.why and entry.source and entry.plain, entry.term
        if entry.list != "plain" or entry.flags or entry.passes:  # the phrase list's forms are tested below
            assert entry.flags and entry.passes, entry.term


PHRASE_FORMS = [
    pytest.param(entry.term, form, id=f"phrase:{form}")
    for entry in builtin_lists().entries
    if entry.list == "plain" and not entry.flags
    for form in entry.all_forms
]


def test_the_phrase_list_is_long_and_readable():
    phrases = [e for e in builtin_lists().entries if e.list == "plain"]
    assert len(phrases) >= 150
    text = (DATA / "phrases.yml").read_text(encoding="utf-8")
    assert "patient partners" in text and "source: Side by Side course team" in text


@pytest.mark.parametrize(("term_name", "form"), PHRASE_FORMS)
def test_every_form_of_every_phrase_is_found_in_a_sentence(term_name: str, form: str):
    findings = found(f"At the meeting, {form} came up twice.\n", "jargon-plain")
    assert findings, (term_name, form)
    assert findings[0].message == f"'{form}' has a plainer alternative."


@pytest.mark.parametrize(("list_name", "name", "text", "expected"), EXAMPLES)
def test_word_list_examples(list_name: str, name: str, text: str, expected: bool):
    findings = found(text + "\n", RULE_OF[list_name])
    assert bool(findings) is expected, f"{name}: {text!r} gave {[f.message for f in findings]}"


def test_a_form_the_glossary_does_not_link_is_not_explained_and_the_fix_says_which_term():
    glossary = [term("referral", "referral", ["referrals"])]
    findings = found("You can refer yourself.\n", "jargon-term", terms=glossary)
    assert where(findings) == [(1, 9, "error")]
    assert findings[0].suggestion.startswith("The glossary has 'referral': add 'refer' to that term's `aliases`")
    assert found("You need a referral.\n", "jargon-term", terms=glossary) == []
