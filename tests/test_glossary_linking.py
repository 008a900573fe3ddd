"""Glossary terms in a built page: linked, first use opens in place, never in code, links or headings."""

from __future__ import annotations

import re

import pytest

from factory import Course

BODY = """\
## Run charts and PDSA

We use a PDSA cycle to test ideas. Another PDSA cycle follows.

Your ICB plans care. The word icb in lower case is not the acronym.

Draw run charts every week. See `run chart` in code, and [a run chart link](https://example.org/).

```
PDSA inside a code block
```

Go to A&amp;E if it is an emergency.
"""


@pytest.fixture
def built(course: Course) -> Course:
    course.module("01-tests", BODY, title="Testing ideas")
    course.term("pdsa-cycle", "PDSA cycle", "A way to test a small change: plan, do, study, act.", aliases=["PDSA", "PDSA cycles"])
    course.term("integrated-care-board", "integrated care board", "A local NHS body that plans care.", aliases=["ICB", "ICBs"])
    course.term("run-chart", "run chart", "A graph that shows a change over time.", aliases=["run charts"])
    course.term("a-and-e", "A&E", "The part of a hospital for emergencies.", stands_for="accident and emergency")
    course.term("unused", "unused word", "Never used on the page.")
    result = course.build()
    assert result.code == 0, result.text
    return course


def _article(course: Course) -> str:
    page = course.page("modules/tests/index.html")
    return page[page.index("<article") : page.index("</article>")]


def test_first_use_is_a_disclosure_link_and_later_uses_are_plain(built: Course) -> None:
    article = _article(built)
    found = re.findall(r'<a class="sbs-term" href="../../glossary/#([a-z-]+)"[^>]*data-sbs-plain="([^"]+)">(.*?)</a>', article)
    # Each says what it does in its accessible name, with no extra words on the page.
    assert re.findall(r'aria-label="([^"]+)"', article)[:2] == ["PDSA cycle: what it means", "ICB: what it means"]
    # The link's words, without the hidden words that say it opens a meaning.
    firsts = [(slug, plain, re.sub(r"<[^>]+>", "", text)) for slug, plain, text in found]
    assert [(slug, text) for slug, _, text in firsts] == [
        ("pdsa-cycle", "PDSA cycle"),
        ("integrated-care-board", "ICB"),
        ("run-chart", "run charts"),
        ("a-and-e", "A&amp;E"),
    ]
    assert firsts[0][1] == "A way to test a small change: plan, do, study, act."
    # The second "PDSA cycle" is left as text: one disclosure per term per page.
    assert "Another PDSA cycle follows." in article


def test_never_inside_headings_code_or_links(built: Course) -> None:
    article = _article(built)
    assert re.search(r"<h2[^>]*>Run charts and PDSA</h2>", article)
    assert "<code>run chart</code>" in article
    assert ">a run chart link</a>" in article
    assert "PDSA inside a code block" in article
    assert "The word icb in lower case" in article


def test_words_box_lists_every_term_used_with_its_meaning(built: Course) -> None:
    article = _article(built)
    box = article[article.index('class="sbs-words') :]
    box = box[: box.index("</aside>")]
    names = re.findall(r'<dt><a href="../../glossary/#([a-z-]+)">', box)
    assert names == ["a-and-e", "integrated-care-board", "pdsa-cycle", "run-chart"]
    assert "(accident and emergency)" in box
    assert "A graph that shows a change over time." in box
    assert "unused" not in box


def test_glossary_page_has_an_anchor_per_term_a_to_z(built: Course) -> None:
    page = built.page("glossary/index.html")
    for slug in ("a-and-e", "integrated-care-board", "pdsa-cycle", "run-chart", "unused"):
        assert f'id="{slug}"' in page
    letters = re.findall(r'<a href="#letter-([a-z0-9–-]+)">', page)
    assert letters == ["a", "i", "p", "r", "u"]
    assert page.index('id="integrated-care-board"') < page.index('id="pdsa-cycle"') < page.index('id="run-chart"')


def test_terms_can_be_turned_off(course: Course) -> None:
    course.config["plugins"][2] = {"sidebyside": {"link_terms": False}}
    course.write_config()
    course.module("01-tests", "We use a PDSA cycle.\n")
    course.term("pdsa-cycle", "PDSA cycle", "A way to test a small change.")
    assert course.build().code == 0
    assert "sbs-term" not in course.page("modules/test/index.html".replace("test", "tests"))
