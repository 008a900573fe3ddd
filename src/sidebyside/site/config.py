"""The plugin's options in mkdocs.yml, typed."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class SideBySideConfig(Config):
    """Options for the `sidebyside` plugin.

    Paths are relative to the folder that holds mkdocs.yml.
    """

    content_dir = opt.Type(str, default=".")
    modules_dir = opt.Type(str, default="modules")
    glossary_dir = opt.Type(str, default="glossary")
    stories_dir = opt.Type(str, default="stories")
    # Link glossary terms in module and story pages, with a disclosure for the first use.
    link_terms = opt.Type(bool, default=True)
    # Run the content checks during the build; error findings fail it.
    checks = opt.Type(bool, default=True)
    # "participant" hides trainer notes; "trainer" shows them.
    edition = opt.Choice(("participant", "trainer"), default="participant")
    # Menus with more modules (or stories) than this are split into groups of at least
    # this many, so each page carries only its own group (with `navigation.prune`). 0: never.
    nav_group_size = opt.Type(int, default=20)
    # The date used for consent and review checks (YYYY-MM-DD); empty means today.
    today = opt.Type((str, dt.date), default="")
