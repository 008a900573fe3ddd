"""The `sidebyside` command: build, serve and check a course.

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
from sidebyside.checks import CheckSetupError
from sidebyside.findings import errors_in, format_for_people
from sidebyside.forking import stop_children
from sidebyside.project import ProjectError, find_project

OK, CONTENT_PROBLEM, TOOL_PROBLEM = 0, 1, 2


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


def cmd_build(args: argparse.Namespace) -> int:
    from sidebyside.building import BuildFailed, build_site
    from sidebyside.checks.background import PendingChecks
    from sidebyside.content.frontmatter import caching
    from sidebyside.reading import CourseOnTheWay
    from sidebyside.site import template_cache

    project = find_project(args.config_file)
    if project.checks and caching():
        # The course is read, then checked, on another core while MkDocs gets going; the
        # plugin takes the course when it needs it and waits for the checks before the
        # build ends (or before it prints handouts), and the new site is swapped in only
        # if they pass. Meanwhile, on a fresh clone, that core compiles the templates.
        on_the_way = project.read_in_background(meanwhile=lambda: template_cache.compile_ahead(project.config_file))
    else:  # the plugin will not take the course from us: check it first, here
        course, findings = project.load()
        if errors_in(findings):
            print(format_for_people(findings), file=sys.stderr)
            print(f"\nThe site was not built. {_last_site(args)}", file=sys.stderr)
            return CONTENT_PROBLEM
        on_the_way = CourseOnTheWay.ready(course, findings, PendingChecks.finished([]))
    site_dir = args.site_dir or (project.config_file.parent / "site")
    try:
        build_site(project.config_file, Path(site_dir), strict=args.strict)
        course, findings = on_the_way.course()
        findings += on_the_way.checks.result()
    except BuildFailed as exc:
        print(f"The site was not built.\n\n{exc}\n\n{_last_site(args, site_dir)}", file=sys.stderr)
        return CONTENT_PROBLEM
    finally:
        on_the_way.cancel()
    print(
        f"Built the site into {site_dir}: {len(course.modules)} modules, {len(course.terms)} glossary terms, {len(course.stories)} stories."
    )
    _build_notes(findings)
    return OK


def _last_site(args: argparse.Namespace, site_dir: Path | str | None = None) -> str:
    """What became of the site folder: say it was kept only when there was one."""
    folder = Path(site_dir or args.site_dir or (args.config_file.resolve().parent / "site"))
    if (folder / "index.html").is_file():
        return "The last good site has been left as it was."
    return "There was no site here before, so there is none yet."


def _build_notes(findings: list) -> None:
    """What did not stop the build: reminders listed one by one, writing advice counted."""
    from sidebyside.findings import format_one_line, sort_key

    advice = [f for f in findings if f.severity.value != "error" and f.rule.startswith("jargon-")]
    notes = [f for f in findings if f.severity.value != "error" and not f.rule.startswith("jargon-")]
    if notes:
        print(f"\nWorth a look ({len(notes)}; these did not stop the build, `sidebyside check` explains each one):")
        for finding in sorted(notes, key=sort_key):
            print(f"  {finding.severity.value}: {format_one_line(finding)}")
    if advice:
        warnings = sum(1 for f in advice if f.severity.value == "warning")
        print(
            f"\nThe writing checks found {warnings} warning(s) and {len(advice) - warnings} suggestion(s). "
            "They do not stop the build. Run `sidebyside check` to read them."
        )


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    project = find_project(args.config_file)
    _, findings = project.load()
    if findings:
        print(format_for_people(findings), file=sys.stderr)
    print(f"Previewing at http://{args.dev_addr}/ (press Ctrl+C to stop). Pages reload when you save a file.")
    try:
        serve(str(project.config_file), dev_addr=args.dev_addr, livereload=True)
    except KeyboardInterrupt:
        pass
    except SystemExit as exc:
        return int(exc.code or 0) and CONTENT_PROBLEM
    return OK


def cmd_check(args: argparse.Namespace) -> int:
    from sidebyside import checking

    project = find_project(args.config_file)
    wanted: set[str] | None = None
    if args.changed_since:
        try:
            wanted = checking.changed_since(project.root, args.changed_since)
        except checking.ChangedFilesError as exc:
            print(str(exc), file=sys.stderr)
            return TOOL_PROBLEM
    if args.paths:
        given = {_relative_to(project.root, Path(p)) for p in args.paths}
        wanted = given if wanted is None else {w for w in wanted if w in given or any(w.startswith(g.rstrip("/") + "/") for g in given)}
    _, findings = project.load()
    if wanted is not None:
        findings = checking.only(findings, wanted)
    print(checking.report(findings, args.format))
    return CONTENT_PROBLEM if errors_in(findings) else OK


def cmd_new(args: argparse.Namespace) -> int:
    from sidebyside import new

    if args.kind_of_file == "course":
        return _new_course(args)
    project = find_project(args.config_file)
    answers = new.Answers(
        args.title or "", args.slug or "", args.summary or "", args.plain or "", args.teller or "", args.role or "", args.kind or ""
    )
    folder = {"module": project.modules_dir, "term": project.glossary_dir, "story": project.stories_dir}[args.kind_of_file]
    ask = input if (new.interactive() and not args.no_input) else None
    try:
        path = new.KINDS[args.kind_of_file](project.root, folder, answers, project.today, ask)
    except new.NewFileProblem as exc:
        print(str(exc), file=sys.stderr)
        return CONTENT_PROBLEM
    except (EOFError, KeyboardInterrupt):
        print("Stopped: no file was written.", file=sys.stderr)
        return CONTENT_PROBLEM
    rel = path.relative_to(project.root).as_posix()
    print(f"Wrote {rel}. Fill in the parts that say what to write, then run `sidebyside check {rel}`.")
    return OK


def _new_course(args: argparse.Namespace) -> int:
    import datetime as dt

    from sidebyside.new import NewFileProblem
    from sidebyside.new_course import new_course

    folder = Path(args.folder or "my-course")
    name = args.title or folder.resolve().name.replace("-", " ").replace("_", " ").title()
    try:
        new_course(folder, name, dt.date.today())
    except NewFileProblem as exc:
        print(str(exc), file=sys.stderr)
        return CONTENT_PROBLEM
    print(
        f"Made a new course, {name}, in {folder}.\n\nNext:\n"
        f"  1. cd {folder}\n"
        "  2. Open mkdocs.yml and change the settings it explains: name, web address, colours, logo, licence line.\n"
        "  3. Fill in docs/contact.md, docs/accessibility.md and docs/index.md.\n"
        "  4. Run `sidebyside build`, then open site/index.html. `sidebyside serve` shows changes as you save.\n"
        "  5. Bring in material you already have with `sidebyside import FILE` (Word, OpenDocument, HTML, MyST, R Markdown)."
    )
    return OK


def cmd_import(args: argparse.Namespace) -> int:
    from sidebyside.importing.convert import ImportProblem
    from sidebyside.importing.module_folder import import_document

    project = find_project(args.config_file)
    try:
        done = import_document(Path(args.file), project.root / project.modules_dir, project.today)
    except ImportProblem as exc:
        print(str(exc), file=sys.stderr)
        return CONTENT_PROBLEM
    rel = done.index.relative_to(project.root).as_posix()
    print(
        f"Imported {args.file} into {rel}: {len(done.headings)} headings, {done.images} pictures (their hidden details, such as place and camera, removed)."
    )
    if done.notes:
        print("\nWhat was changed on the way in:")
        for note in done.notes:
            print(f"  - {note}")
    print(
        "\nNext:\n"
        f"  1. Open {rel} and replace every note that starts with FILL-IN: (outcomes, time, review dates, sources).\n"
        "  2. If the material is someone else's, fill in `adapted_from` with its title, author, address and licence.\n"
        f"  3. Run `sidebyside check {rel}` and fix what it lists: hard words, long sentences, missing picture descriptions.\n"
        "  4. Run `sidebyside build` and read the page and its handout."
    )
    return OK


def cmd_handouts(args: argparse.Namespace) -> int:
    from sidebyside.handouts import run_command

    code, message = run_command(args.config_file, args.out, args.jobs)
    print(message, file=sys.stdout if code == OK else sys.stderr)
    return OK if code == OK else CONTENT_PROBLEM


def cmd_slides(args: argparse.Namespace) -> int:
    from sidebyside.decks import run_command

    code, message = run_command(args.config_file, args.out)
    print(message, file=sys.stdout if code == OK else sys.stderr)
    return OK if code == OK else CONTENT_PROBLEM


def cmd_release(args: argparse.Namespace) -> int:
    from sidebyside.release import ReleaseFailed, release

    try:
        done = release(args.config_file, args.version, title=args.title, push=args.push, remote=args.remote, branch=args.branch)
    except ReleaseFailed as exc:
        print(str(exc), file=sys.stderr)
        return exc.status
    print(f"Published version {done.version} to the {args.branch} branch. Versions there now: {', '.join(done.versions)}.")
    if done.is_latest:
        print(f"latest/ and the front page now lead to {done.version}.")
    else:
        print(f"latest/ still leads to {done.versions[0]}, which is newer than {done.version}.")
    if done.uncommitted:
        print("Note: some changes here are not committed in git. They are in this release, but not in your history.")
    if not done.pushed:
        print(f"Nothing was pushed. To put it online, run: git push {args.remote} {args.branch}  (or release with --push)")
    return OK


def _relative_to(root: Path, path: Path) -> str:
    resolved = path.resolve()
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


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
