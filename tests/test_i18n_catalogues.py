"""The catalogues of the engine's own words: complete in Welsh and Urdu, in step with the code."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from jinja2 import Environment

from sidebyside.i18n import LOCALE_DIR, TEMPLATE, catalogue_path, install, messages_for
from sidebyside.render.dates import long_date
from sidebyside.render.handout_pages import pages
from sidebyside.render.web_pages import minutes

REPO = Path(__file__).resolve().parent.parent
COMPLETE = ("cy", "ur")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")


def _ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def _extracted() -> set[str]:
    """Every message the code and the print templates hold now, found as `pybabel extract` finds them."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO / "src" / "sidebyside"), method_map, options_map, keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_the_template_holds_every_message_in_the_code_and_no_other() -> None:
    extracted, template = _extracted(), _ids(TEMPLATE)
    assert extracted - template == set(), "New messages: run scripts/translations to add them to the catalogues"
    assert template - extracted == set(), "Messages no longer used: run scripts/translations"
    assert len(template) > 100


@pytest.mark.parametrize("code", COMPLETE)
def test_welsh_and_urdu_translate_every_message_with_the_same_placeholders(code: str) -> None:
    with catalogue_path(code).open("rb") as handle:
        catalogue = read_po(handle)
    assert _ids(catalogue_path(code)) == _ids(TEMPLATE), f"The {code} catalogue is not in step with the template"
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy or not all(s.strip() for s in strings):
            problems.append(f"not translated: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"placeholders differ: {ids[0]!r} -> {string!r}")
            if string == ids[0]:
                problems.append(f"left in English: {ids[0]!r}")
    assert problems == []
    if code == "cy":
        assert catalogue.num_plurals == 6  # Welsh counts zero, one, two, three, six and the rest apart


@pytest.mark.parametrize("code", COMPLETE)
def test_the_catalogues_say_they_are_drafts_not_yet_checked(code: str) -> None:
    text = catalogue_path(code).read_text(encoding="utf-8")
    assert "not yet checked by a qualified translator" in text


def test_english_needs_no_catalogue_and_an_unknown_language_falls_back_to_english() -> None:
    assert messages_for("en").gettext("Words in this module") == "Words in this module"
    assert messages_for("pl").gettext("Words in this module") == "Words in this module"
    assert messages_for("cy-GB").gettext("Words in this module") == "Geiriau yn y modiwl hwn"
    assert {p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/sidebyside.po")} >= {"en", "cy", "ur"}


def test_numbers_and_dates_follow_the_language() -> None:
    assert minutes(65) == "1 hour 5 minutes"
    assert minutes(65, "cy") == "1 awr 5 munud"
    assert minutes(120, "ur") == "2 گھنٹے"
    assert pages(1) == "1 page" and pages(3, "ur") == "3 صفحات"
    day = dt.date(2026, 12, 4)
    assert long_date(day) == "4 December 2026"
    assert long_date(day, "cy") == "4 Rhagfyr 2026"
    assert "دسمبر" in long_date(day, "ur")


def test_templates_get_newstyle_gettext_that_escapes_what_is_put_in() -> None:
    env = Environment(autoescape=True)
    install(env, "cy")
    out = env.from_string('{{ _("Version %(version)s", version=v) }}').render(v="<b>2</b>")
    assert out == "Fersiwn &lt;b&gt;2&lt;/b&gt;"
