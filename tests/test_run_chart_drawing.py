"""Run charts drawn from data: the SVG, the words that describe it, the table and the slide picture."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from sidebyside.charts import ChartError, for_slides, html_figure, parse, read
from sidebyside.charts.describe import caption, contradictions, description

SVG = "{http://www.w3.org/2000/svg}"
WAITS = """title: Days people waited for results
measure: Average days waited
unit: days
better: lower
baseline: 1-6
change: 7 "Started texting results"
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
"""


def chart_of(values: list[float], header: str = "title: Test chart\n", label: str = "Week") -> str:
    return header + "".join(f"{label} {i}: {v}\n" for i, v in enumerate(values, 1))


def svg_of(text: str) -> ET.Element:
    figure = html_figure(text, set())
    match = re.search(r"<svg.*</svg>", figure, re.S)
    assert match, figure
    return ET.fromstring(match.group(0))


def test_the_svg_is_named_and_described_for_screen_readers() -> None:
    svg = svg_of(WAITS)
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby", "").split()
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and title.get("id") == title_id and title.text == "Days people waited for results"
    assert desc is not None and desc.get("id") == desc_id
    assert "The median of the baseline (week 1 to week 6) is 12.5 days" in (desc.text or "")


def test_the_svg_draws_the_baseline_median_carried_across_and_the_change() -> None:
    svg = svg_of(WAITS)
    medians = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "sbs-c-median" and e.get("y1") == e.get("y2")]
    plot = [m for m in medians if float(m.get("x1", 0)) > 40]  # not the legend's sample lines
    solid = [m for m in plot if not m.get("stroke-dasharray")]
    dashed = [m for m in plot if m.get("stroke-dasharray")]
    assert solid and dashed and solid[0].get("y1") == dashed[0].get("y1")
    assert float(dashed[0].get("x2", 0)) > float(solid[0].get("x2", 0))  # carried on to the right
    changes = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "sbs-c-change" and e.get("x1") == e.get("x2")]
    assert changes
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Median" in texts and "12.5" in texts and "Started texting results" in texts


def test_rule_breaking_points_have_their_own_shapes_not_just_colours() -> None:
    svg = svg_of(WAITS)
    shift_marks = [e for e in svg.iter(f"{SVG}rect") if e.get("class") == "sbs-c-shift"]
    ordinary = [e for e in svg.iter(f"{SVG}circle") if e.get("class") == "sbs-c-point"]
    assert len(shift_marks) == 6 + 1  # six points and the legend's sample
    assert len(ordinary) == 6 + 1
    trend = svg_of(chart_of([9, 8, 7, 6, 5, 5, 6, 7]))
    assert [e.get("class") for e in trend.iter(f"{SVG}polygon")].count("sbs-c-trend-down") == 5 + 1


def test_the_svg_is_plain_and_safe() -> None:
    figure = html_figure(WAITS, set())
    for unsafe in ("<script", "foreignObject", "<style", "href", "onload", "<image", "url("):
        assert unsafe not in figure


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ([12, 14, 11, 13, 12, 15, 9, 8, 9, 7, 8, 8], "6 weeks in a row were below the median (week 7 to week 12): a shift"),
        ([5, 9, 4, 8, 7, 6, 5, 4, 9, 5], "5 weeks in a row went down (week 4 to week 8): a trend"),
        (
            [1] * 5 + [9] * 5 + [1] * 5 + [9] * 5,
            "There are 4 runs, and between 7 and 15 is usual for 20 points not on the median: too few runs",
        ),
        ([1, 9] * 10, "too many runs"),
        ([10, 11, 9, 10, 12, 10, 11, 60, 10, 9], "week 8 (60) is far from all the other points: it may be an astronomical point"),
        ([5, 6, 4, 6, 5, 4, 6, 5], "No rule found a sign of real change"),
    ],
)
def test_the_description_names_each_rule_in_plain_words(values: list[float], words: str) -> None:
    text = caption(read(parse(chart_of(values))))
    assert words.casefold() in text.casefold(), text


def test_the_description_says_when_a_shift_comes_after_a_change() -> None:
    reading = read(parse(WAITS))
    assert caption(reading).startswith("After the change in week 7, 6 weeks in a row were below the median")
    assert "in the better direction" in caption(reading)
    full = description(reading)
    assert "A change was made in week 7: Started texting results." in full
    assert "There are 7 runs, which is usual for 12 points not on the median." in full


def test_an_author_marked_unusual_point_is_explained() -> None:
    text = chart_of([5, 6, 5, 6, 20, 6, 5], 'title: Falls\nunusual: Week 5 "Snow closed the ward"\n')
    reading = read(parse(text))
    assert "Week 5 is an unusual point (Snow closed the ward): 20, far from the rest." in caption(reading)
    assert "too few points off the median to count runs" in description(reading)


def test_the_numbers_are_in_a_table_too() -> None:
    figure = html_figure(WAITS, set())
    table = figure[figure.index("<table") : figure.index("</table>")]
    assert table.count('<th scope="row">') == 12
    assert '<th scope="col">Compared with the median (12.5)</th>' in table
    assert (
        '<tr><th scope="row">Week 7</th><td>9</td><td>below</td><td>change made: Started texting results; a shift starts: 6 in a row below the median'
        in table
    )
    assert "<summary>The numbers in this chart, as a table</summary>" in figure


def test_two_charts_on_one_page_get_different_ids() -> None:
    taken: set[str] = set()
    first, second = html_figure(WAITS, taken), html_figure(WAITS, taken)
    assert re.search(r'id="([^"]+)-title"', first).group(1) != re.search(r'id="([^"]+)-title"', second).group(1)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("said", "problem"),
    [
        ("After the change, seven weeks in a row were below the median: a shift.", "says 7 in a row"),
        ("There is no shift: just normal variation.", "says there is no shift"),
        ("A trend down after the change.", "says there is a trend"),
        ("Six weeks in a row were above the median: a shift.", "says the shift is above the median"),
    ],
)
def test_a_caption_that_contradicts_the_rules_is_caught(said: str, problem: str) -> None:
    found = contradictions(said, read(parse(WAITS)))
    assert any(problem in f for f in found), found
    assert found[-1].startswith("The data show: After the change in week 7, 6 weeks in a row were below the median")


def test_a_caption_that_agrees_passes() -> None:
    said = "After the clinic started texting results, six weeks in a row were below the median: a shift, which is a sign of real change."
    assert contradictions(said, read(parse(WAITS))) == []
    assert contradictions("No shift and no trend: normal variation.", read(parse(chart_of([5, 6, 4, 6, 5, 4, 6, 5])))) == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: T\nWeek 1: 12\nWeek 2: twelve\n", 3, "`twelve` is not a number"),
        ("title: T\nbaseline: 3-9\nWeek 1: 1\nWeek 2: 2\n", 2, "does not name a first and last point"),
        ('title: T\nchange: 9 "x"\nWeek 1: 1\nWeek 2: 2\n', 2, "`9` is not a point on this chart"),
        ("Week 1: 1\nWeek 2: 2\n", 1, "no title"),
        ("title: T\nWeek 1 12\n", 2, "no colon"),
    ],
)
def test_problems_in_the_data_name_their_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ChartError) as caught:
        parse(text)
    assert any(p.line == line and words in p.message for p in caught.value.problems), caught.value.problems


def test_labels_with_hyphens_can_name_the_baseline() -> None:
    text = "title: T\nbaseline: Jan-26 - Mar-26\nJan-26: 1\nFeb-26: 2\nMar-26: 3\nApr-26: 4\n"
    assert read(parse(text)).baseline == (0, 2)


def test_slides_get_a_sharp_png_with_the_same_reading() -> None:
    slide = for_slides(WAITS)
    image = Image.open(io.BytesIO(slide.png))
    assert image.width >= 1600 and image.format == "PNG"
    colours = image.convert("RGB").getcolors(1 << 22) or []
    reds = sum(count for count, (r, g, b) in colours if r > 150 and g < 80 and b < 80)
    assert reds > 500  # the shift's squares
    assert slide.description.startswith("A run chart of average days waited")
    assert slide.rows[6][:3] == ["Week 7", "9", "below"]
    assert slide.svg.startswith("<?xml") and 'fill="#ffffff"' in slide.svg
