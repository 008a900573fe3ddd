"""Notes for trainers are read aloud in a session: on the website their text is as large
as the body text (Material sets boxes smaller), in light and dark colours and on a phone."""

from __future__ import annotations

from typing import Any

import pytest

SIZES = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const body = [...document.querySelectorAll('article.md-content__inner > p:not([class])')].map(size);
  const notes = [...document.querySelectorAll('.admonition.trainer p:not(.admonition-title)')].map(size);
  const tips = [...document.querySelectorAll('.admonition.tip p:not(.admonition-title)')].map(size);
  return {body, notes, tips};
}"""


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 320)])
def test_trainer_note_text_is_as_large_as_body_text(open_page: Any, scheme: str, width: int) -> None:
    page = open_page("trainers/modules/welcome/", scheme=scheme, width=width)
    sizes = page.evaluate(SIZES)
    assert sizes["body"] and sizes["notes"], sizes
    assert min(sizes["notes"]) >= max(sizes["body"]), sizes
    # The test can tell the difference: other boxes keep Material's smaller text.
    assert sizes["tips"] and max(sizes["tips"]) < max(sizes["body"]), sizes
