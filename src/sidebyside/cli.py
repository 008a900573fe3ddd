"""The `sidebyside` command line: the arguments, read here; the commands themselves live in `app/commands.py`.

Every mistake a contributor can make ends in a plain message and a non-zero exit
status, never a traceback. Exit 0: all good; 1: the content needs fixing;
2: the tool or its setup is broken.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sidebyside import __version__
from sidebyside.app.commands import (
    CONTENT_PROBLEM,
    TOOL_PROBLEM,
    cmd_build,
    cmd_check,
    cmd_handouts,
    cmd_import,
    cmd_new,
    cmd_release,
    cmd_serve,
    cmd_slides,
)
from sidebyside.app.settings import ProjectError
from sidebyside.app.translation import cmd_translation_done
from sidebyside.checks import CheckSetupError
from sidebyside.forking import stop_children


def _config_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml (default: mkdocs.yml)")


class _PlainFormatter(logging.Formatter):
    """Messages as "Warning: ..." rather than "WARNING - ...", without the logger's name."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.capitalize()}: {record.getMessage()}"


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_PlainFormatter())
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers[:] = [handler]
    mkdocs_log.setLevel(logging.INFO if verbose else logging.WARNING)
    mkdocs_log.propagate = False


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="sidebyside", description="Build and check a co-produced training course.")
    main.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    main.add_argument("-v", "--verbose", action="store_true", help="say more about what is happening")
    main.add_argument("--debug", action="store_true", help="show full error details (for developers)")
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    build = commands.add_parser("build", help="build the website and handouts into site/")
    _config_arg(build)
    build.add_argument("-d", "--site-dir", type=Path, help="where to put the site (default: site/ beside mkdocs.yml)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="preview the site, reloading when you save")
    _config_arg(serve)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(run=cmd_serve)

    check = commands.add_parser("check", help="check the content and say what to fix")
    _config_arg(check)
    check.add_argument("paths", nargs="*", help="only report on these files or folders")
    check.add_argument("--format", choices=("people", "json", "github"), default="people", help="how to print findings")
    check.add_argument(
        "--changed-since", metavar="REF", help="only report on files changed since this git branch or commit (for pull requests)"
    )
    check.set_defaults(run=cmd_check)

    new = commands.add_parser("new", help="start a new module, glossary term or story from a filled-in file")
    _config_arg(new)
    new.add_argument("kind_of_file", choices=("module", "term", "story", "course"), help="what to start")
    new.add_argument("folder", nargs="?", help="for a course: the new folder to make it in")
    new.add_argument("--title", help="the title (for a term: the word itself; for a course: its name)")
    new.add_argument("--slug", help="the name in its web address, such as measuring-change (made from the title if left out)")
    new.add_argument("--summary", help="one plain sentence about a module")
    new.add_argument("--plain", help="a term's meaning in one or two short sentences")
    new.add_argument("--teller", help="a story teller's first name")
    new.add_argument("--role", help="who tells a story: patient, carer or staff")
    new.add_argument("--kind", help="a story's kind: real or illustrative")
    new.add_argument("--no-input", action="store_true", help="never ask questions; use the flags and sensible defaults")
    new.set_defaults(run=cmd_new)
    imp = commands.add_parser("import", help="make a module from a Word, OpenDocument, HTML, MyST or R Markdown file")
    _config_arg(imp)
    imp.add_argument("file", help="the file to import (.docx, .odt, .html, .md, .Rmd)")
    imp.set_defaults(run=cmd_import)
    handouts = commands.add_parser("handouts", help="make the printable handouts (PDF) into a folder")
    _config_arg(handouts)
    handouts.add_argument("-o", "--out", type=Path, help="folder to write them into (default: site/handouts/ beside mkdocs.yml)")
    handouts.add_argument("-j", "--jobs", type=int, default=0, help="how many handouts to make at once (default: one per core)")
    handouts.set_defaults(run=cmd_handouts)

    slides = commands.add_parser("slides", help="make the trainers' slides (PowerPoint) into a folder")
    _config_arg(slides)
    slides.add_argument("-o", "--out", type=Path, help="folder to write them into (default: site/slides/ beside mkdocs.yml)")
    slides.set_defaults(run=cmd_slides)
    rel = commands.add_parser("release", help="build and publish a fixed version of the site with mike (into gh-pages)")
    _config_arg(rel)
    rel.add_argument("version", metavar="VERSION", help="the version to publish, for example 1.0")
    rel.add_argument("--title", help="the name shown in the version selector (default: the version)")
    rel.add_argument("--push", action="store_true", help="push the gh-pages branch afterwards (default: do not push)")
    rel.add_argument("--remote", default="origin", help="where to push (default: origin)")
    rel.add_argument("--branch", default="gh-pages", help="the branch that holds the versions (default: gh-pages)")
    rel.set_defaults(run=cmd_release)

    translation = commands.add_parser("translation", help="for translators: record that a translation matches its original")
    steps = translation.add_subparsers(dest="step", metavar="STEP")
    steps.required = True
    done = steps.add_parser("done", help="write `translated_from` into a translated file, for its original as it is now")
    _config_arg(done)
    done.add_argument("file", metavar="FILE", type=Path, help="the translated file, for example modules/01-welcome/index.cy.md")
    done.set_defaults(run=cmd_translation_done)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    _setup_logging(args.verbose)
    try:
        return args.run(args)
    except (ProjectError, CheckSetupError) as exc:
        print(str(exc), file=sys.stderr)
        return TOOL_PROBLEM
    except KeyboardInterrupt:
        return TOOL_PROBLEM
    except RecursionError:
        print(
            "A page is nested too deeply to read: lists, quotes or boxes inside each other hundreds of times. "
            "The page is named above. Use a few levels at most. The last good site has been left as it was.",
            file=sys.stderr,
        )
        return CONTENT_PROBLEM
    except Exception as exc:
        if args.debug:
            raise
        print(
            "Side by Side hit a problem it did not expect. This is a fault in the tool, not in your content.\n"
            f"Details: {type(exc).__name__}: {exc}\nRun again with --debug to see more, and please report it.",
            file=sys.stderr,
        )
        return TOOL_PROBLEM


def run() -> None:
    """The `sidebyside` command as installed. Once the output is flushed it ends the
    process at once, without Python's tidy-up of memory at exit: every file is written
    and closed by then, and the system frees the memory anyway, while the tidy-up alone
    took a tenth of a second after a build of a small course (`./scripts/bench site`)."""
    try:
        code = main()
    finally:
        stop_children()  # after Ctrl+C, say, a helper may still be at work
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # the reader went away (`sidebyside check | head`)
            code = code or TOOL_PROBLEM
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
