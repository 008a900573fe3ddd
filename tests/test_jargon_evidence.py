"""Jargon that nobody put on a list: uncommon words by evidence, phrases, acronyms in any
case, reading age against the course's target, front matter prose, and messages a
contributor can act on. The paragraphs are our own, written to read like real
improvement programme pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factory import Course
from sidebyside.checks.jargon import WordListError, WordLists, check_markdown, read_list
from sidebyside.checks.jargon.data import DATA
from sidebyside.checks.jargon.licences import is_licence
from sidebyside.checks.jargon.vocabulary import Thresholds, Vocabulary, plain_forms, zipf
from sidebyside.content.model import Term
from sidebyside.findings import Finding, Severity, format_for_people

REPO = Path(__file__).resolve().parent.parent


def glossary_term(slug: str, name: str, aliases: list[str] | None = None) -> Term:
    return Term(slug, Path(f"glossary/{slug}.md"), f"glossary/{slug}.md", name, "A plain meaning.", "", 5, "", aliases or [], [])


def evidence_only() -> WordLists:
    """No word lists at all: only the frequency evidence, its thresholds and the acronym data."""
    lists = WordLists()
    for name in ("vocabulary.yml", "acronyms.yml"):
        more = read_list(DATA / name, name)
        lists.thresholds.update(more.thresholds)
        lists.everyday |= more.everyday
        lists.names |= more.names
        lists.well_known.update(more.well_known)
    return lists


def named(body: str, rule: str | None = None, **kwargs) -> dict[str, Finding]:
    """The words findings name (the text between the first pair of quotes), by word."""
    result = {}
    for f in check_markdown(body, **kwargs):
        if rule is None or f.rule == rule:
            word = f.message.split("'")[1] if "'" in f.message else f.rule
            result.setdefault(word, f)
    return result


# --- uncommon words, by evidence ----------------------------------------------------------

TRAINING_PAGE = """\
# Learning together

Every new member of staff completes a practicum before the programme starts. The aim is to
upskill teams so that they can lead change without outside help.

Some patients told us that earlier projects felt paternalistic. They said they had felt
disempowered, and that asking them to sign off a finished plan was tokenistic.
"""


def test_rare_words_are_found_by_evidence_with_a_plain_message():
    found = named(TRAINING_PAGE, "jargon-uncommon", lists=evidence_only())
    assert {"practicum", "upskill", "paternalistic", "disempowered", "tokenistic"} <= set(found)
    practicum = found["practicum"]
    assert (practicum.line, practicum.column, practicum.severity) == (3, 39, Severity.WARNING)
    assert practicum.message == "Few people use the word 'practicum'."
    assert practicum.suggestion == (
        'Explain it in the same paragraph ("practicum, which means ..."), add it to the glossary (`sidebyside new term`), '
        "or use a plainer word."
    )
    assert "rare in everyday English" in practicum.why and "everyday words score 4 or more" in practicum.why


def test_long_formal_words_that_people_have_seen_but_do_not_use_are_found():
    body = (
        "Our methodology is simple. We want a reciprocal relationship with the people who use the service. "
        "We collect qualitative and quantitative information.\n"
    )
    found = named(body, "jargon-uncommon", lists=evidence_only())
    assert {"methodology", "reciprocal", "qualitative", "quantitative"} <= set(found)
    assert found["methodology"].message == "'methodology' is a long, formal word that many people do not use."
    report = "Attrition was high, and funding remains contingent on fidelity to the model.\n"
    long_words = named(report, "jargon-uncommon", lists=evidence_only())
    assert {"Attrition", "contingent", "fidelity"} <= set(long_words)
    assert long_words["contingent"].message == "'contingent' is a long word that many people do not use."
    # Everyday long words score high and pass.
    assert (
        named("We made an appointment to talk about the information and the improvement.\n", "jargon-uncommon", lists=evidence_only()) == {}
    )


def test_explained_nearby_is_not_flagged():
    explained = [
        "Staff do a practicum, which means a practical course, in their first month.",
        "Staff do a practicum (a practical course) in their first month.",
        "Staff do a practical course (a practicum) in their first month.",
        "Staff do a practical course, called a practicum, in their first month.",
        "A practicum is a practical course. Staff do one in their first month.",
        "Staff do a practicum: a practical course, in their first month.",
        "Staff do a practicum, meaning a practical course, in their first month.",
    ]
    for text in explained:
        assert "practicum" not in named(text + "\n", "jargon-uncommon", lists=evidence_only()), text
    # Explained once on a page covers later uses, in any form.
    body = "A practicum is a practical course.\n\nLater, each practicum ends with a chat.\n"
    assert named(body, "jargon-uncommon", lists=evidence_only()) == {}
    # Explained in another paragraph after the first use is too late.
    late = "Staff do a practicum first.\n\nA practicum is a practical course.\n"
    assert named(late, "jargon-uncommon", lists=evidence_only())["practicum"].line == 1


def test_every_form_of_a_word_is_one_word_and_reported_once():
    body = "We upskilled the team. Upskilling takes time. We will upskill more people next year.\n"
    found = [f for f in check_markdown(body, lists=evidence_only()) if f.rule == "jargon-uncommon"]
    assert len(found) == 1 and "'upskilled'" in found[0].message and found[0].line == 1
    assert "upskill" in plain_forms("upskilling") and "enabler" in plain_forms("enablers")


def test_glossary_words_names_and_everyday_words_are_not_flagged():
    glossary = [glossary_term("practicum", "practicum", ["practicums"])]
    assert named("Everyone does the practicum. Two practicums a year.\n", "jargon-uncommon", terms=glossary, lists=evidence_only()) == {}
    # Capitalised in the middle of a sentence: a name. At the start of a sentence: a name
    # unless it ends like a word ("Tokenistic").
    story = "I met Okafor at the clinic. Arnstein wrote about it. Tokenistic meetings upset me.\n"
    found = named(story, "jargon-uncommon", lists=evidence_only())
    assert set(found) == {"Tokenistic"}
    # British everyday words that wordfreq under-rates, and a page's own allowed words.
    assert named("Wear your lanyard and visit the optician.\n", "jargon-uncommon", lists=evidence_only()) == {}
    assert named("<!-- jargon allow practicum -->\nThe practicum starts soon.\n", "jargon-uncommon", lists=evidence_only()) == {}


def test_uncommon_words_in_trainer_notes_are_suggestions_and_in_story_quotes_for_information():
    notes = "Some words.\n\n!!! trainer\n\n    Explain the practicum to the group.\n"
    (finding,) = [f for f in check_markdown(notes, lists=evidence_only()) if f.rule == "jargon-uncommon"]
    assert finding.severity is Severity.SUGGESTION
    quote = '> "It felt tokenistic," she said.\n'
    (said,) = [f for f in check_markdown(quote, kind="story", lists=evidence_only()) if f.rule == "jargon-uncommon"]
    assert said.severity is Severity.SUGGESTION and said.message.startswith("For information only")


def test_word_frequencies_come_with_the_package_and_are_cheap():
    assert zipf("appointment") > 4 > zipf("clinician") > zipf("practicum") > 0
    assert zipf("zzqqxx") == 0
    vocabulary = Vocabulary(Thresholds(rare_below=3.0, formal_below=4.0, formal_min_letters=8, formal_endings=("ology",)))
    assert vocabulary.verdict("practicum").kind == "rare"
    assert vocabulary.verdict("methodology").kind == "formal"
    assert vocabulary.verdict("people") is None and vocabulary.verdict("co-production") is None
    assert vocabulary.verdict("practicum") is vocabulary.verdict("practicum")  # the answer is kept


def test_the_quick_read_of_wordfreqs_file_matches_wordfreqs_own_answer():
    from sidebyside.checks.jargon.vocabulary import _buckets_from_wordfreq, _read_cbpack

    quick = _read_cbpack()
    assert quick is not None and quick == _buckets_from_wordfreq()


def test_thresholds_are_data_and_a_course_can_add_everyday_words(course: Course) -> None:
    course.module("01-test", "Bring your thermos and a gazebo for the picnic.\n")
    result = course.run("check", "--format", "json")
    words = {f["message"].split("'")[1] for f in json.loads(result.out) if f["rule"] == "jargon-uncommon"}
    assert words == {"thermos", "gazebo"}
    course.write("jargon/words.yml", "list: vocabulary\neveryday: [thermos]\nnames: [gazebo]\n")
    again = json.loads(course.run("check", "--format", "json").out)
    assert [f for f in again if f["rule"] == "jargon-uncommon"] == []


def test_a_broken_threshold_is_a_setup_problem_in_plain_words(tmp_path: Path) -> None:
    bad = tmp_path / "words.yml"
    bad.write_text("list: vocabulary\nrare_below: high\n", encoding="utf-8")
    with pytest.raises(WordListError, match=r"`rare_below` should be a number, like 3.0"):
        read_list(bad, "jargon/words.yml")


# --- phrases ------------------------------------------------------------------------------

MANAGEMENT_PAGE = """\
Going forward, our operating model puts change agents at the point of care. Each team
works across the micro, meso and macro system. We will look at barriers and enablers, and
at the return on investment.

The evaluation used semi-structured interviews and a thematic analysis. Staff get dosed,
tiered training, and leaders with positional authority must leverage it.
"""


def test_business_management_and_research_phrases_get_plainer_words():
    found = named(MANAGEMENT_PAGE, "jargon-plain")
    for phrase in (
        "Going forward",
        "operating model",
        "change agents",
        "point of care",
        "meso",
        "barriers and enablers",
        "return on investment",
        "semi-structured interviews",
        "thematic analysis",
        "dosed",
        "positional authority",
        "leverage",
    ):
        assert phrase in found, phrase
    assert found["point of care"].suggestion == "Where the patient is seen or cared for, such as the ward or the clinic."
    assert found["operating model"].severity is Severity.WARNING


# --- acronyms in any case -----------------------------------------------------------------


def test_acronyms_in_any_case_need_spelling_out_or_a_glossary_entry():
    body = "The AQuA team ran QICoach sessions with SU/C members. Patients used mHealth apps.\n"
    found = named(body, "jargon-acronym")
    assert set(found) == {"AQuA", "QICoach", "SU/C", "mHealth"}
    assert found["AQuA"].severity is Severity.ERROR
    assert "It stands for mobile health" in found["mHealth"].message
    spelt = "The Advancing Quality Alliance (AQuA) helped. Later AQuA helped again.\n"
    assert named(spelt, "jargon-acronym") == {}
    assert named("QICoach helps.\n", "jargon-acronym", terms=[glossary_term("qicoach", "QICoach")]) == {}


def test_licences_brands_and_surnames_are_not_acronyms():
    body = (
        "Text under CC BY 4.0, code under MIT and Apache-2.0, facts under the OGL-UK-3.0 and CC BY-SA. "
        "Watch it on YouTube or in PowerPoint. Ask Ms McDonald. Use Mon/Tue or and/or.\n"
    )
    assert named(body, "jargon-acronym") == {}
    assert named(body, "jargon-uncommon") == {}
    names = ("CC BY", "CC BY-SA", "MIT", "OGL", "OGL-UK", "Apache")
    assert is_licence("CC-BY-4.0", names) and is_licence("OGL-UK-3.0", names) and is_licence("MIT", names)
    assert not is_licence("NHS", names)


# --- reading age that matters -------------------------------------------------------------


def test_a_page_of_management_language_gets_a_reading_age_warning_naming_where_to_start():
    page = MANAGEMENT_PAGE * 3
    (finding,) = [f for f in check_markdown(page) if f.rule == "jargon-reading-age"]
    assert finding.severity is Severity.WARNING
    assert "above this course's target of 11" in finding.message
    assert finding.suggestion.startswith("Start with the hardest sentences. line ")
    assert finding.suggestion.count("): ") == 3 and "long words (" in finding.suggestion


def test_the_course_sets_its_reading_age_target_in_mkdocs_yml(course: Course) -> None:
    body = "Our improvement team looked at waiting times together and agreed on a different change to try.\n\n" * 8
    course.module("01-test", body)
    result = json.loads(course.run("check", "--format", "json").out)
    (suggestion,) = [f for f in result if f["rule"] == "jargon-reading-age"]
    assert suggestion["severity"] == "suggestion" and "target of 11" in suggestion["message"]
    course.config["plugins"][2]["sidebyside"]["reading_age"] = 9
    course.write_config()
    result = json.loads(course.run("check", "--format", "json").out)
    (warning,) = [f for f in result if f["rule"] == "jargon-reading-age"]
    assert warning["severity"] == "warning" and "target of 9" in warning["message"]


# --- a held-out style page ----------------------------------------------------------------

RESEARCH_PAGE = """\
# About the evaluation

Our evaluation framework drew on a mixed-methods methodology. We held focus groups and
semi-structured interviews with key stakeholders, then did a thematic analysis. The
qualitative findings were triangulated with quantitative metrics from the dashboard.

Findings suggest the programme was transformational for some teams. Participants said
earlier involvement felt tokenistic and paternalistic, with a clear power imbalance.
Going forward, we will operationalise the learning through a community of practice and
embed co-design at every touchpoint.

Key enablers included senior buy-in and a reciprocal coaching model. The main barriers
were workforce capacity and a lack of protected time for reflective practice.
"""

PROBLEM_WORDS = [
    "framework",
    "mixed-methods",
    "methodology",
    "focus groups",
    "semi-structured interviews",
    "stakeholders",
    "thematic analysis",
    "qualitative",
    "triangulated",
    "quantitative",
    "metrics",
    "dashboard",
    "transformational",
    "tokenistic",
    "paternalistic",
    "power imbalance",
    "Going forward",
    "operationalise",
    "community of practice",
    "embed",
    "touchpoint",
    "enablers",
    "buy-in",
    "reciprocal",
    "coaching model",
    "workforce",
    "capacity",
    "reflective practice",
]


def test_a_page_of_research_language_has_most_of_its_problem_words_named():
    findings = check_markdown(RESEARCH_PAGE)
    text = " ".join(f.message.casefold() for f in findings)
    named_words = [w for w in PROBLEM_WORDS if w.casefold() in text]
    assert len(named_words) >= len(PROBLEM_WORDS) * 2 / 3, sorted(set(PROBLEM_WORDS) - set(named_words))
    (age,) = [f for f in findings if f.rule == "jargon-reading-age"]
    assert age.severity is Severity.WARNING


# --- front matter prose ---------------------------------------------------------------------


def test_summaries_outcomes_and_activities_are_checked_at_their_own_line(course: Course) -> None:
    course.module(
        "01-test",
        "Plain words here.\n",
        summary="How the operating model works.",
        outcomes=["know what we mean by plain words", "understand our methodology"],
        activities=[{"title": "Talk", "minutes": 5, "description": "Share a practicum story."}],
    )
    course.story("mine", "My story.\n", summary="It felt tokenistic to me.")
    result = json.loads(course.run("check", "--format", "json").out)
    text = (course.root / "modules" / "01-test" / "index.md").read_text(encoding="utf-8").split("\n")
    story_text = (course.root / "stories" / "mine.md").read_text(encoding="utf-8").split("\n")

    def at(word: str) -> tuple[str, str]:
        (f,) = [f for f in result if f"'{word}'" in f["message"]]
        lines = story_text if f["path"].startswith("stories") else text
        return f["path"], lines[f["line"] - 1][f["column"] - 1 :][: len(word)]

    assert at("operating model") == ("modules/01-test/index.md", "operating model")
    assert at("methodology") == ("modules/01-test/index.md", "methodology")
    assert at("practicum") == ("modules/01-test/index.md", "practicum")
    assert at("tokenistic") == ("stories/mine.md", "tokenistic")


# --- messages a contributor acts on ---------------------------------------------------------


def test_the_same_reminder_in_many_files_is_said_once_with_the_list():
    same = [
        Finding(
            f"modules/0{n}-x/index.md", 11, 1, "co-production-missing", Severity.WARNING, "No co-producers listed.", "List them.", "Why."
        )
        for n in range(1, 6)
    ]
    other = Finding("stories/a.md", 3, 2, "jargon-plain", Severity.WARNING, "'utilise' has a plainer alternative.", "Use.")
    text = format_for_people([*same, other])
    assert text.count("No co-producers listed.") == 1
    assert "In 5 places: warning: No co-producers listed." in text
    assert "Where: modules/01-x/index.md line 11, modules/02-x/index.md line 11" in text
    assert "stories/a.md\n  line 3, column 2: warning: 'utilise' has a plainer alternative." in text
    assert text.endswith("Found 0 errors, 6 warnings and 0 suggestions.")


def test_a_misspelt_macro_gets_did_you_mean_not_a_warning_about_passwords(course: Course) -> None:
    course.module("01-test", 'Read {{ stroy("my-story") }} and {{ secrets }}.\n')
    result = course.run("check")
    assert result.code == 1
    assert "`stroy` is not a macro we know. Did you mean `story`?" in result.text
    assert 'Change `stroy` to `story`, for example `{{ story("the-file-name") }}`.' in result.text
    stroy = result.text.split("`stroy`", 1)[1].split("line ", 1)[0]
    assert "password" not in stroy
    assert "`secrets` cannot be used in a page." in result.text  # not a slip: the safety message stays


def test_a_front_matter_mistake_does_not_hide_the_checks_of_the_body(course: Course) -> None:
    path = course.module("01-test", "Our operating model is run by the AQuA team.\n")
    path.write_text(path.read_text(encoding="utf-8").replace("summary:", "sumary:"), encoding="utf-8")
    course.story("mine", "I felt it was tokenistic. <script>alert(1)</script>\n", kind="maybe")
    result = course.run("check")
    assert result.code == 1
    assert "`sumary` is not a known field." in result.text and "Did you mean `summary`?" in result.text
    assert "'AQuA' is not in the glossary" in result.text and "'operating model' has a plainer alternative." in result.text
    assert "`kind` is `maybe`" in result.text
    assert "`<script>` is not allowed in pages." in result.text and "'tokenistic'" in result.text
    assert "Traceback" not in result.text


# --- the reference course -------------------------------------------------------------------


def test_the_reference_course_has_no_errors_and_no_uncommon_word_alarms() -> None:
    from sidebyside.app.session import BuildSession

    _, findings = BuildSession.open(REPO / "mkdocs.yml").load()
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    jargon = [f for f in findings if f.rule in ("jargon-uncommon", "jargon-acronym", "jargon-plain", "jargon-term")]
    assert jargon == [], format_for_people(jargon)
    assert not [f for f in findings if f.rule == "jargon-reading-age" and f.severity is Severity.WARNING]


def test_contributors_have_the_word_lists_and_findings_explained() -> None:
    guide = (REPO / "reference" / "jargon.md").read_text(encoding="utf-8")
    for needed in ("jargon-uncommon", "rare_below", "formal_below", "phrases.yml", "vocabulary.yml", "reading_age", "which means"):
        assert needed in guide, needed
    assert "reference/jargon.md" in (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")


def test_a_glossary_definition_must_itself_use_common_words(course: Course) -> None:
    course.term("huddle", "huddle", "A short practicum meeting where the team stands together.")
    course.term("sprint", "sprint", "A short spell of focused teamwork with a methodology.")
    result = json.loads(course.run("check", "--format", "json").out)
    said = [(f["path"], f["line"], f["rule"], f["message"]) for f in result if f["path"].startswith("glossary/")]
    assert ("glossary/huddle.md", 3, "jargon-plain", "'practicum' has a plainer alternative.") in said
    assert len([s for s in said if "practicum" in s[3]]) == 1  # said once, not by two rules
    assert any(s[0] == "glossary/sprint.md" and "'methodology'" in s[3] for s in said)
