"""`sidebyside release VERSION`: publish the built site as a fixed version with mike.

The site and handouts are built exactly as `sidebyside build` makes them (every
after-build step included) into a temporary folder, then committed with mike's own
machinery into the `gh-pages` branch under `<VERSION>/`. `latest/` is a copy made of
redirects (never a symlink: GitHub Pages does not serve those), the site root
redirects to `latest/`, and a root `404.html` sends unknown addresses into
`latest/`. Nothing is pushed unless asked. If the checks or the build fail, nothing
is published.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sidebyside.app.build import build_site
from sidebyside.app.errors import BuildFailed
from sidebyside.app.progress import Progress
from sidebyside.app.session import BuildSession
from sidebyside.findings import errors_in, format_for_people

LATEST = "latest"
VERSION_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._+-]*$")


class ReleaseFailed(Exception):
    """Nothing was published; the message says why in plain words."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Released:
    version: str
    title: str
    is_latest: bool
    versions: list[str]
    pushed: bool
    uncommitted: bool


def check_version_name(version: str) -> None:
    if version == LATEST or not VERSION_PATTERN.match(version):
        raise ReleaseFailed(
            f'"{version}" cannot be used as a version. Use numbers and dots, for example 1.0 or 2.1 '
            f'(not "{LATEST}", and no spaces or slashes).'
        )


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """mike's git helpers work on the repository of the current folder."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)


def repository_root(folder: Path) -> Path:
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise ReleaseFailed(
            f"{folder} is not in a git repository, so there is nowhere to publish versions. Run `git init` and commit your course first.",
            status=2,
        )
    return Path(done.stdout.strip())


def base_path(site_url: str) -> str:
    """The path the site is served under ("/" or "/my-course/"), from `site_url`."""
    path = urlsplit(site_url).path if site_url else "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def not_found_page(base: str, versions: list[str], aliases: dict[str, str]) -> str:
    """The root 404.html. Old or unknown addresses go to the same page in `latest/`;
    an address in an alias that has no page there (`latest/` holds redirects for pages
    only, so handouts are not in it) goes to the same address in the real version; a
    missing page inside a version goes to that version's home page. No loops."""
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Page not found</title>
  <script>
    (function () {{
      var base = {json.dumps(base)};
      var versions = {json.dumps(sorted(versions))};
      var aliases = {json.dumps(aliases, sort_keys=True)};
      var path = window.location.pathname;
      var rest = path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\\/+/, "");
      var first = rest.split("/")[0];
      var target;
      if (Object.prototype.hasOwnProperty.call(aliases, first)) {{
        target = base + aliases[first] + rest.slice(first.length);
      }} else if (versions.indexOf(first) >= 0) {{
        target = base + first + "/";
      }} else {{
        target = base + "{LATEST}/" + rest;
      }}
      window.location.replace(target + window.location.search + window.location.hash);
    }})();
  </script>
  <noscript><meta http-equiv="refresh" content="0; url={html.escape(base)}{LATEST}/"></noscript>
</head>
<body>
  <h1>Page not found</h1>
  <p>This page may have moved. <a href="{html.escape(base)}{LATEST}/">Go to the latest version of the course</a>.</p>
</body>
</html>
"""


def release(
    config_file: Path,
    version: str,
    *,
    title: str | None = None,
    push: bool = False,
    remote: str = "origin",
    branch: str = "gh-pages",
    echo: Callable[[str], None] = print,
    progress: Progress | None = None,
) -> Released:
    """Check, build and publish one version. Raises ReleaseFailed (nothing published) on a problem."""
    check_version_name(version)
    session = BuildSession.open(config_file, version=version, progress=progress)
    repo = repository_root(session.settings.project_dir)
    _, findings = session.load()
    if errors_in(findings):
        raise ReleaseFailed(format_for_people(findings) + f"\n\nVersion {version} was not released. Nothing was published.")
    with tempfile.TemporaryDirectory(prefix="sidebyside-release-") as temporary:
        built = Path(temporary) / "site"
        echo(f"Building version {version} ...")
        try:
            build_site(session, built, strict=True)
        except BuildFailed as exc:
            raise ReleaseFailed(f"The site was not built.\n\n{exc}\n\nVersion {version} was not released. Nothing was published.") from None
        for note in session.made.notes:
            echo(note)
        result = _publish(repo, built, version, title, branch, base_path(session.settings.site_url))
    uncommitted = bool(_git(repo, "status", "--porcelain").stdout.strip())
    if push:
        done = _git(repo, "push", remote, branch)
        if done.returncode != 0:
            raise ReleaseFailed(
                f"Version {version} is in the {branch} branch here, but could not be pushed to {remote}:\n"
                f"{done.stderr.strip()}\n\nCheck your connection and rights, then run: git push {remote} {branch}",
                status=2,
            )
    result.pushed = push
    result.uncommitted = uncommitted
    return result


def _publish(repo: Path, built: Path, version: str, title: str | None, branch: str, base: str) -> Released:
    from mike import commands, git_utils
    from mike.versions import Versions

    with _inside(repo):
        try:
            existing = commands.list_versions(branch)
            trial = Versions.loads(existing.dumps())
            trial.add(version, title)
            is_latest = str(next(iter(trial)).version) == version
            aliases = [LATEST] if is_latest else []
            rev = git_utils.get_latest_commit("HEAD", short=True)
            message = f"Release version {version} of the course (from {rev})"
            cfg = {"site_dir": str(built), "use_directory_urls": True}
            with commands.deploy(
                cfg,
                version,
                title,
                aliases,
                update_aliases=True,
                alias_type=commands.AliasType.redirect,
                branch=branch,
                message=message,
                allow_empty=True,
            ):
                pass  # the site is already built; mike commits the folder
            if is_latest:
                _quietly(lambda: commands.set_default(LATEST, branch=branch, message=f"Send the site's front page to {LATEST}/"))
            versions = commands.list_versions(branch)
            names = [str(v.version) for v in versions]
            where = {a: str(v.version) for v in versions for a in v.aliases}
            with git_utils.Commit(branch, "Send unknown addresses to the latest version") as commit:
                commit.add_file(git_utils.FileInfo("404.html", not_found_page(base, names, where)))
        except git_utils.GitEmptyCommit:
            pass
        except (git_utils.GitError, ValueError) as exc:
            raise ReleaseFailed(f"Version {version} could not be committed to the {branch} branch: {exc}", status=2) from None
        versions = commands.list_versions(branch)
    return Released(
        version=version,
        title=title or version,
        is_latest=is_latest,
        versions=[str(v.version) for v in versions],
        pushed=False,
        uncommitted=False,
    )


def _quietly(step: Callable[[], None]) -> None:
    """Run a mike step whose commit may change nothing (that is fine)."""
    from mike import git_utils

    with contextlib.suppress(git_utils.GitEmptyCommit):
        step()
