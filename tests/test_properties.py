"""Property-based tests: the loader and the checks never crash, whatever a file contains."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factory import TODAY
from sidebyside.checks import CheckContext, run_checks
from sidebyside.content import load_course
from sidebyside.content.schema import MODULE, STORY, TERM
from sidebyside.findings import Finding

KEYS = sorted({f.name for schema in (MODULE, TERM, STORY) for f in schema.fields} | {"recorded", "scope", "expires", "name", "role"})
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10, max_value=10_000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(["2026-11-25", "2026-02-30", "real", "illustrative", "web", "patient partner", "first-name", "[x", "{{ config }}"]),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
front_matter = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), values, max_size=10)
bodies = st.text(max_size=400) | st.sampled_from(
    [
        "{{ story('x') }}",
        "{% include '/etc/passwd' %}",
        "{{ 1 +",
        "[here](../nowhere/#x)",
        "![](a.png)",
        "<script>x</script>",
        "```\n<script>\n",
        "My NHS number is 943 476 5919",
        "[x](javascript:alert(1))",
    ]
)
where = st.sampled_from(["modules/01-x/index.md", "glossary/x.md", "stories/x.md"])
counter = itertools.count()


def _load_and_check(root: Path) -> list[Finding]:
    course, findings = load_course(root)
    findings += run_checks(course, CheckContext(__import__("datetime").date.fromisoformat(TODAY)))
    for finding in findings:
        assert finding.path and finding.message
    return findings


def _fresh(base: Path) -> Path:
    root = base / f"c{next(counter)}"
    root.mkdir()
    return root


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meta=front_matter, body=bodies, rel=where)
def test_loader_and_checks_never_raise_on_any_front_matter(tmp_path: Path, meta: dict, body: str, rel: str) -> None:
    root = _fresh(tmp_path)
    path = root / rel
    path.parent.mkdir(parents=True)
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    _load_and_check(root)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")), rel=where)
def test_loader_and_checks_never_raise_on_any_text(tmp_path: Path, text: str, rel: str) -> None:
    root = _fresh(tmp_path)
    path = root / rel
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    _load_and_check(root)


@pytest.mark.parametrize("payload", [b"\xff\xfe---\n", b"---\ntitle: caf\xe9\n---\n", b"\x00\x00\x00", b"---\n---\n"])
def test_bytes_that_are_not_text_are_findings_not_crashes(tmp_path: Path, payload: bytes) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "x.md").write_bytes(payload)
    findings = _load_and_check(tmp_path)
    assert findings, "a broken file must give a finding"
