"""The `sidebyside` command: build, serve and check a course.

Every mistake a contributor can make ends in a plain message and a non-zero exit
status, never a traceback. Exit 0: all good; 1: the content needs fixing;
2: the tool or its setup is broken.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from sidebyside import __version__
from sidebyside.findings import errors_in, format_for_people, format_github, format_json
from sidebyside.project import ProjectError, find_project

OK, CONTENT_PROBLEM, TOOL_PROBLEM = 0, 1, 2


def _config_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml (default: mkdocs.yml)")


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers[:] = [handler]
    mkdocs_log.setLevel(logging.INFO if verbose else logging.WARNING)
    mkdocs_log.propagate = False


def cmd_build(args: argparse.Namespace) -> int:
    from sidebyside.building import BuildFailed, build_site

    project = find_project(args.config_file)
    course, findings = project.load()
    if errors_in(findings):
        print(format_for_people(findings), file=sys.stderr)
        print("\nThe site was not built. The last good site has been left as it was.", file=sys.stderr)
        return CONTENT_PROBLEM
    site_dir = args.site_dir or (project.config_file.parent / "site")
    try:
        build_site(project.config_file, Path(site_dir), strict=args.strict)
    except BuildFailed as exc:
        print(f"The site was not built.\n\n{exc}\n\nThe last good site has been left as it was.", file=sys.stderr)
        return CONTENT_PROBLEM
    print(
        f"Built the site into {site_dir}: {len(course.modules)} modules, {len(course.terms)} glossary terms, {len(course.stories)} stories."
    )
    return OK


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
    project = find_project(args.config_file)
    _, findings = project.load()
    if args.paths:
        wanted = {_relative_to(project.root, Path(p)) for p in args.paths}
        findings = [f for f in findings if f.path in wanted or any(f.path.startswith(w.rstrip("/") + "/") for w in wanted)]
    if args.format == "json":
        print(format_json(findings))
    elif args.format == "github":
        print(format_github(findings))
    else:
        print(format_for_people(findings))
    return CONTENT_PROBLEM if errors_in(findings) else OK


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
    check.set_defaults(run=cmd_check)

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
    except ProjectError as exc:
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


if __name__ == "__main__":
    sys.exit(main())
