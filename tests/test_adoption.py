"""Another trust adopts the engine: `new course`, its colours on the site and the
handouts, real open material (footnotes, tables, code, licence lines), the base
glossary, and `import` of a Word file with a photo that carries private metadata."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from PIL import Image

from browser import chromium, serve_folder
from factory import SIDEBYSIDE, Course
from pdf_reading import all_text

HEADER, LINKS = "#6a1b6a", "#1a4d1a"


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SIDEBYSIDE), *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _pixels_near(png: Path, colour: str, tolerance: int = 12) -> int:
    want = _rgb(colour)
    with Image.open(png) as picture:
        data = picture.convert("RGB").tobytes()
    pixels = (data[i : i + 3] for i in range(0, len(data), 3))
    return sum(1 for p in pixels if all(abs(a - b) <= tolerance for a, b in zip(p, want, strict=True)))


def _set_colours(config_file: Path, header: str, links: str) -> None:
    text = config_file.read_text(encoding="utf-8")
    assert 'header: "#005eb8"' in text and 'links: "#003087"' in text
    text = text.replace('header: "#005eb8"', f'header: "{header}"').replace('links: "#003087"', f'links: "{links}"')
    config_file.write_text(text, encoding="utf-8")


def test_new_course_builds_and_its_colours_are_shown_on_the_site_and_the_handouts(tmp_path: Path) -> None:
    made = _run(tmp_path, "new", "course", "riverside", "--title", "Riverside Course")
    assert made.returncode == 0, made.stderr
    course = tmp_path / "riverside"
    config = (course / "mkdocs.yml").read_text(encoding="utf-8")
    for setting in (
        "site_name: Riverside Course",
        "trust_name:",
        "trust_logo:",
        "footer_note:",
        "contact_email:",
        "repository:",
        "trust_colours:",
        "copyright:",
        "edit_uri:",
        "footnotes",
        "def_list",
        "abbr",
    ):
        assert setting in config
    for page in ("index.md", "contact.md", "contributing.md", "accessibility.md"):
        assert (course / "docs" / page).is_file()
    _set_colours(course / "mkdocs.yml", HEADER, LINKS)

    built = _run(course, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "error" not in built.stdout.lower()
    checked = _run(course, "check", "--format", "json")
    findings = json.loads(checked.stdout)
    assert [f for f in findings if f["severity"] == "error"] == []
    site = course / "site"
    # Named from the course; no stories, so no Stories menu or stories handout.
    assert (site / "handouts" / "riverside-course-offline.zip").is_file()
    assert not (site / "handouts" / "stories.pdf").exists()
    assert not (site / "stories").exists()
    assert ">Stories<" not in (site / "index.html").read_text(encoding="utf-8")

    with serve_folder(site) as address, chromium() as browser:
        page = browser.new_page()
        page.goto(address + "modules/welcome/")
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        link = page.evaluate("getComputedStyle(document.querySelector('.md-content a[href]')).color")
        page.close()
    assert header == "rgb({}, {}, {})".format(*_rgb(HEADER))
    assert link == "rgb({}, {}, {})".format(*_rgb(LINKS))

    for pdf in (site / "handouts").glob("*.pdf"):  # the starting text has no literal Markdown anywhere
        text = all_text(pdf)
        assert not any(literal in text for literal in ("`", "[^", "**", "{{", "!!!")), pdf.name
    pdf = site / "handouts" / "welcome.pdf"
    png = tmp_path / "welcome"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(png)], check=True)
    assert _pixels_near(png.with_suffix(".png"), HEADER) > 200  # the cover line and course name
    assert _pixels_near(png.with_suffix(".png"), "#005eb8", tolerance=4) == 0  # no NHS blue left over


def test_a_trust_colour_too_pale_to_read_stops_the_build_with_its_ratio(tmp_path: Path) -> None:
    assert _run(tmp_path, "new", "course", "pale").returncode == 0
    _set_colours(tmp_path / "pale" / "mkdocs.yml", "#9fd3ff", "#003087")
    built = _run(tmp_path / "pale", "build")
    assert built.returncode != 0
    assert "Traceback" not in built.stderr
    assert re.search(r"mkdocs\.yml, line \d+: `trust_colours\.header: #9fd3ff`.*contrast is only 1\.\d\d to 1", built.stderr)
    assert not (tmp_path / "pale" / "site").exists()


def test_a_failed_build_counts_what_check_counts_and_claims_no_site_it_never_had(tmp_path: Path) -> None:
    course = Course(tmp_path)
    course.module(body="We will utilise the data going forward. The ICB and the QXZ team met.\n", summary="We utilise data.")
    built = course.build()
    assert built.code == 1 and "Traceback" not in built.err
    checked = course.run("check")
    summary = re.search(r"Found \d+ errors?, \d+ warnings? and \d+ suggestions?\.", checked.out)
    assert summary and "0 warnings" not in summary.group()
    assert summary.group() in built.err  # the same counts, not only the errors'
    assert "There was no site here before, so there is none yet." in built.err
    assert "last good site" not in built.err


PORTED = """\
Sam waited four hours in A&E before the GP letter arrived.[^wait] The team used a PDSA cycle to test a change.

| Week | Waiting time (hours) |
|------|----------------------|
| 1    | 4                    |
| 2    | 3                    |

```python
waits = [4, 3]  # a very_long_name_that_keeps_going_without_any_spaces_at_all_so_it_must_wrap_somewhere_on_paper
```

!!! note "Where this came from"
    Parts of this page are licensed under CC BY 4.0 and the code under MIT.

[^wait]: The waiting times are made up for this example.
"""


def test_real_material_builds_without_false_alarms_and_handouts_keep_footnotes(tmp_path: Path) -> None:
    course = Course(tmp_path)
    course.config["plugins"][2]["sidebyside"]["base_glossary"] = True
    course.config["markdown_extensions"].append("footnotes")
    course.write_config()
    course.module(
        body=PORTED,
        adapted_from={
            "title": "Waiting well",
            "author": "Open Health Collective",
            "url": "https://example.org/waiting-well",
            "licence": "CC-BY-4.0",
            "changes": "Shortened",
        },
    )
    built = course.build()
    assert built.code == 0, built.text
    findings = json.loads(course.run("check", "--format", "json").out)
    assert [f for f in findings if f["severity"] in ("error", "warning") and f["rule"].startswith("jargon")] == []
    used = [f for f in findings if f["rule"] == "base-glossary-used"]
    assert used and "A&E" in used[0]["message"] and "GP" in used[0]["message"]

    page = course.page("modules/test/index.html")
    assert page.index('class="footnote"') < page.index('<h2 id="who-made-this-page"')
    assert 'Adapted from "Waiting well" by Open Health Collective' in page and "CC BY 4.0" in page

    for name in ("test.pdf", "test-large-print.pdf", "trainer-pack.pdf"):
        text = all_text(tmp_path / "site" / "handouts" / name)
        for literal in ("[^", "**", "{:", "!!!"):
            assert literal not in text, (name, literal)
        assert "The waiting times are made up for this example." in text
        assert "Waiting time (hours)" in text
    text = all_text(tmp_path / "site" / "handouts" / "test.pdf")
    assert text.index("made up for this example") < text.index("Who made this page")
    assert "Waiting well" in text and "Open Health Collective" in text and "CC BY 4.0" in text


def test_a_course_entry_replaces_the_base_one_and_hidden_entries_go(tmp_path: Path) -> None:
    course = Course(tmp_path)
    options = course.config["plugins"][2]["sidebyside"]
    options["base_glossary"] = True
    options["hide_base_terms"] = ["pdsa-cycle"]
    course.write_config()
    course.term("gp", "GP", "Our own words for a family doctor.", aliases=["GPs"])
    course.module(body="Ask your GP. Then go to A&E. We tried a PDSA cycle.\n")
    findings = json.loads(course.run("check", "--format", "json").out)
    unexplained = [f["message"] for f in findings if f["severity"] == "error" and f["rule"].startswith("jargon")]
    assert unexplained and all("PDSA" in m for m in unexplained)  # hidden, so no longer explained; GP and A&E are
    assert course.build().code != 0
    options["hide_base_terms"] = []
    course.write_config()
    assert course.build().code == 0
    glossary = course.page("glossary/index.html")
    assert "Our own words for a family doctor." in glossary and "A family doctor. Your GP is usually" not in glossary
    assert "Accident and emergency" in glossary or "A&amp;E" in glossary


def _photo_with_private_metadata(path: Path) -> None:
    picture = Image.new("RGB", (120, 80), (30, 120, 60))
    exif = Image.Exif()
    exif[0x013B] = "Jo Bloggs"  # Artist
    exif[0x010E] = "Jo's ward round"  # ImageDescription
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 0.0), "W", (0.0, 7.0, 0.0)
    picture.save(path, "JPEG", exif=exif)
    assert Image.open(path).getexif().get(0x013B) == "Jo Bloggs"


def test_import_a_word_file_keeps_text_table_footnote_and_strips_photo_metadata(tmp_path: Path) -> None:
    course = Course(tmp_path / "course")
    course.module()
    source = tmp_path / "material"
    source.mkdir()
    _photo_with_private_metadata(source / "ward.jpg")
    (source / "doc.md").write_text(
        "# Getting ready for a meeting\n\nRead the papers before you go.[^1]\n\n"
        "## What to bring\n\n- a pen\n- your questions\n\n"
        "| Item | Why |\n|---|---|\n| Papers | To follow along |\n\n"
        "![The meeting room](ward.jpg)\n\n[^1]: Papers are sent a week before.\n",
        encoding="utf-8",
    )
    subprocess.run(["pandoc", "doc.md", "-o", str(tmp_path / "meeting.docx")], cwd=source, check=True)
    imported = course.run("import", str(tmp_path / "meeting.docx"))
    assert imported.code == 0, imported.text
    assert "Next:" in imported.out
    index = tmp_path / "course" / "modules" / "02-getting-ready-for-a-meeting" / "index.md"
    text = index.read_text(encoding="utf-8")
    assert "title: Getting ready for a meeting" in text
    assert "## What to bring" in text and "- a pen" in text.replace("-   ", "- ")
    assert re.search(r"\|\s*Papers\s*\|\s*To follow along\s*\|", text)
    assert "[^1]: Papers are sent a week before." in text
    assert "![The meeting room](images/picture-1.jpg)" in text

    # The prompts it could not fill are errors until a person replaces them.
    checked = course.run("check", "--format", "json")
    fill = [f for f in json.loads(checked.out) if f["rule"] == "fill-in"]
    assert checked.code == 1 and len(fill) >= 5 and all(f["severity"] == "error" for f in fill)
    assert course.build().code == 1

    front, body = text.split("---\n", 2)[1:]
    meta = yaml.safe_load(front)
    meta.update(summary="What to do before a meeting.", owner="Test team", outcomes=["know what to bring to a meeting"])
    meta["sources"] = [{"title": "NHS website", "url": "https://www.nhs.uk/", "accessed": "2026-11-01"}]
    index.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + body, encoding="utf-8")
    built = course.build()
    assert built.code == 0, built.text
    published = tmp_path / "course" / "site" / "modules" / "getting-ready-for-a-meeting" / "images" / "picture-1.jpg"
    with Image.open(published) as picture:
        assert dict(picture.getexif()) == {}
        assert "exif" not in picture.info and picture.size == (120, 80)
    assert b"Jo Bloggs" not in published.read_bytes()
    page = course.page("modules/getting-ready-for-a-meeting/index.html")
    assert 'class="footnote"' in page and "<table>" in page


@pytest.mark.parametrize(
    ("name", "text", "kept", "gone"),
    [
        (
            "page.md",
            "---\ntitle: Run charts\n---\n(intro)=\n# Run charts\n\nSee {cite}`smith2020`.\n\n```{note}\nA run chart shows change.\n```\n",
            ["!!! note", "See smith2020.", "A run chart shows change."],
            ["{cite}", "(intro)=", "{note}"],
        ),
        (
            "report.Rmd",
            "---\ntitle: Waits\n---\n\n# Waits\n\nThe mean was `r mean(x)`.\n\n```{r setup, echo=FALSE}\nx <- c(1, 2)\n```\n",
            ["```r", "x <- c(1, 2)", "mean(x)"],
            ["{r", "`r "],
        ),
    ],
)
def test_import_markdown_dialects_turns_what_it_cannot_keep_into_plain_text_with_a_note(
    tmp_path: Path, name: str, text: str, kept: list[str], gone: list[str]
) -> None:
    course = Course(tmp_path / "course")
    (tmp_path / name).write_text(text, encoding="utf-8")
    imported = course.run("import", str(tmp_path / name))
    assert imported.code == 0, imported.text
    assert "What was changed on the way in" in imported.out
    written = next((tmp_path / "course" / "modules").glob("*/index.md")).read_text(encoding="utf-8")
    for piece in kept:
        assert piece in written
    for piece in gone:
        assert piece not in written


def test_import_says_plainly_what_it_cannot_read(tmp_path: Path) -> None:
    course = Course(tmp_path / "course")
    (tmp_path / "slides.key").write_text("x", encoding="utf-8")
    result = course.run("import", str(tmp_path / "slides.key"))
    assert result.code == 1 and "Traceback" not in result.err
    assert "can import .docx, .odt, .html" in result.err


def test_the_base_glossary_passes_every_check_on_its_own(tmp_path: Path) -> None:
    """Courses never see findings in the base glossary, so the engine must keep it clean."""
    from sidebyside.checks import CHECKS, CheckContext, run_checks
    from sidebyside.content.loader import load_course

    course, problems = load_course(tmp_path, base_glossary=True)
    assert problems == [] and len(course.terms) > 50
    run_checks(course, CheckContext(dt.date(2026, 11, 25)))  # registers the checks
    found = [f for check in CHECKS for f in check(course, CheckContext(dt.date(2026, 11, 25))) if f.severity.value == "error"]
    assert found == []
    slugs = {t.slug for t in course.terms}
    assert {"a-and-e", "gp", "integrated-care-board", "pdsa-cycle", "nhs-111"} <= slugs
