"""No handout carries a file: WeasyPrint attaches the target of a `rel=attachment` link to
the PDF, and `.git/config` holds CI's token. Every handout PDF is read back with pikepdf."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from factory import Course, tree_hash

TOKEN = "ghs_SECRET_TOKEN_4321"


def _course_with_git(course: Course) -> None:
    git = course.root / ".git"
    git.mkdir()
    (git / "config").write_text(f"[remote]\n\turl = https://x-access-token:{TOKEN}@github.com/o/r\n", encoding="utf-8")
    (course.root / "outside.txt").write_text(f"outside {TOKEN}\n", encoding="utf-8")


def _attachments(pdf_path: Path) -> list[str]:
    """What a PDF carries besides its pages: embedded files and file attachment notes, and any stream holding the token."""
    found = []
    with pikepdf.open(pdf_path) as pdf:
        names = pdf.Root.get("/Names")
        if names is not None and "/EmbeddedFiles" in names:
            found.append("/EmbeddedFiles")
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") == "/FileAttachment":
                    found.append("/FileAttachment")
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and TOKEN.encode() in obj.read_bytes():
                found.append("the token")
    return found


def _pdfs(course: Course) -> list[Path]:
    pdfs = sorted((course.root / "site" / "handouts").glob("*.pdf"))
    assert len(pdfs) >= 3
    return pdfs


LINKS = [
    "[the settings](../../.git/config){rel=attachment}\n",
    '<a rel="attachment" href="../../.git/config">the settings</a>\n',
    '<link rel="attachment" href="../../.git/config">\n',
    "[a note](../../outside.txt){rel=attachment}\n",
    "See [the settings](../../.git/config) and ![A picture](../../.git/config).\n",
    "[a note](file:///work/outside.txt){rel=attachment}\n",
]


def test_no_handout_carries_a_file_whatever_the_links_say(course: Course) -> None:
    _course_with_git(course)
    course.module(body="## Fine\n\nA fine page.\n")
    first = course.run("build")
    assert first.code == 0, first.text
    built = 0
    for body in LINKS:
        before = tree_hash(course.root / "site")
        course.module(body=f"## Files\n\n{body}")
        result = course.run("build")  # not strict: a link MkDocs does not know is only a warning
        assert "Traceback" not in result.text
        if result.code != 0:  # refused: the file is named and the last good site kept
            assert "01-test" in result.text or "modules/test" in result.text, result.text
            assert tree_hash(course.root / "site") == before
        else:
            built += 1
        for pdf in _pdfs(course):
            assert _attachments(pdf) == [], f"{body}: {pdf.name}"
        published = "".join(p.read_text(errors="replace") for p in (course.root / "site").rglob("*.html"))
        assert TOKEN not in published
    assert built >= 1  # the PDFs of at least one such page were made and read back
