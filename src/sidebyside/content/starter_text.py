"""The prompts `sidebyside new` writes into a starting file, kept in one place.

`new.py` writes them; the starter text check finds any left in a page, so a prompt
such as "Start with why this matters..." can never be published.
"""

from __future__ import annotations

import re

MODULE_SUMMARY = "One plain sentence about what this module covers."
MODULE_OUTCOME = "know what this module is about"
MODULE_WHY = (
    "Start with why this matters to someone joining an improvement team. Use short sentences\n"
    "and everyday words. Explain any NHS or improvement word the first time you use it."
)
MODULE_EXAMPLE = "Describe a real-life example, in two or three short paragraphs."
MODULE_DO = "- One thing a reader can do or ask.\n- Another thing."
MODULE_TRAINER = "What to say or ask in the session. Only trainers see this box."
TERM_BODY = "An example of the word in use, or a longer explanation (you can delete this line)."
STORY_BODY = "Tell the story in the teller's words, in short paragraphs. Leave out names of other\npeople, places and dates that could identify anyone."


def term_plain(term: str) -> str:
    return f"Write what {term} means here, in plain words."


def story_summary(title: str) -> str:
    return f"One plain sentence about {title}."


# Each prompt as a pattern that finds it whatever the line breaks (the parts that
# change from file to file, such as the title, match any text).
_FIXED = (
    MODULE_SUMMARY,
    MODULE_WHY.split(". ")[0],
    MODULE_EXAMPLE,
    "One thing a reader can do or ask.",
    MODULE_TRAINER,
    TERM_BODY,
    STORY_BODY.split(". ")[0],
    term_plain("\0"),
    story_summary("\0"),
)
PROMPTS: tuple[re.Pattern[str], ...] = (
    *(re.compile(r"\s+".join(re.escape(word) for word in text.split()).replace(re.escape("\0"), ".+?"), re.I) for text in _FIXED),
    re.compile(r"^\s*(?:-\s*)?" + re.escape(MODULE_OUTCOME) + r"\s*$", re.I | re.M),
)


def starter_text(text: str) -> re.Match[str] | None:
    """The first prompt left in `text`, if any."""
    found = [match for pattern in PROMPTS if (match := pattern.search(text))]
    return min(found, key=lambda m: m.start()) if found else None
