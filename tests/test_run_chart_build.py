"""Run charts and diagrams in a real course: the website, the handouts and the checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factory import Course
from pdf_reading import all_text

CHART = """
## How long people waited

Some words before the chart.

```run-chart
title: Days people waited for results
measure: Average days waited
unit: days
baseline: 1-6
change: 7 "Started texting results"
{caption}
Week 1: 12
Week 2: 14
Week 3: 11
Week 4: 13
Week 5: 12
Week 6: 15
Week 7: 9
Week 8: 8
Week 9: 9
Week 10: 7
Week 11: 8
Week 12: 8
```

!!! example "A second chart, inside a box"
    ```run-chart
    title: Falls on the ward
    Month 1: 5
    Month 2: 6
    Month 3: 4
    Month 4: 6
    Month 5: 5
    ```

![How the parts fit together. Described in words below.](parts.svg)
"""
DIAGRAM = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">'
    '<rect x="0" y="0" width="200" height="100" fill="#ffffff"/><text x="10" y="50">Parts of the NHS</text></svg>'
)


def _course(root: Path, caption: str = "") -> Course:
    course = Course(root)
    course.module("01-waiting", CHART.replace("{caption}", caption))
    course.write("modules/01-waiting/parts.svg", DIAGRAM)
    return course


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Course:
    course = _course(tmp_path_factory.mktemp("charts") / "course")
    result = course.build()
    assert result.code == 0, result.text
    return course


def test_the_web_page_shows_both_charts_with_their_words_and_tables(built: Course) -> None:
    page = built.page("modules/waiting/index.html")
    assert page.count('<figure class="sbs-chart"') == 2
    assert page.count('role="img" aria-labelledby="sbs-chart-') == 2
    assert "After the change in week 7, 6 weeks in a row were below the median" in page
    assert "No rule found a sign of real change" in page  # the chart in the box
    assert "<summary>The numbers in this chart, as a table</summary>" in page
    assert "```run-chart" not in page and "Week 12: 8" not in page


def test_the_diagram_is_published_beside_the_page(built: Course) -> None:
    page = built.page("modules/waiting/index.html")
    assert re.search(r'<img alt="How the parts fit together\. Described in words below\." src="parts\.svg"', page)
    assert (built.root / "site" / "modules" / "waiting" / "parts.svg").is_file()


@pytest.mark.parametrize("name", ["waiting.pdf", "waiting-large-print.pdf"])
def test_the_handouts_print_the_chart_as_text_and_its_table(built: Course, name: str) -> None:
    text = " ".join(all_text(built.root / "site" / "handouts" / name).split())
    assert "Average days waited" in text and "Median" in text and "Started texting results" in text  # text in the SVG
    assert "6 weeks in a row were below the median" in text
    assert "The numbers in this chart, as a table" in text and "part of the shift" in text
    assert "Parts of the NHS" in text  # the diagram's own text, drawn as text


def test_a_caption_that_contradicts_the_data_fails_the_check_with_what_the_data_show(tmp_path: Path) -> None:
    course = _course(tmp_path / "course", "caption: Seven weeks in a row were above the median after the change: a shift.")
    result = course.run("check")
    assert result.code == 1, result.text
    line = next(n for n, text in enumerate((course.root / "modules/01-waiting/index.md").read_text().split("\n"), 1) if "caption:" in text)
    assert f"line {line}, column 1: error: The caption does not match the chart." in result.text
    assert "says 7 in a row" in result.text and "says the shift is above the median" in result.text
    assert "The data show: After the change in week 7, 6 weeks in a row were below the median" in result.text
    assert "Traceback" not in result.text
    built = course.build()
    assert built.code != 0 and "The caption does not match the chart." in built.text


def test_a_chart_with_a_bad_number_names_the_file_and_line(tmp_path: Path) -> None:
    course = _course(tmp_path / "course")
    path = course.root / "modules/01-waiting/index.md"
    path.write_text(path.read_text().replace("Week 9: 9", "Week 9: nine"))
    line = next(n for n, text in enumerate(path.read_text().split("\n"), 1) if "Week 9: nine" in text)
    result = course.run("check")
    assert result.code == 1
    assert "modules/01-waiting/index.md" in result.text
    assert f"line {line}, column 1: error: This run chart cannot be drawn: `nine` is not a number." in result.text


def test_a_diagram_without_alt_text_is_an_error(tmp_path: Path) -> None:
    course = _course(tmp_path / "course")
    path = course.root / "modules/01-waiting/index.md"
    path.write_text(path.read_text().replace("![How the parts fit together. Described in words below.]", "![]"))
    result = course.run("check")
    assert result.code == 1 and "This image has no alt text." in result.text


PLAIN_SVG = {"svg", "title", "desc", "g", "rect", "circle", "line", "polyline", "polygon", "text"}


@pytest.mark.parametrize(
    "picture",
    [
        "modules/02-how-the-nhs-works/nhs-parts.svg",
        "modules/03-what-is-quality-improvement/model-for-improvement.svg",
        "modules/05-your-first-meeting/meeting-room.svg",
    ],
)
def test_the_reference_pictures_are_plain_named_svg_with_text_as_text(picture: str) -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(Path(__file__).resolve().parent.parent / picture).getroot()
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    assert tags <= PLAIN_SVG, tags - PLAIN_SVG
    attributes = {name.split("}")[-1] for element in root.iter() for name in element.attrib}
    assert not {a for a in attributes if a.startswith("on") or a in ("href", "style")}
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.find(f"{ns}title") is not None and root.find(f"{ns}desc") is not None
    assert len([t for t in root.iter(f"{ns}text") if (t.text or "").strip()]) >= 5


def test_a_picture_with_a_script_or_outside_link_fails_the_check_with_its_line(tmp_path: Path) -> None:
    course = _course(tmp_path / "course")
    course.write(
        "modules/01-waiting/parts.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
        "<script>alert(1)</script>\n"
        '<rect width="5" height="5" onclick="steal()"/>\n'
        '<image href="https://tracker.example.com/pixel.png"/>\n'
        "<foreignObject><p>hi</p></foreignObject>\n"
        "</svg>\n",
    )
    result = course.run("check")
    assert result.code == 1
    assert "modules/01-waiting/parts.svg" in result.text
    assert "line 2, column 1: error: `<script>` is not allowed in pages." in result.text
    assert "line 3, column 1: error: An `on...=` event attribute" in result.text
    assert "line 4, column 1: error: `<image>` is not allowed in a picture." in result.text
    assert "line 4, column 8: error: This picture links to, or loads, something outside itself." in result.text
    assert "line 5, column 1: error: `<foreignObject>` is not allowed in a picture." in result.text
    assert "Traceback" not in result.text
