"""The trainer edition: teaching pages with notes, a session plan, every note in one place;
participants' pages and search never show a trainer note."""

from __future__ import annotations

import json
import re

from factory import Course

NOTE_ONE = "Ask the group what a ward round is before you start."
NOTE_TWO = "Have tissues ready: this part can bring back memories."
STORY_NOTE = "Read this story aloud slowly."


def _text(html: str) -> str:
    article = re.search(r"<article.*?</article>", html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article.group(0) if article else html))


def small_course(course: Course, **options: object) -> None:
    course.config["plugins"][-1]["sidebyside"].update(options)
    course.write_config()
    course.module(
        "01-welcome",
        f'## Hello\n\nWelcome to the course. See [the glossary](../../glossary/).\n\n!!! trainer "Notes for trainers"\n    {NOTE_ONE}\n',
        title="Welcome",
        order=1,
        duration=20,
        activities=[
            {"title": "Name game", "minutes": 5, "materials": ["name badges", "pens"]},
            {
                "title": "What brought you here?",
                "minutes": 10,
                "materials": ["pens", "sticky notes"],
                "description": "Each person says one thing.",
            },
        ],
    )
    course.module(
        "02-hospitals",
        f'## Wards\n\nA ward is a room in a hospital.\n\n!!! trainer "Notes for trainers"\n    {NOTE_TWO}\n',
        title="Hospitals",
        order=2,
        duration=45,
        activities=[{"title": "Map a stay", "minutes": 15, "materials": ["flip chart paper"]}],
    )
    course.module("03-meetings", "## Meetings\n\nWhat happens in a meeting.\n", title="Meetings", order=3, duration=30)
    course.story("ward-story", f'Something happened on the ward.\n\n!!! trainer "Notes for trainers"\n    {STORY_NOTE}\n')


def test_trainer_pages_show_notes_and_participants_never_see_them(course: Course) -> None:
    small_course(course)
    result = course.build()
    assert result.code == 0, result.text

    teaching = course.page("trainers/modules/welcome/index.html")
    assert NOTE_ONE in teaching
    assert 'class="admonition trainer"' in teaching  # styled as a trainer note
    text = _text(teaching)
    assert "Teaching: Welcome" in text
    assert "Name game (5 minutes)" in text and "What brought you here? (10 minutes)" in text
    assert "You need: name badges, pens." in text
    assert "Each person says one thing." in text
    assert "| The whole module | 20 |" not in text and "The whole module 20" in text
    assert "Activities 15" in text and "Your own input, questions and settling in 5" in text
    assert "this module runs from 10:00 to 10:20" in text
    # The module's own address links still work from the deeper trainer address.
    assert 'href="../../../glossary/"' in teaching
    assert 'href="../../../modules/welcome/"' in teaching

    for participant in ("modules/welcome/index.html", "modules/hospitals/index.html", "stories/ward-story/index.html", "index.html"):
        page = course.page(participant)
        assert NOTE_ONE not in page and NOTE_TWO not in page and STORY_NOTE not in page
        assert 'class="admonition trainer"' not in page

    notes = _text(course.page("trainers/notes/index.html"))
    assert NOTE_ONE in notes and NOTE_TWO in notes and STORY_NOTE in notes
    assert notes.index("1. Welcome") < notes.index(NOTE_ONE) < notes.index("2. Hospitals") < notes.index(NOTE_TWO)
    assert "Story: Story ward-story" in notes


def test_search_index_never_holds_trainer_notes_or_trainer_pages(course: Course) -> None:
    small_course(course)
    assert course.build().code == 0
    index = json.loads(course.page("search/search_index.json"))
    everything = json.dumps(index)
    for note in (NOTE_ONE, NOTE_TWO, STORY_NOTE):
        assert note not in everything
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "modules/welcome/" in locations  # participants can still search the modules
    assert not any(loc.startswith("trainers/") and loc != "trainers/" for loc in locations), locations
    assert "Teaching: Welcome" not in everything


def test_session_plan_times_totals_breaks_and_materials(course: Course) -> None:
    small_course(course, session_start="09:30", session_break_every=60, session_break_minutes=15)
    result = course.build()
    assert result.code == 0, result.text
    plan = _text(course.page("trainers/session-plan/index.html"))
    # A break at most every 60 minutes of teaching, between modules: Welcome 20, then
    # Hospitals 45 would make 65, so a break comes first; Hospitals 45 and Meetings 30
    # would make 75, so another.
    assert re.search(r"09:30 09:50 Welcome 20 Name game \(5 min\); What brought you here\? \(10 min\)", plan), plan
    assert re.search(r"09:50 10:05 Break 15", plan)
    assert re.search(r"10:05 10:50 Hospitals 45 Map a stay \(15 min\)", plan)
    assert re.search(r"10:50 11:05 Break 15", plan)
    assert re.search(r"11:05 11:35 Meetings 30 None", plan)
    assert "Total: 2 hours 5 minutes, from 09:30 to 11:35. Teaching: 1 hour 35 minutes. Breaks: 2 breaks, 30 minutes in all." in plan
    assert "Activities take 30 minutes of the teaching time." in plan
    # Materials, once each, in the order first needed, with what needs them.
    checklist = plan[plan.index("Materials checklist") :]
    order = [checklist.index(item) for item in ("name badges", "pens", "sticky notes", "flip chart paper")]
    assert order == sorted(order)
    assert checklist.count(" pens ") == 1
    assert "pens (for Name game, What brought you here?)" in checklist
    assert 'type="checkbox"' in course.page("trainers/session-plan/index.html")


def test_unquoted_start_time_is_read_as_a_time(course: Course) -> None:
    small_course(course)
    text = (course.root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^(\s*)offline_copy:", r"\1session_start: 13:15\n\1offline_copy:", text, count=1, flags=re.M)
    (course.root / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert "session_start: 13:15\n" in text
    assert course.build().code == 0
    assert "13:15 13:35 Welcome" in _text(course.page("trainers/session-plan/index.html"))


def test_a_bad_start_time_is_explained(course: Course) -> None:
    small_course(course, session_start="half past ten")
    result = course.build()
    assert result.code != 0
    assert "session_start" in result.err and '"10:00"' in result.err
    assert "Traceback" not in result.text


def test_trainer_pages_sit_under_the_for_trainers_page(course: Course) -> None:
    small_course(course)
    course.write("docs/trainers.md", "# For trainers\n\nHow to teach this course.\n")
    course.config["nav"] = [{"Home": "index.md"}, {"Modules": "modules/index.md"}, {"For trainers": "trainers.md"}]
    course.write_config()
    result = course.build()
    assert result.code == 0, result.text
    page = course.page("trainers/index.html")
    assert "How to teach this course." in page
    nav = re.sub(r"\s*([<>])\s*", r"\1", page[page.index("md-nav--primary") : page.index("<article")])
    section = nav[nav.index('id="__nav_3_label"') :]
    assert ">For trainers<" in section[:300]  # the third section of the nav is "For trainers"
    # The landing page, then the generated pages, all inside the "For trainers" section.
    for href in ('href="./"', 'href="session-plan/"', 'href="notes/"', 'href="modules/welcome/"'):
        assert href in section, href
    assert section.index('href="session-plan/"') < section.index('href="modules/welcome/"')


def test_trainer_edition_can_be_turned_off(course: Course) -> None:
    small_course(course, trainer_edition=False)
    assert course.build().code == 0
    assert not (course.root / "site/trainers").exists()
