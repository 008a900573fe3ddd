"""Put the generated modules and stories into the site's navigation.

In mkdocs.yml, `- Modules: modules/index.md` becomes a section holding the overview
and every module in order; `- Stories: stories/index.md` likewise. With no `nav`
at all, a sensible one is made.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sidebyside.content.model import Course
from sidebyside.render.links import (
    GLOSSARY_INDEX,
    MODULES_INDEX,
    SESSION_PLAN,
    STORIES_INDEX,
    TRAINER_NOTES,
    TRAINERS_INDEX,
    TRAINERS_LANDING,
    module_src,
    story_src,
    trainer_module_src,
)

NavItem = Any

# Long sections are split into groups, so that with Material's `navigation.prune` a
# page carries only its own group of the menu, not every module of a large course.
GROUP_SIZE = 20


def group(items: list[NavItem], noun: str, size: int = GROUP_SIZE) -> list[NavItem]:
    """`items` as they are if there are `size` or fewer, else in numbered groups.

    Groups hold at least `size` items, and more in a very large course (the square
    root of the count), so that neither the list of groups nor a group gets long.
    The pages' addresses do not change: only the menu is grouped.
    """
    if size <= 0 or len(items) <= size:
        return items
    per_group = max(size, math.ceil(math.sqrt(len(items))))
    groups: list[NavItem] = []
    for first in range(0, len(items), per_group):
        chunk = items[first : first + per_group]
        groups.append({f"{noun} {first + 1} to {first + len(chunk)}": chunk})
    return groups


def _sections(course: Course, today: dt.date, group_size: int = GROUP_SIZE, output: str = "web") -> dict[str, list[NavItem]]:
    modules = [{m.title: module_src(m.slug)} for m in course.modules]
    stories = [{s.title: story_src(s.slug)} for s in course.stories_for(output, today)]
    return {
        MODULES_INDEX: [MODULES_INDEX, *group(modules, "Modules", group_size)],
        STORIES_INDEX: [STORIES_INDEX, *group(stories, "Stories", group_size)],
    }


def _walk(items: list[NavItem], sections: dict[str, list[NavItem]]) -> list[NavItem]:
    result: list[NavItem] = []
    for item in items:
        if isinstance(item, dict):
            result.append({title: _expand_value(value, sections) for title, value in item.items()})
        elif isinstance(item, str) and item in sections:
            result.append({SECTION_TITLES.get(item, "For trainers"): sections[item]})
        else:
            result.append(item)
    return result


def _expand_value(value: NavItem, sections: dict[str, list[NavItem]]) -> NavItem:
    if isinstance(value, str) and value in sections:
        return sections[value]
    if isinstance(value, list):
        return _walk(value, sections)
    return value


SECTION_TITLES = {MODULES_INDEX: "Modules", STORIES_INDEX: "Stories"}


def trainers_landing(docs_pages: list[str]) -> str:
    """The page that heads the trainer section: docs/trainers.md, docs/trainers/index.md, or one we make."""
    return TRAINERS_LANDING if TRAINERS_LANDING in docs_pages else TRAINERS_INDEX


def _trainer_section(course: Course, landing: str, group_size: int = GROUP_SIZE) -> list[NavItem]:
    modules = [{m.title: trainer_module_src(m.slug)} for m in course.modules]
    teaching = group(modules, "Modules", group_size)
    return [landing, {"Session plan": SESSION_PLAN}, {"All trainer notes": TRAINER_NOTES}, {"Teaching each module": teaching}]


def expand(
    config_nav: list[NavItem] | None,
    course: Course,
    today: dt.date,
    docs_pages: list[str],
    group_size: int = GROUP_SIZE,
    *,
    trainers: bool = False,
    output: str = "web",
) -> list[NavItem]:
    """The navigation with modules, stories and (with `trainers`) the trainer edition filled in.

    The trainer pages sit under the site's "For trainers" page wherever the nav lists it,
    or in a "For trainers" section added at the end."""
    sections = _sections(course, today, group_size, output)
    landing = trainers_landing(docs_pages)
    if trainers:
        sections[landing] = _trainer_section(course, landing, group_size)
    if config_nav is not None:
        made_nav = _walk(list(config_nav), sections)
        if not course.stories_for(output, today):  # no Stories menu in a course without stories
            made_nav = _without(made_nav, STORIES_INDEX)
        if trainers and not _mentions(config_nav, landing):
            made_nav.append({"For trainers": sections[landing]})
        return made_nav
    made: list[NavItem] = []
    if "index.md" in docs_pages:
        made.append({"Home": "index.md"})
    made += [{"Modules": sections[MODULES_INDEX]}, {"Glossary": GLOSSARY_INDEX}]
    if course.stories_for(output, today):
        made.append({"Stories": sections[STORIES_INDEX]})
    made += [page for page in docs_pages if page != "index.md" and not (trainers and page == landing)]
    if trainers:
        made.append({"For trainers": sections[landing]})
    return made


HANDOUTS_INDEX = "handouts/index.md"


def _mentions(items: list[NavItem], src: str) -> bool:
    for item in items:
        if item == src:
            return True
        if isinstance(item, dict) and any(v == src or (isinstance(v, list) and _mentions(v, src)) for v in item.values()):
            return True
    return False


def _without(items: list[NavItem], src: str) -> list[NavItem]:
    """The menu without the entries that lead to `src` (or to a section it opens)."""
    return [item for item in items if not (item == src or (isinstance(item, dict) and _mentions([item], src)))]


def add_handouts(items: list[NavItem]) -> list[NavItem]:
    """Put the Handouts page in the menu after Stories, unless mkdocs.yml already places it."""
    if _mentions(items, HANDOUTS_INDEX):
        return items
    result = list(items)
    for index, item in enumerate(result):
        if isinstance(item, dict) and any(v == STORIES_INDEX or (isinstance(v, list) and STORIES_INDEX in v) for v in item.values()):
            result.insert(index + 1, {"Handouts": HANDOUTS_INDEX})
            return result
    result.append({"Handouts": HANDOUTS_INDEX})
    return result


CONTACTS_PAGE = "contacts/index.md"


def add_contacts(items: list[NavItem]) -> list[NavItem]:
    """Put "Who to contact here" in the menu after Handouts (or at the end), unless mkdocs.yml places it."""
    if _mentions(items, CONTACTS_PAGE):
        return items
    result = list(items)
    for index, item in enumerate(result):
        if isinstance(item, dict) and HANDOUTS_INDEX in item.values():
            result.insert(index + 1, {"Who to contact here": CONTACTS_PAGE})
            return result
    result.append({"Who to contact here": CONTACTS_PAGE})
    return result
