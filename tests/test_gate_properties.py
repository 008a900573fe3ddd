"""Property tests of the publish gate and the personal-details normaliser (hypothesis).

Whatever HTML the gate is given, what it lets out is stable (gating it again changes
nothing) and has no scripts, event handlers or `javascript:` addresses, however they are
spelt. A UK phone number, NHS number or postcode is still found when it is written with
entities, odd spaces, invisible characters, a line break or full-width digits.
"""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.checks.personal_details import find_details
from sidebyside.publish import check_html, final_text, sanitise

# Pieces of HTML that attackers use, mixed with the engine's own and with random text.
PIECES = [
    "<script>alert(1)</script>", "<scr", "ipt>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>',
    '<a href="java&#10;script:alert(1)">x</a>', '<a href="&#106;avascript:alert(1)">', '<a href=" JaVaScRiPt:alert(1)">',
    "<svg><animate attributeName=href values=javascript:alert(1) /></svg>", '<iframe srcdoc="<script>x</script>">',
    '<div onclick="x">', "<p>", "</p>", "<details open ontoggle=alert(1)>", "<!--", "-->", "<style>", "</style>",
    '<a href="https://www.nhs.uk/">NHS</a>', '<img src="pic.png" alt="A ward">', "<table><tr><td>1</td></tr></table>",
    "<math><mi xlink:href=javascript:alert(1)>", "<base href=//evil.example>", "<meta http-equiv=refresh content=0>",
    '<object data="x">', "<form action=x><input name=a>", "&lt;script&gt;", "\x00", "<", ">", '"', "'", "=", "on",
    '<a href="data:text/html,<script>alert(1)</script>">', '<div style="position:fixed;top:0">', "<template>", "<noscript>",
]  # fmt: skip
HTML = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=14).map("".join)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)


def _unspelt(text: str) -> str:
    """Text as a browser would read an address in it: entities decoded, controls and spaces gone, lower case."""
    text = html.unescape(html.unescape(text))
    return re.sub(r"[\x00-\x20\x7f]+", "", text).lower()


@settings(max_examples=200, deadline=None)
@given(HTML)
def test_whatever_goes_in_the_gate_lets_out_nothing_that_runs(fragment: str) -> None:
    cleaned = sanitise(fragment)
    assert sanitise(cleaned) == cleaned  # gating it again changes nothing
    assert check_html(cleaned) == []  # and the gate has nothing more to remove
    lowered = cleaned.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<style" not in lowered
    assert "<animate" not in lowered and "<base" not in lowered and "<meta" not in lowered
    assert not HANDLER.search(cleaned)
    assert "javascript:" not in _unspelt(cleaned) and "vbscript:" not in _unspelt(cleaned)
    assert "data:text" not in _unspelt(cleaned)


# Pieces whose sanitised form is hard to read back: SVG's mixed-case names, `>` and quotes in
# attribute values, entities, empty attributes, elements that keep raw text.
AWKWARD = [
    '<svg viewBox="0 0 10 10"><linearGradient gradientUnits="x"></linearGradient><foreignObject>', "</svg>",
    '<a title="a > b &amp; c" href="/x?a=1&b=2">', "<p title='say \"hi\"'>", "&nbsp;", "<br/>", "<hr>", "<input disabled>",
    "<xmp><b>x</b></xmp>", "<noembed><i>y</i></noembed>", "<title><b>z</b></title>", "<textarea><p>q</p></textarea>",
    '<td colspan="2" ALIGN=left>', "<p\tclass=a\nid=b>", '<img alt="&lt;b&gt;" src="p.png">', "<P CLASS=X>",
]  # fmt: skip
AWKWARD_HTML = st.lists(st.one_of(st.sampled_from(PIECES + AWKWARD), st.text(max_size=8)), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(AWKWARD_HTML)
def test_the_quick_count_of_sanitised_html_is_the_parsers_count(fragment: str) -> None:
    from sidebyside.publish.gate import inventory, sanitised_inventory
    from sidebyside.publish.page import sanitise_page

    for cleaned in (sanitise(fragment), sanitise_page(fragment)):
        assert sanitised_inventory(cleaned) == inventory(cleaned), cleaned


# --- the personal-details normaliser ------------------------------------------------------------

PHONES = ["07700 900461", "020 7946 0018", "0161 496 0753", "+44 7700 900461"]
NHS_NUMBERS = ["943 476 5919", "401 023 2137"]
POSTCODES = ["SW1A 1AA", "ls1 4ap", "M1 1AE"]
FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}


@st.composite
def disguised(draw: st.DrawFn, detail: str) -> str:
    """`detail` with each character perhaps written as an entity or in full width, and the
    spaces and gaps between characters filled with look-alikes, invisible characters or a line break."""
    out = []
    for char in detail:
        how = draw(st.sampled_from(["plain", "decimal", "hex", "full-width"]))
        if char.isdigit() and how == "full-width":
            out.append(FULL_WIDTH[char])
        elif how == "decimal":
            out.append(f"&#{ord(char)};")
        elif how == "hex":
            out.append(f"&#x{ord(char):x};")
        else:
            out.append(char)
        if char != " " and draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(["\u200b", "\u2060", "\u00ad", "&#8203;"])))
    text = "".join(out)
    spaces = st.sampled_from([" ", "\u00a0", "&nbsp;", "&#160;", "\n", " \n  ", "\u202f", "\u2009"])
    return re.sub(" ", lambda _: draw(spaces), text)


KINDS = {"phone": PHONES, "nhs-number": NHS_NUMBERS, "postcode": POSTCODES}


@settings(max_examples=200, deadline=None)
@given(st.data(), st.sampled_from(sorted(KINDS)), st.sampled_from(["Please ring ", "Her details: ", "At "]))
def test_a_detail_is_found_however_it_is_spelt(data: st.DataObject, kind: str, before: str) -> None:
    detail = data.draw(st.sampled_from(KINDS[kind]))
    spelt = data.draw(disguised(detail))
    page = f"<p>{before}{spelt} today.</p>"
    kinds = {found_kind for found_kind, _, _ in find_details(final_text(page))}
    assert kind in kinds, f"{spelt!r} read as {final_text(page)!r}"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "No", "Cs")), max_size=200))
def test_text_without_digits_has_no_phone_or_nhs_numbers(text: str) -> None:
    kinds = {kind for kind, _, _ in find_details(text)}
    assert not kinds & {"phone", "nhs-number"}
