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
    # Refused if set: consent and review dates are checked against the real date (tests
    # set the environment variable SIDEBYSIDE_TODAY). Kept so the message can say so.
    today = opt.Type((str, dt.date), default="")
    # Governance reminders (a review falling due, no patient or carer listed yet) are
    # logged as information so they do not fail a strict build; true makes them warnings.
    strict_governance = opt.Type(bool, default=False)
    # Jargon warnings (plainer words, long sentences) are advice: by default they are
    # logged as information ("Jargon advice: ..."), so a `--strict` build still passes.
    # Set true to make them MkDocs warnings, which fail a `--strict` build.
    jargon_warnings_fail = opt.Type(bool, default=False)
    # The reading age participant pages aim for (the course aims for 9 to 11): a page two
    # years or more above it gets a warning naming its hardest sentences. Trainer notes
    # have their own target.
    reading_age = opt.Type(int, default=11)
    trainer_reading_age = opt.Type(int, default=14)
    # Make printable handouts (PDF) into site/handouts/ and link them from the pages.
    handouts = opt.Type(bool, default=True)
    # Trainer edition: pages under /trainers/ with notes, activities and a session plan.
    trainer_edition = opt.Type(bool, default=True)
    # When the session plan starts ("10:00"), and optional breaks.
    session_start = opt.Type((str, int), default="10:00")
    session_break_every = opt.Type(int, default=0)  # minutes of teaching between breaks; 0: no breaks
    session_break_minutes = opt.Type(int, default=10)
    # The course version shown on every page; `sidebyside release` sets it for you.
    version = opt.Type(str, default="")
    # Who to contact at this trust (involvement lead, payments, wellbeing, PALS, ICB, trust):
    # each a `name` and `how` to reach them. Shown at /contacts/ and in contacts.pdf.
    # See reference/contacts.md. `examples: true` marks made-up values.
    contacts = opt.Type(dict, default={})
    # Make site/handouts/<course-name>-offline.zip (named from site_name), a copy of the site that works without a network.
    offline_copy = opt.Type(bool, default=True)
    # Inherit the engine's base glossary of NHS and improvement words; hide entries by file name.
    base_glossary = opt.Type(bool, default=True)
    hide_base_terms = opt.Type(list, default=[])
    # Slides for trainers (PowerPoint), made with the handouts; see reference/slides.md.
    slides = opt.Type(bool, default=True)
    slides_template = opt.Type(str, default="")  # a .pptx in the repository with the trust's look
    # The course's own language, and the languages it is translated into (see reference/languages.md):
    # each `- code: cy` with `name: Cymraeg`, and `direction: rtl` for a language written right to left.
    language = opt.Type(str, default="en")
    translations = opt.Type(list, default=[])
    # Easy Read rules (see reference/easy-read.md): the most words in a sentence, and pages in a document.
    easy_read_max_words = opt.Type(int, default=15)
    easy_read_max_pages = opt.Type(int, default=24)
    # --- who runs the course and how readers reach them (every page and handout) -----------
    # See reference/reader-settings.md. A course that sets none of these is told so in the build.
    trust_name = opt.Type(str, default="")  # "Anytown NHS Foundation Trust"
    trust_logo = opt.Type(str, default="")  # an image in docs/, shown in the header
    footer_note = opt.Type(str, default="")  # the claim in the footer: say only what has happened
    contact_email = opt.Type(str, default="")
    contact_phone = opt.Type(str, default="")
    contact_form = opt.Type(str, default="")  # the full address of a contact form
    repository = opt.Type(str, default="")  # https://github.com/owner/name: reports and "Suggest a change"
    # The trust's colours on the website and the handouts ("#rrggbb", in quotes): `header`,
    # `links` and `boxes`. Each is checked for contrast with the writing on it (see
    # reference/trust-colours.md and render/colours.py); one left out keeps the engine's.
    trust_colours = opt.Type(dict, default={})
