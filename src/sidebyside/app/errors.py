"""Why a build stopped, for the command to say in plain words."""

from __future__ import annotations


class BuildFailed(Exception):
    """The build did not succeed; the message says why in plain words."""
