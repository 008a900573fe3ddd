"""The licences open material is shared under, by SPDX id (https://spdx.org/licenses/),
and how to name and link them for readers. Data: data/licences.yml."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml


@cache
def licence_data() -> dict[str, list]:
    return yaml.safe_load(files("sidebyside").joinpath("data/licences.yml").read_text(encoding="utf-8"))


def spdx_ids() -> tuple[str, ...]:
    return tuple(str(n) for n in licence_data()["spdx"])


def licence_name(spdx_id: str) -> str:
    """How people write it: CC-BY-SA-4.0 as "CC BY-SA 4.0", OGL-UK-3.0 as "Open Government Licence v3.0"."""
    if spdx_id.startswith("CC-"):
        parts = spdx_id.split("-")
        return f"CC {'-'.join(parts[1:-1])} {parts[-1]}"
    if spdx_id.startswith("OGL-UK-"):
        return f"Open Government Licence v{spdx_id.removeprefix('OGL-UK-')}"
    if spdx_id == "CC0-1.0":
        return "CC0 1.0"
    return spdx_id


def licence_url(spdx_id: str) -> str:
    return f"https://spdx.org/licenses/{spdx_id}.html"
