"""The offline copy: the whole site as a zip that opens from a USB stick, search included.

Trainers often teach in venues without Wi-Fi. This after-build step builds the site a
second time with MkDocs' `use_directory_urls: false` (so links work from files) and
Material's `offline` plugin (so search works from file://), with a local copy of the
iframe-worker shim Material would otherwise fetch from the internet. The result goes
into `handouts/side-by-side-offline.zip` in the built site, with the handouts made so far.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import zipfile
from pathlib import Path

from sidebyside.project import ProjectError, find_project, load_mkdocs_config

OFFLINE_ZIP = "handouts/side-by-side-offline.zip"  # for a course without a site_name
FOLDER = "side-by-side"  # the folder the zip unpacks into


def offline_names(site_name: str) -> tuple[str, str]:
    """The zip's place in the site and the folder it unpacks into, named from the course."""
    from sidebyside.new import slugify

    folder = slugify(site_name) or FOLDER
    return f"handouts/{folder}-offline.zip", folder


SHIM = "assets/sidebyside/iframe-worker-shim.js"
HOW_TO_OPEN = """{name}: the offline copy

1. Unzip this file (on Windows: right-click it and choose "Extract all").
2. Open the folder {folder} and double-click index.html.

Everything works without the internet, including search.
"""


def make_offline_copy(config_file: Path, site_dir: Path) -> None:
    """After-build step: write handouts/<course-name>-offline.zip into `site_dir`."""
    from sidebyside.building import BuildFailed

    try:
        project = find_project(config_file)
    except ProjectError as exc:
        raise BuildFailed(str(exc)) from None
    if not project.offline_copy:
        return
    with tempfile.TemporaryDirectory(prefix="sidebyside-offline-") as temporary:
        zip_name, folder = offline_names(project.site_name)
        out = Path(temporary) / folder
        try:
            _build_offline(config_file, out)
        except BuildFailed:
            raise
        except Exception as exc:
            raise BuildFailed(f"The offline copy of the site could not be made: {exc}") from None
        handouts = site_dir / "handouts"
        if handouts.is_dir():
            shutil.copytree(handouts, out / "handouts", dirs_exist_ok=True, ignore=shutil.ignore_patterns("*offline*.zip"))
        target = site_dir / zip_name
        target.parent.mkdir(parents=True, exist_ok=True)
        _zip(out, target, project.site_name or "Side by Side")


def _build_offline(config_file: Path, out: Path) -> None:
    from material.plugins.offline.plugin import OfflinePlugin
    from mkdocs import exceptions
    from mkdocs.commands.build import build

    from sidebyside.building import BuildFailed

    config = load_mkdocs_config(config_file, site_dir=str(out), use_directory_urls=False)
    ours = config.plugins.get("sidebyside")
    if ours is not None:  # the site was just built, and checked, from the same files
        ours.config.checks = False
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, SHIM]
    if not any(name in config.plugins for name in ("material/offline", "offline")):
        offline = OfflinePlugin()
        errors, _ = offline.load_config({"enabled": True})
        if errors:  # pragma: no cover - Material's own defaults
            raise BuildFailed(f"Material's offline plugin could not be set up: {errors}")
        config.plugins["material/offline"] = offline
    logging.getLogger("mkdocs").info("Making the offline copy of the site ...")
    try:
        build(config)
    except (exceptions.Abort, exceptions.BuildError, SystemExit) as exc:
        raise BuildFailed(f"The offline copy of the site could not be made: {exc}") from None


def _zip(folder: Path, target: Path, name: str = "Side by Side") -> None:
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("HOW-TO-OPEN.txt", HOW_TO_OPEN.format(name=name, folder=folder.name))
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    partial.replace(target)
