"""What a reader sees on module, story and index pages, and that builds are all-or-nothing."""

from __future__ import annotations

from pathlib import Path

from factory import Course, tree_hash


def test_module_page_shows_what_a_reader_needs(course: Course) -> None:
    course.module(
        "02-the-nhs",
        '## Parts of the NHS\n\nSome words.\n\n!!! trainer "Notes for trainers"\n    Secret trainer advice.\n\nMore words.\n',
        title="How the NHS works",
        summary="A short tour of the NHS.",
        duration=35,
        outcomes=["know the main parts of the NHS", "know how to be heard"],
        co_produced_with=[
            {"name": "Sam Jones", "role": "patient partner", "display": "first-name"},
            {"name": "Dr Lee Patel", "role": "clinician", "display": "full"},
            {"name": "Jo Bloggs", "role": "carer", "display": "anonymous"},
        ],
        last_reviewed="2026-11-01",
        next_review="2027-11-01",
        version="1.2",
        changes=[{"version": "1.2", "changed": "Added NHS 111."}, {"version": "1.0", "changed": "First version."}],
    )
    assert course.build().code == 0
    page = course.page("modules/the-nhs/index.html")
    assert "How the NHS works" in page and "A short tour of the NHS." in page
    assert "By the end of this module you will" in page
    assert "know the main parts of the NHS" in page and "know how to be heard" in page
    assert "about 35 minutes" in page and "Version 1.2" in page
    assert "Sam (patient partner)" in page and "Sam Jones" not in page
    assert "Dr Lee Patel (clinician)" in page
    assert "A carer" in page and "Jo Bloggs" not in page
    assert "Page last reviewed: 1 November 2026" in page and "Next review due: 1 November 2027" in page
    assert "What changed in version 1.2" in page and "Added NHS 111." in page and "First version." not in page
    assert "NHS website" in page and 'href="https://www.nhs.uk/"' in page
    assert "Secret trainer advice" not in page
    assert "Secret trainer advice" not in (course.root / "site" / "search" / "search_index.json").read_text()
    assert '<html lang="en-GB"' in page


def test_page_without_co_producers_says_so_honestly(course: Course) -> None:
    course.module(co_produced_with=[])
    assert course.build().code == 0
    assert "not yet been reviewed with patient partners" in course.page("modules/test/index.html")


def test_modules_follow_their_order_in_nav_and_overview(course: Course) -> None:
    course.module("01-zebra", title="Zebra module", order=2)
    course.module("02-apple", title="Apple module", order=1)
    assert course.build().code == 0
    overview = course.page("modules/index.html")
    assert overview.index("Apple module") < overview.index("Zebra module")
    home = course.page("index.html")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    assert nav.index("Apple module") < nav.index("Zebra module")


def test_stories_index_story_pages_and_consent(course: Course) -> None:
    course.module("01-welcome", title="Welcome")
    course.story("amira", "I was nervous.\n", title="Finding my voice", summary="Amira's first meeting.", modules=["welcome"])
    course.story(
        "no-consent",
        "A real story.\n",
        title="A real story without consent",
        kind="real",
        teller={"name": "Real Person", "display": "full", "role": "carer"},
    )
    course.story(
        "print-only",
        "Only for paper.\n",
        title="A story for print only",
        kind="real",
        teller={"name": "Pat", "display": "anonymous", "role": "staff"},
        consent={"recorded": "2026-01-01", "ref": "C-1", "scope": ["print"], "expires": "2028-01-01"},
    )
    result = course.run("build")  # not strict: a real story without consent is a warning
    assert result.code == 0, result.text
    assert "no-consent" in result.text and "left out" in result.text
    index = course.page("stories/index.html")
    assert "Finding my voice" in index and "Amira's first meeting." in index
    assert "A real story without consent" not in index and "A story for print only" not in index
    page = course.page("stories/amira/index.html")
    assert "This story was written for the course" in page
    assert "A story told by Alex, a patient." in page
    assert "Welcome" in page
    assert not (course.root / "site" / "stories" / "no-consent").exists()
    assert not (course.root / "site" / "stories" / "print-only").exists()
    search = (course.root / "site" / "search" / "search_index.json").read_text()
    assert "without consent" not in search and "Only for paper" not in search
    assert "no-consent" not in (course.root / "site" / "sitemap.xml").read_text()


def test_story_macro_embeds_a_card_and_respects_consent(course: Course) -> None:
    course.story("amira", title="Finding my voice", summary="Amira's first meeting.")
    course.story(
        "withdrawn",
        title="Withdrawn story",
        kind="real",
        consent={"recorded": "2026-01-01", "ref": "C-2", "scope": ["web"], "expires": "2028-01-01", "withdrawn": True},
    )
    course.module("01-welcome", 'Read this:\n\n{{ story("amira") }}\n\n{{ story("withdrawn") }}\n\n{{ term("run-chart") }}\n')
    course.term("run-chart", "run chart", "A graph over time.")
    assert course.run("build").code == 0  # not strict: withdrawn consent is a warning
    page = course.page("modules/welcome/index.html")
    assert 'href="../../stories/amira/"' in page and "Finding my voice" in page
    assert "Withdrawn story" not in page
    assert 'href="../../glossary/#run-chart"' in page


def test_unknown_story_in_macro_fails_the_build(course: Course) -> None:
    course.story("amira")
    course.module("01-welcome", 'Intro.\n\n{{ story("amria") }}\n')
    result = course.build()
    assert result.code != 0
    line = (course.root / "modules/01-welcome/index.md").read_text().splitlines().index('{{ story("amria") }}') + 1
    assert "modules/01-welcome/index.md" in result.text and f"line {line}," in result.text, result.text
    assert '`story("amria")` does not match any story' in result.text
    assert "amira" in result.text
    assert "Traceback" not in result.text
    assert not (course.root / "site").exists()


def test_links_by_site_address_are_checked(course: Course) -> None:
    course.module("01-one", "See [two](../two/) and [the term](../../glossary/#run-chart).\n", title="One")
    course.module("02-two", "See [nowhere](../three/).\n", title="Two", order=2)
    course.term("run-chart", "run chart", "A graph over time.")
    result = course.build()
    assert result.code != 0
    assert "../three/" in result.text
    course.write("modules/02-two/index.md", (course.root / "modules/02-two/index.md").read_text().replace("../three/", "../one/"))
    assert course.build().code == 0
    assert 'href="../two/"' in course.page("modules/one/index.html")


def test_failed_build_leaves_the_last_good_site_whole(course: Course) -> None:
    course.module("01-welcome", "Good words.\n", title="Welcome")
    assert course.build().code == 0
    before = tree_hash(course.root / "site")
    # A content error stops the build before MkDocs runs...
    course.write("glossary/broken.md", "---\nterm: [unclosed\n---\n")
    result = course.build()
    assert result.code == 1 and "glossary/broken.md" in result.text
    assert "last good site has been left as it was" in result.text
    assert tree_hash(course.root / "site") == before
    (course.root / "glossary" / "broken.md").unlink()
    # ...and a failure inside MkDocs (a broken link in strict mode) is caught too.
    course.module("01-welcome", "Good words and a [broken link](missing.md).\n", title="Welcome")
    result = course.build()
    assert result.code == 1 and "missing.md" in result.text
    assert tree_hash(course.root / "site") == before
    assert not [p for p in course.root.iterdir() if p.name.startswith(".site-")], "temporary folders were left behind"


def test_successful_build_replaces_the_site(course: Course) -> None:
    course.module("01-welcome", "First text.\n", title="Welcome")
    assert course.build().code == 0
    (course.root / "site" / "stale.html").write_text("old")
    course.module("01-welcome", "Second text.\n", title="Welcome")
    assert course.build().code == 0
    assert "Second text." in course.page("modules/welcome/index.html")
    assert not (course.root / "site" / "stale.html").exists()


def test_reference_course_builds_strict_with_no_warnings(reference_site: Path) -> None:
    """The reference course, built once for the session with `--verbose build --strict` (see browser_support)."""
    from browser_support import BUILD_OUTPUT

    said = (reference_site.parent / BUILD_OUTPUT).read_text(encoding="utf-8")
    assert "Built the site" in said, said
    assert "Warning" not in said and "WARNING" not in said, said
    for slug in ("welcome", "how-the-nhs-works", "what-is-quality-improvement", "working-together", "your-first-meeting"):
        assert (reference_site / "modules" / slug / "index.html").is_file()
    assert (reference_site / "glossary" / "index.html").is_file()
