"""Safe contributions: governance reminders, consent, personal details, sandboxed macros,
links, "Edit this page" and feedback, `sidebyside new`, and the GitHub workflow file."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from factory import Course

MKDOCS = Path(sys.executable).with_name("mkdocs")
CONSENT = {"recorded": "2026-01-10", "ref": "CONSENT-2026-001", "scope": ["print", "session"], "expires": "2029-01-10"}


def _set_plugin(course: Course, **options: object) -> None:
    for index, plugin in enumerate(course.config["plugins"]):
        if isinstance(plugin, dict) and "sidebyside" in plugin:
            course.config["plugins"][index] = {"sidebyside": {**plugin["sidebyside"], **options}}
    course.write_config()


def _html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"]


# --- governance ------------------------------------------------------------------------


def test_governance_reminders_show_in_check_but_do_not_block_a_strict_build(course: Course) -> None:
    course.module(
        "01-test",
        "Some words.\n",
        co_produced_with=[{"name": "Dr Lee", "role": "clinician"}],
        last_reviewed="2026-01-01",
        next_review="2027-01-15",
    )
    check = course.run("check")
    assert check.code == 0, check.text
    assert "No patient partner or carer is listed" in check.text
    assert "due for review on 15 January 2027, in 51 days" in check.text

    build = course.build()
    assert build.code == 0, build.text
    assert "Worth a look" in build.text and "No patient partner or carer" in build.text
    assert "has not yet been reviewed with patient partners or carers" in course.page("modules/test/index.html")

    _set_plugin(course, strict_governance=True)
    strict = course.build()
    assert strict.code != 0
    assert "modules/01-test/index.md:" in strict.text and "No patient partner or carer" in strict.text


def test_review_dates_more_than_three_years_apart_are_an_error(course: Course) -> None:
    course.module("01-test", last_reviewed="2026-06-01", next_review="2029-06-02")
    result = course.run("check")
    assert result.code == 1
    assert "more than 3 years after `last_reviewed`" in result.text and "2029-06-01 or earlier" in result.text


# --- consent ---------------------------------------------------------------------------


def test_story_without_consent_for_the_web_is_left_out_everywhere(course: Course) -> None:
    course.story("kept-private", "Something that happened to me.\n", title="Kept private", kind="real", consent=CONSENT)
    course.story("made-up", "An example.\n", title="Made up for the course")
    course.module(
        "01-test",
        "Read [Kept private](../../stories/kept-private/) and [the source](../../stories/kept-private.md).\n\n"
        '{{ story("kept-private") }}\n\n{{ story("made-up") }}\n',
    )
    result = course.build()
    assert result.code == 0, result.text
    assert "`kept-private` is left out of the website because consent does not cover web" in result.text

    site = course.root / "site"
    assert not (site / "stories" / "kept-private").exists()
    assert (site / "stories" / "made-up" / "index.html").is_file()
    for page in _html_pages(site):
        assert "kept-private" not in page.read_text(encoding="utf-8"), page
    assert "kept-private" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "kept-private" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    module = course.page("modules/test/index.html")
    assert "Read Kept private and the source." in module  # the words stay, the links go
    assert "Made up for the course" in module  # the card of a story that may be shown


def test_story_with_web_consent_is_shown(course: Course) -> None:
    course.story("shared", "Something that happened to me.\n", kind="real", consent={**CONSENT, "scope": ["web"]})
    course.module("01-test", "Read [the story](../../stories/shared/).\n")
    result = course.build()
    assert result.code == 0, result.text
    assert (course.root / "site" / "stories" / "shared" / "index.html").is_file()
    assert 'href="../../stories/shared/"' in course.page("modules/test/index.html")


# --- personal details ------------------------------------------------------------------


def test_personal_details_allowed_by_front_matter_pass(course: Course) -> None:
    course.story("with-email", "Write to the group at patients.group@example.org.\n", allow_details=["email"])
    course.module("01-test", "Ring the team on 0113 496 0000.\n", allow_details=["phone"])
    result = course.run("check")
    assert result.code == 0, result.text


def test_allow_details_only_takes_known_kinds(course: Course) -> None:
    course.story("with-email", "Nothing personal.\n", allow_details=["emial"])
    result = course.run("check")
    assert result.code == 1
    assert "Did you mean `email`?" in result.text


# --- untrusted content ------------------------------------------------------------------


def test_safe_embed_and_code_examples_are_allowed(course: Course) -> None:
    course.module(
        "01-test",
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A short film about QI"></iframe>\n\n'
        "Never write `<script>` in a page.\n\n```html\n<script>alert(1)</script>\n```\n",
    )
    result = course.run("check")
    assert result.code == 0, result.text


SECRET = "s3cr3t-value-never-published"
PAYLOADS = {
    "environment variables": ("{{ environment }}", "environment"),
    "the configuration": ("{{ config }}", "config"),
    "the configuration's extra": ("{{ config.extra }}", "config"),
    "an absolute include": ('{% include "/etc/passwd" %}', "cannot include"),
    "an include outside the repository": ('{% include "../secret.txt" %}', "cannot include"),
    "attribute tricks": ("{{ ''.__class__.__mro__ }}", "__class__"),
    "the macros plugin's own macros": ("{{ macros_info() }}", "macros_info"),
    "the page object": ("{{ page.file.abs_src_path }}", "page"),
}


@pytest.mark.parametrize("payload,names", PAYLOADS.values(), ids=list(PAYLOADS))
def test_macros_cannot_read_secrets_even_without_our_checks(course: Course, payload: str, names: str) -> None:
    """Run MkDocs itself, with Side by Side's checks off, so only the sandbox stands in the way."""
    course.config["extra"] = {"api_key": SECRET}
    _set_plugin(course, checks=False)
    (course.root.parent / "secret.txt").write_text(SECRET, encoding="utf-8")
    path = course.module("01-test", f"## Hello\n\nBefore.\n\n{payload}\n\nAfter.\n")
    line = path.read_text(encoding="utf-8").split("\n").index(payload) + 1
    env = {**os.environ, "SIDEBYSIDE_SECRET": SECRET, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([str(MKDOCS), "build"], cwd=course.root, capture_output=True, text=True, env=env, timeout=300)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "Traceback" not in output
    assert SECRET not in output
    assert f"modules/01-test/index.md, line {line}:" in output, output
    assert names in output
    site = course.root / "site"
    assert not site.exists() or all(SECRET not in p.read_text(encoding="utf-8", errors="ignore") for p in site.rglob("*.html"))


def test_macro_problems_are_found_by_check_with_the_line(course: Course) -> None:
    course.module("01-test", "## Hello\n\n{{ environment }}\n")
    course.story("x", "{% include 'secret.txt' %}\n", summary="{{ config }}")
    result = course.run("check")
    assert result.code == 1
    assert "`environment` cannot be used in a page" in result.text
    assert "Pages cannot include or import other files" in result.text
    assert "The front matter contains `{{`" in result.text


def test_python_code_for_macros_is_refused(course: Course) -> None:
    course.module("01-test")
    (course.root / "main.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    result = course.build()
    assert result.code != 0
    assert "does not allow this" in result.text and "Traceback" not in result.text


# --- links and images -------------------------------------------------------------------


def test_links_by_address_and_by_source_path_both_work(course: Course) -> None:
    course.module("01-one", "See [Two](../two/#a-heading) and [Two again](../two/index.md).\n", title="One", order=1)
    course.module("02-two", "## A heading\n\nText.\n", title="Two", order=2)
    course.term("run-chart", "run chart", "A graph over time.")
    course.write("docs/about.md", "# About\n\nSee [the glossary](../glossary/#run-chart) and [One](../modules/one/).\n")
    result = course.run("check")
    assert result.code == 0, result.text
    assert course.build().code == 0


def test_vague_link_text_is_a_warning_that_fails_check_as_it_fails_the_strict_build(course: Course) -> None:
    course.module("01-test", "To learn more, [click here](https://www.nhs.uk/).\n")
    result = course.run("check")
    assert "warning: The link text “click here” does not say where the link goes" in result.text
    assert result.code == 1 and "would stop the build (`sidebyside build --strict`, as CI runs it)" in result.text
    assert course.build().code == 1


def test_decorative_image_marked_as_such_passes(course: Course) -> None:
    course.module("01-test", '![](flourish.png){ role="presentation" }\n\n<img src="flourish.png" alt="">\n')
    (course.root / "modules" / "01-test" / "flourish.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert course.run("check").code == 0


def test_linkchecker_finds_no_broken_links_in_the_reference_course(reference_site: Path) -> None:
    site = reference_site  # built once for the session (see browser_support)
    os.chmod(site.parent, 0o755)  # linkchecker drops root privileges to `nobody`, who must read the files
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        done = subprocess.run(
            [str(Path(sys.executable).with_name("linkchecker")), "--no-warnings", "--no-status", f"http://127.0.0.1:{server.server_port}/"],
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors found" in done.stdout


# --- edit this page and feedback ---------------------------------------------------------


def test_every_page_has_feedback_and_generated_pages_edit_their_real_source(course: Course) -> None:
    course.config["edit_uri"] = "https://github.com/example-trust/course/edit/main/docs/"
    course.config["theme"]["features"].append("content.action.edit")
    course.write_config()
    course.module("02-how-it-works", title="How it works")
    course.story("a-story")
    course.term("run-chart", "run chart", "A graph over time.")
    course.write("docs/contributing.md", "# Contributing\n\n## Tell us { #tell-us }\n\nEmail us.\n")
    result = course.build()
    assert result.code == 0, result.text
    edit = "https://github.com/example-trust/course/edit/main/"
    assert f'href="{edit}modules/02-how-it-works/index.md"' in course.page("modules/how-it-works/index.html")
    assert f'href="{edit}stories/a-story.md"' in course.page("stories/a-story/index.html")
    assert f'href="{edit}docs/index.md"' in course.page("index.html")
    assert 'href="https://github.com/example-trust/course/tree/main/glossary/"' in course.page("glossary/index.html")
    for page in _html_pages(course.root / "site"):
        text = page.read_text(encoding="utf-8")
        assert 'class="sbs-feedback' in text, page
        assert '#tell-us"' in text, page


# --- sidebyside new ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args,written",
    [
        (["module", "--title", "Measuring change: the basics"], "modules/02-measuring-change-the-basics/index.md"),
        (
            ["term", "--title", "control chart", "--plain", "A graph with lines that show normal ups and downs."],
            "glossary/control-chart.md",
        ),
        (["story", "--title", "The day I spoke up", "--teller", "Ruth", "--role", "carer"], "stories/the-day-i-spoke-up.md"),
    ],
)
def test_new_writes_a_starting_file_whose_only_error_is_its_starting_text(course: Course, args: list[str], written: str) -> None:
    course.module("01-test")
    result = course.run("new", *args, "--no-input")
    assert result.code == 0, result.text
    assert written in result.out
    assert (course.root / written).is_file()
    check = course.run("check", written)
    # The file is valid; only its prompts stop it being published until they are replaced.
    errors = [line for line in check.text.splitlines() if " error:" in line]
    assert len(errors) == 1 and "still the starting text from `sidebyside new`" in errors[0], check.text
    again = course.run("new", *args, "--no-input")
    assert again.code == 1 and "already" in again.text and "Traceback" not in again.text


def test_a_new_real_story_fails_check_exactly_when_it_fails_the_build(course: Course) -> None:
    """A real story has no consent record until the course team adds one: the strict build
    refuses it, so `sidebyside check` does too, and `new` says so up front."""
    course.module("01-test")
    made = course.run("new", "story", "--title", "A real one", "--kind", "real", "--slug", "real-one", "--no-input")
    assert made.code == 0 and "consent record" in made.out
    story = course.root / "stories" / "real-one.md"
    _, front, _ = story.read_text(encoding="utf-8").split("---\n", 2)  # the starting text is an error of its own
    front = "\n".join(line if not line.startswith("summary:") else "summary: My first meeting." for line in front.splitlines()) + "\n"
    story.write_text(f"---\n{front}---\nI went to my first meeting on a Tuesday. People were kind.\n", encoding="utf-8")
    check = course.run("check", "stories/real-one.md")
    assert check.code == 1 and " error:" not in check.text
    assert "real story with no consent record" in check.text and "would stop the build" in check.text
    assert course.build().code == 1
    story.write_text(story.read_text(encoding="utf-8").replace("kind: real ", "kind: illustrative "), encoding="utf-8")
    assert course.run("check", "stories/real-one.md").code == 0
    assert course.build().code == 0


def test_new_asks_questions_when_flags_are_missing(course: Course) -> None:
    script = "import sys; from sidebyside import cli, new; new.interactive = lambda: True; sys.exit(cli.main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", script, "new", "term"],
        cwd=course.root,
        input="patient journey\n\nThe steps a person goes through when they use a service.\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = (course.root / "glossary" / "patient-journey.md").read_text(encoding="utf-8")
    assert "term: patient journey" in text and "The steps a person goes through" in text


# --- GitHub files ----------------------------------------------------------------------


def test_workflow_file_matches_the_github_schema(repo: Path) -> None:
    workflow = repo / ".github" / "workflows" / "ci.yml"
    done = subprocess.run(
        [str(Path(sys.executable).with_name("check-jsonschema")), "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    steps = json.dumps(yaml.safe_load(workflow.read_text(encoding="utf-8")))
    for needed in ("sidebyside check --format github", "sidebyside build --strict", "pytest", "upload-artifact", "GITHUB_STEP_SUMMARY"):
        assert needed in steps, needed


def test_codeowners_sends_stories_to_patient_partner_reviewers(repo: Path) -> None:
    owners = (repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert any(line.startswith("/stories/") and "patient-partner" in line for line in owners.splitlines())
    template = (repo / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "co-production" in template.lower() and "- [ ]" in template
    assert (repo / "CONTRIBUTING.md").is_file()


def test_a_macro_in_a_docs_page_title_stops_sidebyside_build_plainly(course: Course) -> None:
    course.module("01-test")
    assert course.build().code == 0
    course.write("docs/about.md", '---\ntitle: "About {{ config.site_name }}"\n---\n# About\n\nText.\n')
    result = course.build()
    assert result.code == 1
    assert "docs/about.md, line 2: `config.site_name` cannot be used in a page" in result.text
    assert "Traceback" not in result.text and "Macro Rendering Error" not in result.text
    assert "The last good site has been left as it was." in result.text
