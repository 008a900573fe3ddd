"""Generate a large, realistic course for benchmarks, deterministic from a seed.

    python bench/generate.py OUT --modules 200 --terms 300 --stories 200 --seed 1

Modules have about `words` words each, use glossary terms and acronyms the way real
pages do, and include trainer notes; stories are illustrative.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

PLAIN_WORDS = [
    "we",
    "you",
    "they",
    "team",
    "patient",
    "people",
    "care",
    "service",
    "ward",
    "clinic",
    "time",
    "week",
    "day",
    "meeting",
    "change",
    "test",
    "thought",
    "small",
    "start",
    "plan",
    "look",
    "talk",
    "listen",
    "ask",
    "share",
    "help",
    "work",
    "wait",
    "home",
    "family",
    "nurse",
    "doctor",
    "staff",
    "group",
    "chart",
    "number",
    "data",
    "step",
    "map",
    "goal",
    "note",
    "book",
    "visit",
    "letter",
    "phone",
    "call",
    "result",
    "report",
    "simple",
    "clear",
    "kind",
    "safe",
    "better",
    "faster",
    "easier",
    "together",
    "every",
    "first",
    "next",
    "last",
    "long",
    "short",
    "good",
    "hard",
    "new",
    "old",
    "own",
    "same",
]
VERBS = ["is", "helps", "makes", "shows", "finds", "tests", "changes", "asks", "shares", "needs", "takes", "gives", "brings", "keeps"]
TOPICS = ["waiting", "transport", "appointments", "letters", "medicines", "meals", "visiting", "parking", "results", "bookings"]


def _sentence(rng: random.Random, terms: list[tuple[str, str]]) -> str:
    words = [rng.choice(PLAIN_WORDS) for _ in range(rng.randint(6, 14))]
    words.insert(rng.randint(1, len(words) - 1), rng.choice(VERBS))
    if terms and rng.random() < 0.35:
        words.insert(rng.randint(1, len(words)), rng.choice(terms)[0])
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, terms: list[tuple[str, str]]) -> str:
    return " ".join(_sentence(rng, terms) for _ in range(rng.randint(2, 3)))


def generate(out: Path, modules: int = 50, terms: int = 300, stories: int = 200, words: int = 600, seed: int = 1) -> Path:
    """Write mkdocs.yml, docs/, modules/, glossary/ and stories/ under `out`."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# Generated course\n\nA course made for benchmarks.\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: Generated course\n"
        "site_url: https://course.example.org/\n"
        "docs_dir: docs\n"
        "theme:\n  name: material\n  language: en\n  font: false\n"
        # The reference course's features (mkdocs.yml), `navigation.prune` included.
        "  features: [navigation.indexes, navigation.sections, navigation.prune, navigation.footer, navigation.top, "
        "search.highlight, toc.follow]\n"
        "plugins:\n  - search\n  - macros:\n      on_error_fail: true\n      on_undefined: strict\n"
        "  - sidebyside:\n"
        # Local contacts filled in, so the build has no reminder about them.
        "      contacts:\n"
        + "".join(
            f"        {role}:\n          name: Generated {role.replace('_', ' ')} team\n          how: Ask at the front desk\n"
            for role in ("involvement_lead", "payments", "wellbeing", "pals", "icb", "trust")
        )
        + "markdown_extensions: [admonition, attr_list, md_in_html, tables, pymdownx.details, pymdownx.superfences]\n",
        encoding="utf-8",
    )
    term_list: list[tuple[str, str]] = []
    (out / "glossary").mkdir()
    for index in range(terms):
        base = f"{rng.choice(TOPICS)} {rng.choice(PLAIN_WORDS)} {index}"
        slug = base.replace(" ", "-")
        acronym = "".join(w[0] for w in base.split()[:2]).upper() + f"{index}"
        term_list.append((base, slug))
        (out / "glossary" / f"{slug}.md").write_text(
            f"---\nterm: {base}\nplain: A plain meaning for {base}, in a few short words.\n"
            f"aliases: [{base}s, X{acronym}]\n---\n\nMore about it.\n",
            encoding="utf-8",
        )
    slugs = []
    for number in range(1, modules + 1):
        slug = f"module-{number:04d}"
        slugs.append(slug)
        folder = out / "modules" / f"{number:04d}-{slug}"
        folder.mkdir(parents=True)
        body: list[str] = []
        count = 0
        section = 0
        while count < words:
            if count % 150 < 20:
                section += 1
                body.append(f"## Part {section}\n")
            paragraph = _paragraph(rng, term_list)
            count += len(paragraph.split())
            body.append(paragraph + "\n")
            if section == 2 and count % 7 == 0:
                body.append('!!! trainer "Notes for trainers"\n    Ask the group what they think. Allow five minutes.\n')
        (folder / "index.md").write_text(
            "---\n"
            f"title: Module {number}\nsummary: A generated module for speed tests.\norder: {number}\nduration: 30\n"
            "outcomes: [know one thing, know another thing]\nowner: Bench team\n"
            'last_reviewed: 2026-11-01\nnext_review: 2027-11-01\nversion: "1.0"\n'
            "co_produced_with:\n  - name: Sam Jones\n    role: patient partner\n"
            "activities:\n  - title: Talk in pairs\n    minutes: 10\n    materials: [pens]\n"
            "---\n\n" + "\n".join(body),
            encoding="utf-8",
        )
    (out / "stories").mkdir()
    for number in range(1, stories + 1):
        (out / "stories" / f"story-{number:04d}.md").write_text(
            "---\n"
            f"title: Story {number}\nteller:\n  name: Teller {number}\n  display: first-name\n"
            f"  role: {rng.choice(['patient', 'carer', 'staff'])}\n"
            f"kind: illustrative\nmodules: [{rng.choice(slugs) if slugs else ''}]\n---\n\n"
            + "\n\n".join(_paragraph(rng, term_list) for _ in range(5))
            + "\n",
            encoding="utf-8",
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--terms", type=int, default=300)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.modules, args.terms, args.stories, args.words, args.seed)


if __name__ == "__main__":
    main()
