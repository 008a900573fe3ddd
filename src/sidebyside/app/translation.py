"""The `sidebyside translation` commands: what a translator runs."""

from __future__ import annotations

import argparse
import sys

from sidebyside.app.session import BuildSession

OK, CONTENT_PROBLEM = 0, 1


def cmd_translation_done(args: argparse.Namespace) -> int:
    """Record that a translation matches its original as it is now."""
    from sidebyside.content.translation_done import TranslationProblem, mark_done

    settings = BuildSession.open(args.config_file).settings
    try:
        done = mark_done(args.file, settings.root, settings.languages)
    except TranslationProblem as exc:
        print(str(exc), file=sys.stderr)
        return CONTENT_PROBLEM
    what = f"version {done.value}" if done.kind == "version" else f"its text as it is now ({done.value})"
    print(
        f"Recorded in {done.rel} that it matches {done.original_rel}, {what}. "
        f"When {done.original_rel} {'gets a new version' if done.kind == 'version' else 'changes'}, the translated page will say "
        "it may be out of date until you update it and run this again."
    )
    return OK
