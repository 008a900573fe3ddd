"""mkdocs.yml is code: what in it can run code, read the environment or reach outside the
course needs a maintainer's review, and `today` cannot bring back a story. The offline
copy is a distributed copy: a story goes in only when its consent covers print.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from factory import Course, tree_hash

WEB_ONLY = {"recorded": "2026-01-10", "ref": "CONSENT-2026-002", "scope": ["web"], "expires": "2029-01-10"}
WEB_AND_PRINT = {"recorded": "2026-01-10", "ref": "CONSENT-2026-003", "scope": ["web", "print"], "expires": "2029-01-10"}
EXPIRED = {"recorded": "2020-01-10", "ref": "CONSENT-2020-001", "scope": ["web", "print"], "expires": "2021-01-10"}


def _zip_text(site: Path) -> tuple[list[str], str]:
    (found,) = (site / "handouts").glob("*offline*.zip")
    with zipfile.ZipFile(found) as archive:
        text = "".join(
            archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith((".html", ".json", ".js", ".xml"))
        )
        names = [n.split("/", 1)[-1] for n in archive.namelist()]  # without the folder it unpacks into
    return names, text


def test_the_offline_zip_carries_only_stories_whose_consent_covers_print(course: Course) -> None:
    course.module(body='# Start\n\nSome words.\n\n{{ story("web-only") }}\n\n{{ story("cleared") }}\n')
    course.story("web-only", title="Zebedee's day", body="Only for the website, Zebedee.\n", kind="real", consent=WEB_ONLY)
    course.story("cleared", title="Quentin's day", body="Cleared for print, Quentin.\n", kind="real", consent=WEB_AND_PRINT)
    course.config["plugins"][-1]["sidebyside"].update({"offline_copy": True, "handouts": False})
    course.write_config()
    result = course.build()
    assert result.code == 0, result.text
    told = next(line for line in result.text.splitlines() if "`web-only` is left out of" in line)
    assert "the offline copy" in told and "consent does not cover print" in told and "the website" not in told
    site = course.root / "site"
    # The website shows it: its consent covers the web.
    assert "Zebedee" in course.page("stories/web-only/index.html")
    assert "Zebedee" in course.page("modules/test/index.html")
    assert "Zebedee" in course.page("search/search_index.json")
    names, text = _zip_text(site)
    assert "Quentin" in text  # a story cleared for print travels
    assert "Zebedee" not in text and "web-only" not in text  # no page, card, menu entry or search entry
    assert not [n for n in names if "stories/web-only" in n]
    assert "stories/cleared/index.html" in names and "search/search_index.js" in names


def test_the_offline_zip_is_the_website_when_every_story_is_cleared(course: Course) -> None:
    course.module(body="# Start\n\nSome words.\n")
    course.story("cleared", title="Quentin's day", body="Cleared for print, Quentin.\n", kind="real", consent=WEB_AND_PRINT)
    course.config["plugins"][-1]["sidebyside"].update({"offline_copy": True, "handouts": False})
    course.write_config()
    result = course.build()
    assert result.code == 0, result.text
    names, text = _zip_text(course.root / "site")
    assert "Quentin" in text
    published = sorted(p.relative_to(course.root / "site").as_posix() for p in (course.root / "site").rglob("*.html"))
    assert [n for n in names if n.endswith(".html")] == published


def test_today_in_mkdocs_yml_is_refused(course: Course) -> None:
    course.module()
    course.story("expired", body="An old story, Ulysses.\n", kind="real", consent=EXPIRED)
    first = course.run("build")  # not strict: the expired story is a warning, and left out
    assert first.code == 0, first.text
    before = tree_hash(course.root / "site")
    assert "Ulysses" not in course.page("search/search_index.json")
    course.config["plugins"][-1]["sidebyside"]["today"] = "2020-06-01"  # would bring the expired story back
    course.write_config()
    for command in (("build",), ("check",)):
        result = course.run(*command)
        assert result.code != 0, result.text
        assert "`today`" in result.text and "mkdocs.yml" in result.text and "SIDEBYSIDE_TODAY" in result.text
        assert "Traceback" not in result.text
    assert tree_hash(course.root / "site") == before
    assert "Ulysses" not in course.page("search/search_index.json")


def test_a_python_yaml_tag_is_refused_before_anything_runs(course: Course) -> None:
    course.module()
    text = (course.root / "mkdocs.yml").read_text(encoding="utf-8")
    text += 'extra:\n  x: !!python/object/apply:os.system ["touch pwned"]\n'
    (course.root / "mkdocs.yml").write_text(text, encoding="utf-8")
    for command in (("build", "--strict"), ("check",)):
        result = course.run(*command)
        assert result.code != 0
        assert "mkdocs.yml" in result.text and "Python" in result.text and "line" in result.text
        assert "Traceback" not in result.text
    assert not (course.root / "pwned").exists()
    assert not (course.root / "site").exists()


REVIEWED = [
    ("hooks", {"hooks": ["hook.py"]}, "hooks"),
    ("environment variable", None, "!ENV"),
    ("snippets", {"markdown_extensions": ["pymdownx.snippets"]}, "snippets"),
    ("theme override", {"theme": {"name": "material", "custom_dir": "overrides"}}, "custom_dir"),
    ("docs_dir outside", {"docs_dir": "../../"}, "docs_dir"),
    ("site_dir outside", {"site_dir": "/tmp/elsewhere-site"}, "site_dir"),
    ("unknown plugin", {"plugins": ["search", "sidebyside", "git-committers"]}, "git-committers"),
    ("checks off", {"plugins": ["search", {"sidebyside": {"checks": False}}]}, "checks: false"),
]


@pytest.mark.parametrize(("kind", "change", "named"), REVIEWED, ids=[k for k, _, _ in REVIEWED])
def test_risky_settings_need_a_maintainers_review_in_ci(
    course: Course, monkeypatch: pytest.MonkeyPatch, kind: str, change: dict | None, named: str
) -> None:
    course.module()
    (course.root / "hook.py").write_text("from pathlib import Path\nPath('hooked').write_text('x')\n", encoding="utf-8")
    (course.root / "overrides").mkdir()
    if change is None:
        text = (course.root / "mkdocs.yml").read_text(encoding="utf-8") + "extra:\n  secret: !ENV GITHUB_TOKEN\n"
        (course.root / "mkdocs.yml").write_text(text, encoding="utf-8")
    else:
        course.config.update(change)
        course.write_config()
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_secret_token_value")
    result = course.run("check")
    assert result.code != 0, result.text
    assert "maintainer" in result.text and named in result.text and "mkdocs.yml" in result.text
    assert "Traceback" not in result.text
    built = course.build()
    assert built.code != 0, built.text
    assert "maintainer" in built.text
    assert not (course.root / "hooked").exists() and not (course.root / "site").exists()
    assert not Path("/tmp/elsewhere-site").exists()


def test_risky_settings_are_warnings_outside_ci(course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    course.module()
    course.config["markdown_extensions"].append("pymdownx.snippets")
    course.write_config()
    monkeypatch.delenv("CI", raising=False)
    result = course.build()
    assert result.code == 0, result.text
    assert "pymdownx.snippets" in result.text and "maintainer" in result.text
    monkeypatch.setenv("CI", "true")  # the same files, now in CI: the findings kept from the build above do not do
    in_ci = course.build()
    assert in_ci.code != 0 and "maintainer" in in_ci.text
