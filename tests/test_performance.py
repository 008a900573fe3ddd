"""What the build's speed relies on must not change what it builds.

No timings here (the benchmark is `./scripts/bench site`): these tests protect the
behaviour the fast paths depend on.
"""

from __future__ import annotations

import hashlib
import html
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factory import Course
from sidebyside.content import frontmatter, load_course
from sidebyside.content.matching import TermMatcher, words
from sidebyside.site import nav

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402


def _tree(root: Path, pattern: str = "*") -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob(pattern)) if p.is_file()}


# --- the generator -------------------------------------------------------------------


def test_generated_course_is_the_same_every_time_for_a_seed(tmp_path: Path) -> None:
    first = _tree(generate(tmp_path / "a", modules=4, terms=6, stories=3, words=120, seed=7))
    second = _tree(generate(tmp_path / "b", modules=4, terms=6, stories=3, words=120, seed=7))
    other = _tree(generate(tmp_path / "c", modules=4, terms=6, stories=3, words=120, seed=8))
    assert first == second
    assert first != other
    assert sum(1 for name in first if name.startswith("modules/")) == 4
    assert sum(1 for name in first if name.startswith("glossary/")) == 6


def test_generated_course_loads_without_problems(tmp_path: Path) -> None:
    course, findings = load_course(generate(tmp_path / "c", modules=3, terms=5, stories=2, words=200, seed=1))
    assert findings == []
    assert (len(course.modules), len(course.terms), len(course.stories)) == (3, 5, 2)
    assert all(len(m.body.split()) >= 200 for m in course.modules)


# --- caches and shortcuts change nothing --------------------------------------------


def _rich_course(course: Course) -> None:
    course.term("pdsa-cycle", "PDSA cycle", "A way to test a small change: plan, do, study, act.", aliases=["PDSA"])
    course.term("run-chart", "run chart", "A graph that shows how something changes over time.")
    course.story("my-story", "We drew a run chart together.\n", modules=["first-steps"])
    course.module(
        "01-first-steps",
        '## Getting going\n\nWe try a PDSA cycle and draw a run chart.\n\n{{ story("my-story") }}\n\n'
        '!!! trainer "Notes for trainers"\n    Ask about PDSA.\n',
        title="First steps",
    )
    course.module("02-next", "## More\n\nNo macros here, just a run chart.\n", title="Next steps", order=2)


def test_build_output_is_identical_with_and_without_caches(course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    _rich_course(course)
    outputs = []
    for no_cache in ("", "", "1"):  # cold caches, warm caches (templates on disk), no caches
        monkeypatch.setenv("SIDEBYSIDE_NO_CACHE", no_cache)
        result = course.build()
        assert result.code == 0, result.text
        outputs.append(_tree(course.root / "site", "*.html") | _tree(course.root / "site", "*.json"))
    assert outputs[0] == outputs[1] == outputs[2]
    assert (course.root / ".sidebyside-cache" / "templates").is_dir()
    page = course.page("modules/first-steps/index.html")
    assert 'href="../../stories/my-story/"' in page  # the macro still ran
    assert "{{" not in course.page("modules/next/index.html")


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "glossary" / "aim.md"
    path.parent.mkdir()
    path.write_text("---\nterm: aim\nplain: What we want.\n---\n", encoding="utf-8")
    cache = frontmatter.DocumentCache()
    first = cache.read(path, tmp_path)
    again = cache.read(path, tmp_path)
    path.write_text("---\nterm: aim\nplain: What we wish.\n---\n", encoding="utf-8")  # same size
    second = cache.read(path, tmp_path)
    assert first.meta["plain"] == again.meta["plain"] == "What we want."
    assert second.meta["plain"] == "What we wish."
    assert second == frontmatter.read_document(path, tmp_path)  # the same as reading it without the cache


def test_fast_and_slow_yaml_read_every_content_file_the_same() -> None:
    files = (
        sorted((REPO / "modules").glob("*/index.md")) + sorted((REPO / "glossary").glob("*.md")) + sorted((REPO / "stories").glob("*.md"))
    )
    assert files
    for path in files:
        front, _, _, _ = frontmatter.split(path.read_text(encoding="utf-8"), path.name)
        fast, fast_findings = frontmatter.parse_yaml(front, path.name, 2)
        slow, slow_findings = frontmatter._parse_yaml_slowly(front, path.name, 2)
        assert fast == slow and fast_findings == slow_findings == []
        assert fast.lines == slow.lines, path


def test_yaml_mistakes_get_the_same_advice_with_the_fast_parser(course: Course) -> None:
    course.write("glossary/aim.md", "---\nterm: aim\nplain: What we want.\naliases:\n\t- aims\n---\n")
    result = course.run("check")
    assert result.code == 1
    assert "glossary/aim.md" in result.text
    assert "YAML does not allow tabs" in result.text


def test_a_duplicate_key_is_still_found(course: Course) -> None:
    course.write("glossary/aim.md", "---\nterm: aim\nplain: What we want.\nterm: goal\n---\n")
    result = course.run("check")
    assert result.code == 1
    assert "`term` is given twice" in result.text


# --- the term matcher ---------------------------------------------------------------


def _naive(phrases: list[tuple[str, str]], text: str) -> list[tuple[int, int, str]]:
    """The obvious way: at each word, try every phrase; longest wins, then the first given."""
    found = words(text)
    patterns = []
    for order, (phrase, key) in enumerate(phrases):
        tokens = [w for _, _, w in words(phrase)]
        if tokens:
            patterns.append((tokens, order, key))
    result = []
    index = 0
    while index < len(found):
        best = None
        for tokens, order, key in patterns:
            if index + len(tokens) > len(found):
                continue
            ok = True
            for offset, want in enumerate(tokens):
                word = found[index + offset][2]
                exact = sum(c.isupper() for c in want) >= 2
                if (word != want) if exact else (word.casefold() != want.casefold()):
                    ok = False
                    break
                if offset and text[found[index + offset - 1][1] : found[index + offset][0]].strip(" \t\n\r"):
                    ok = False
                    break
                if offset and not text[found[index + offset - 1][1] : found[index + offset][0]]:
                    ok = False
                    break
            if ok and (best is None or len(tokens) > len(best[0]) or (len(tokens) == len(best[0]) and order < best[1])):
                best = (tokens, order, key)
        if best is None:
            index += 1
            continue
        last = index + len(best[0]) - 1
        result.append((found[index][0], found[last][1], best[2]))
        index = last + 1
    return result


VOCAB = [
    "GP",
    "gp",
    "run",
    "chart",
    "Run",
    "care",
    "plan",
    "A&E",
    "ICB",
    "ICBs",
    "the",
    "of",
    "PDSA",
    "cycle",
    "Straße",
    "STRASSE",
    "ΟΔΟΣ",
    "οδος",
    "ﬁle",
    "file",
    "don't",
]
SEPARATORS = [" ", "  ", "\n", ", ", ". ", "-", " (", "\t"]


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(
        st.tuples(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=3).map(" ".join), st.sampled_from(["a", "b", "c", "d"])),
        max_size=10,
    ),
    text=st.lists(st.tuples(st.sampled_from(VOCAB), st.sampled_from(SEPARATORS)), max_size=30).map(lambda p: "".join(a + b for a, b in p)),
)
def test_matcher_finds_what_trying_every_phrase_finds(phrases: list[tuple[str, str]], text: str) -> None:
    got = [(m.start, m.end, m.key) for m in TermMatcher(phrases).finditer(text)]
    assert got == _naive(phrases, text)


# --- menus --------------------------------------------------------------------------


def test_long_menus_are_grouped_and_keep_every_page_in_order() -> None:
    items = [{f"Module {n}": f"modules/m{n}/index.md"} for n in range(1, 46)]
    assert nav.group(items[:20], "Modules") == items[:20]
    grouped = nav.group(items, "Modules")
    assert [next(iter(g)) for g in grouped] == ["Modules 1 to 20", "Modules 21 to 40", "Modules 41 to 45"]
    assert [item for g in grouped for item in next(iter(g.values()))] == items
    big = nav.group([{str(n): f"{n}.md"} for n in range(1000)], "Modules")
    assert len(big) == 32 and all(len(next(iter(g.values()))) <= 32 for g in big)
    assert nav.group(items, "Modules", 0) == items


def test_with_prune_a_module_page_carries_only_its_own_group(course: Course) -> None:
    course.config["theme"]["features"] = ["navigation.indexes", "navigation.sections", "navigation.prune"]
    course.write_config()
    for n in range(1, 26):
        course.module(f"{n:02d}-topic-{n}", f"## Part\n\nText {n}.\n", title=f"Topic number {n}", order=n)
    result = course.build()
    assert result.code == 0, result.text
    late = course.page("modules/topic-25/index.html")
    early = course.page("modules/topic-1/index.html")
    assert "Modules 21 to 25" in late and "Modules 1 to 20" in late
    assert 'href="../topic-24/"' in late and 'href="../topic-3/"' not in late
    assert 'href="../topic-3/"' in early and 'href="../topic-24/"' not in early


# --- the personal details check skips lines that cannot hold one ---------------------


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab AZGIR0123456789@.-+()/: \t")), max_size=40))
def test_lines_skipped_by_the_personal_details_check_hold_no_details(text: str) -> None:
    from sidebyside.checks.personal_details import MAY_HOLD_DETAILS, find_details

    if not MAY_HOLD_DETAILS.search(text):
        assert list(find_details(text)) == []
    for sample in ("Call 020 7946 0018", "me@example.org", "SW1A 1AA", "born on 3 May 1990", "MRN 1234567"):
        assert MAY_HOLD_DETAILS.search(sample) and list(find_details(sample))


# --- work on the second core changes nothing ------------------------------------------


def _build(root: Path, site: str, **env: str) -> str:
    import os
    import subprocess

    from factory import SIDEBYSIDE

    done = subprocess.run(
        [str(SIDEBYSIDE), "build", "-d", site],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.replace(f" {site}:", " SITE:")  # the folder name only where the site is named


def test_a_build_on_two_cores_makes_the_same_site_as_one(tmp_path: Path) -> None:
    """The course is read and checked in a child process; SIDEBYSIDE_ONE_PROCESS does it all
    in the one process instead, with the same site and the same findings."""
    root = generate(tmp_path / "course", modules=40, terms=25, stories=10, words=150, seed=3)
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace(
            "- sidebyside:",
            "- sidebyside:\n      handouts: false\n      offline_copy: false\n      trust_name: Test trust\n      contact_email: qi@example.org",
        ),
        encoding="utf-8",
    )
    first = sorted((root / "modules").glob("*/index.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nWe will utilise your ideas.\n", encoding="utf-8")  # advice to find
    # Nothing kept from the first build: the second must read, check and convert everything itself.
    said = _build(root, "two", SIDEBYSIDE_NO_CACHE="1")
    assert said == _build(root, "one", SIDEBYSIDE_ONE_PROCESS="1", SIDEBYSIDE_NO_CACHE="1")  # the checks found the same
    assert "The writing checks found 1 warning(s)" in said
    two, one = _tree(root / "two"), _tree(root / "one")
    assert two == one
    last = max(p for p in two if p.startswith("modules/") and p.endswith("index.html") and p != "modules/index.html")
    page = (root / "two" / last).read_text(encoding="utf-8")
    assert 'class="sbs-term"' in page and "Words in this module" in page
    index = (root / "two" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Who made this page" in index and last.removesuffix("index.html") in index


def test_the_search_index_leaves_out_the_boxes_every_page_repeats(course: Course) -> None:
    _rich_course(course)
    assert course.build().code == 0
    index = json.loads(course.page("search/search_index.json"))
    text = " ".join(entry["title"] + " " + entry["text"] for entry in index["docs"])
    assert "We try a PDSA cycle" in text  # the page itself is found
    assert "Words in this module" not in text  # not every page that uses a word
    assert "Is something wrong" not in text  # nor the feedback box on every page
    page = course.page("modules/first-steps/index.html")
    assert "Words in this module" in page and "Is something wrong" in page


def test_fixed_parts_of_a_page_are_in_place_and_headings_in_its_contents(course: Course) -> None:
    _rich_course(course)
    assert course.build().code == 0
    page = course.page("modules/first-steps/index.html")
    assert "sbs-part-" not in page
    for heading in ("who-made-this-page", "where-our-facts-come-from", "what-changed-in-version-10"):
        assert f'href="#{heading}"' in page, heading  # listed under "On this page"
    made = page.index('id="who-made-this-page"')
    assert page.index("Sam Jones (patient partner)") > made
    assert page.index("Page last reviewed: 1 November 2026") > page.index('href="https://www.nhs.uk/"') > made
    assert '<p class="sbs-summary">A short module for testing.</p>' in page
    story = course.page("stories/my-story/index.html")
    assert "This story was written for the course" in story and 'class="admonition info"' in story


def test_linking_a_whole_page_at_once_links_what_linking_each_paragraph_would() -> None:
    from sidebyside.content.model import Term
    from sidebyside.render.html_text import text_runs
    from sidebyside.render.terms import link_terms, matcher_for

    terms = [
        Term(slug=slug, path=Path(f"{slug}.md"), rel=f"glossary/{slug}.md", term=term, plain=f"About {term}.", body="", body_line=1)
        for slug, term in TERMS
    ]
    by_slug = {t.slug: t for t in terms}
    matcher = matcher_for(terms)
    fragment = (
        "<h2>Run chart</h2><p>A run chart and a PDSA cycle.</p><pre><code>run chart</code></pre>"
        "<p>Another run chart, then a <a href='x'>PDSA</a> and a GP &amp; a\nrun\nchart.</p>"
        '<div class="sbs-no-terms"><p>GP</p></div><ul><li>GP surgery</li><li>the GP</li></ul><p>pdsa CYCLE</p>'
    )
    linked = link_terms(fragment, matcher, by_slug, "../g/")
    # The reference: each run of text on its own, as the linker used to work.
    used: list[str] = []
    for start, end in text_runs(fragment):
        for match in matcher.finditer(html.unescape(fragment[start:end])):
            if match.key not in used:
                used.append(match.key)
    assert linked.used == used == ["run-chart", "pdsa-cycle", "gp"]
    assert linked.html.count('class="sbs-term"') == 3
    assert "<h2>Run chart</h2>" in linked.html and "<code>run chart</code>" in linked.html
    assert '<div class="sbs-no-terms"><p>GP</p></div>' in linked.html
    assert "</a></span> &amp; a\nrun\nchart." in linked.html  # the rest of the text as it was


TERMS = [("run-chart", "run chart"), ("pdsa-cycle", "PDSA cycle"), ("gp", "GP")]
