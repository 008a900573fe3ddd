"""The commands: build, serve, check, new, import, handouts, slides and release.

Each opens one build session (mkdocs.yml read once) and hands it on. Every mistake a
contributor can make ends in a plain message and a non-zero exit status, never a
traceback. Exit 0: all good; 1: the content needs fixing; 2: the tool or its setup is broken.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sidebyside.app.errors import BuildFailed
from sidebyside.app.progress import Progress
from sidebyside.app.session import BuildSession
from sidebyside.checks.policy import BuildPolicy
from sidebyside.findings import Finding, errors_in

OK, CONTENT_PROBLEM, TOOL_PROBLEM = 0, 1, 2


def cmd_build(args: argparse.Namespace) -> int:
    from sidebyside.app.build import build_site
    from sidebyside.content.frontmatter import caching
    from sidebyside.site import template_cache

    session = BuildSession.open(args.config_file, progress=Progress())
    settings = session.settings
    if settings.checks and caching():
        # The course is read, then checked, on another core while MkDocs gets going; the
        # plugin takes the course when it needs it and waits for the checks before the
        # build ends (or before it prints handouts), and the new site is swapped in only
        # if they pass. Meanwhile, on a fresh clone, that core compiles the templates.
        theme = session.mkdocs_config.theme
        session.start_reading(meanwhile=lambda: template_cache.compile_ahead(theme, settings.project_dir))
    site_dir = Path(args.site_dir or (settings.project_dir / "site"))
    try:
        build_site(session, site_dir, strict=args.strict)
        course, findings = session.course()
        findings += session.checks().result()
    except BuildFailed as exc:
        print(f"The site was not built.\n\n{exc}\n\n{_last_site(site_dir)}", file=sys.stderr)
        return CONTENT_PROBLEM
    finally:
        session.stop()
    from sidebyside.checks.configuration import review_configuration

    findings = review_configuration(settings.config_file) + findings  # outside CI: warnings, listed below
    for note in session.made.notes:
        print(note)
    print(
        f"Built the site into {site_dir}: {len(course.modules)} modules, {len(course.terms)} glossary terms, {len(course.stories)} stories."
    )
    _build_notes(findings + settings.furniture.missing_findings())
    return OK


def _last_site(site_dir: Path) -> str:
    """What became of the site folder: say it was kept only when there was one."""
    if (site_dir / "index.html").is_file():
        return "The last good site has been left as it was."
    return "There was no site here before, so there is none yet."


def _build_notes(findings: list[Finding]) -> None:
    """What did not stop the build: reminders listed one by one, writing advice counted."""
    from sidebyside.findings import format_one_line, group_repeats, places

    advice = [f for f in findings if f.severity.value != "error" and f.rule.startswith("jargon-")]
    notes = [f for f in findings if f.severity.value != "error" and not f.rule.startswith("jargon-")]
    if notes:
        print(f"\nWorth a look ({len(notes)}; these did not stop the build, `sidebyside check` explains each one):")
        groups, rest = group_repeats(notes)
        for same in groups:
            first = same[0]
            print(f"  {first.severity.value}: in {len(same)} places ({places(same)}): {first.message} {first.suggestion}".rstrip())
        for finding in rest:
            print(f"  {finding.severity.value}: {format_one_line(finding)}")
    if advice:
        warnings = sum(1 for f in advice if f.severity.value == "warning")
        print(
            f"\nThe writing checks found {warnings} warning(s) and {len(advice) - warnings} suggestion(s). "
            "They do not stop the build. Run `sidebyside check` to read them."
        )


def cmd_serve(args: argparse.Namespace) -> int:
    from sidebyside.app.preview import serve

    session = BuildSession.open(args.config_file)
    print(f"Previewing at http://{args.dev_addr}/ (press Ctrl+C to stop). Pages reload when you save a file.", flush=True)
    try:
        # The preview builds into a fresh folder each time and keeps the last good pages
        # when the course has a problem, so it never hangs (see preview.py).
        serve(session.settings.config_file, args.dev_addr)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(
            f"The preview could not start: {exc}. Is another preview using {args.dev_addr}? Try --dev-addr 127.0.0.1:8001.", file=sys.stderr
        )
        return TOOL_PROBLEM
    return OK


def cmd_check(args: argparse.Namespace) -> int:
    from sidebyside import checking

    session = BuildSession.open(args.config_file)
    root = session.settings.root
    wanted: set[str] | None = None
    if args.changed_since:
        try:
            wanted = checking.changed_since(root, args.changed_since)
        except checking.ChangedFilesError as exc:
            print(str(exc), file=sys.stderr)
            return TOOL_PROBLEM
    if args.paths:
        given = {_relative_to(root, Path(p)) for p in args.paths}
        wanted = given if wanted is None else {w for w in wanted if w in given or any(w.startswith(g.rstrip("/") + "/") for g in given)}
    _, findings = session.load()
    from sidebyside.checks.configuration import review_configuration

    findings = review_configuration(session.settings.config_file) + findings
    if wanted is not None:
        findings = checking.only(findings, wanted)
    print(checking.report(findings, args.format))
    settings = session.settings
    stopping = checking.stops_build(findings, BuildPolicy(settings.strict_governance, settings.jargon_warnings_fail))
    if stopping and not errors_in(findings) and args.format == "people":
        print(checking.strict_note(stopping))
    return CONTENT_PROBLEM if stopping else OK


def cmd_new(args: argparse.Namespace) -> int:
    from sidebyside import new

    if args.kind_of_file == "course":
        return _new_course(args)
    settings = BuildSession.open(args.config_file).settings
    answers = new.Answers(
        args.title or "", args.slug or "", args.summary or "", args.plain or "", args.teller or "", args.role or "", args.kind or ""
    )
    folder = {"module": settings.modules_dir, "term": settings.glossary_dir, "story": settings.stories_dir}[args.kind_of_file]
    ask = input if (new.interactive() and not args.no_input) else None
    try:
        path = new.KINDS[args.kind_of_file](settings.root, folder, answers, settings.today, ask)
    except new.NewFileProblem as exc:
        print(str(exc), file=sys.stderr)
        return CONTENT_PROBLEM
    except (EOFError, KeyboardInterrupt):
        print("Stopped: no file was written.", file=sys.stderr)
        return CONTENT_PROBLEM
    rel = path.relative_to(settings.root).as_posix()
    print(f"Wrote {rel}. Fill in the parts that say what to write, then run `sidebyside check {rel}`.")
    if args.kind_of_file == "story" and args.kind == "real":
        print(
            "This is a real story: until the course team adds its consent record, it is left out of the site, and "
            "`sidebyside check` and the build stop on it. If the story was written for the course, set `kind: illustrative`."
        )
    return OK


def _new_course(args: argparse.Namespace) -> int:
    """`sidebyside new course DIR`: needs no mkdocs.yml, as it makes one."""
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
        "  2. Open mkdocs.yml and change the settings it explains: your trust's name, logo and colours, "
        "how readers contact you, the footer, the web address and the licence line.\n"
        "  3. Fill in docs/contact.md, docs/accessibility.md and docs/index.md.\n"
        "  4. Run `sidebyside build`, then open site/index.html. `sidebyside serve` shows changes as you save.\n"
        "  5. Bring in material you already have with `sidebyside import FILE` (Word, OpenDocument, HTML, MyST, R Markdown)."
    )
    return OK


def cmd_import(args: argparse.Namespace) -> int:
    from sidebyside.importing.convert import ImportProblem
    from sidebyside.importing.module_folder import import_document

    settings = BuildSession.open(args.config_file).settings
    try:
        done = import_document(Path(args.file), settings.root / settings.modules_dir, settings.today)
    except ImportProblem as exc:
        print(str(exc), file=sys.stderr)
        return CONTENT_PROBLEM
    rel = done.index.relative_to(settings.root).as_posix()
    print(
        f"Imported {args.file} into {rel}: {len(done.headings)} headings, {done.images} pictures "
        "(their hidden details, such as place and camera, removed)."
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
    from sidebyside.app.handouts import run_command

    session = BuildSession.open(args.config_file, progress=Progress(), jobs=args.jobs)
    try:
        code, message = run_command(session, args.out)
    finally:
        session.progress.close()
    print(message, file=sys.stdout if code == OK else sys.stderr)
    return OK if code == OK else CONTENT_PROBLEM


def cmd_slides(args: argparse.Namespace) -> int:
    from sidebyside.app.slides import run_command

    session = BuildSession.open(args.config_file, progress=Progress())
    try:
        code, message = run_command(session, args.out)
    finally:
        session.progress.close()
    print(message, file=sys.stdout if code == OK else sys.stderr)
    return OK if code == OK else CONTENT_PROBLEM


def cmd_release(args: argparse.Namespace) -> int:
    from sidebyside.app.release import ReleaseFailed, release

    try:
        done = release(
            args.config_file, args.version, title=args.title, push=args.push, remote=args.remote, branch=args.branch, progress=Progress()
        )
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
