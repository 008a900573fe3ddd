"""Pages the publish gate has passed before, so a warm build does not check them again.

The gate (`publish/`) reads every page as it will be published: two passes of an HTML
parser and a scan for personal details, the largest cost of a warm website build after
MkDocs' own. A page whose HTML has not changed since the gate passed it, under the same
gate code and libraries, passes again, so only changed pages are checked.

What is kept (`.sidebyside-cache/gate/passed`) is a keyed hash of each passed page,
never its text. The key is a random secret kept outside the project, in the user's own
cache folder (`$XDG_CACHE_HOME/sidebyside/gate-key`): a pull request that adds a made-up
"passed" file to the project cannot make a hostile page look passed, because it cannot
know the secret. Without the secret (an unwritable home folder) nothing is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sidebyside.cache_files import keep_out_of_git, write_whole
from sidebyside.fingerprint import code_fingerprint

GATE_CODE = ("publish", "checks")  # the gate and the personal details scan it runs
LIBRARIES = ("nh3", "phonenumbers")
FILE = Path(".sidebyside-cache") / "gate" / "passed"


def _secret_file() -> Path:
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "sidebyside" / "gate-key"


def user_secret() -> bytes:
    """This user's secret, made on first use; empty if it cannot be kept (also keys app/converted_pages.py)."""
    path = _secret_file()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _new_secret(path)
    except OSError:
        return b""
    return data if len(data) >= 32 else b""


def _new_secret(path: Path) -> bytes:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".gate-key-", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(os.urandom(32))
        with contextlib.suppress(FileExistsError):  # another build made one first: use that
            os.link(temporary, path)
        os.unlink(temporary)
        return path.read_bytes()
    except OSError:
        return b""


def gate_fingerprint() -> str:
    """The gate's code and the versions of what it runs on."""
    return code_fingerprint("publish gate", GATE_CODE, LIBRARIES)


# Keys of earlier builds are kept too, newest first, up to this many times the pages of
# the build that saves: a course built in turn with different settings (the website, a
# release, the offline copy, a preview) keeps every variant's pages, and pages long gone
# drop off the end.
KEEP_EARLIER = 4


class PassedPages:
    """The pages the gate passed, read from the project's cache and written back after the build."""

    def __init__(self, project_dir: Path) -> None:
        self.path = project_dir / FILE
        self._secret = user_secret()
        self._fingerprint = gate_fingerprint() if self._secret else ""
        self._earlier: list[str] = []  # newest first, as saved
        self._now: dict[str, None] = {}  # in the order this build met them
        if self._secret:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                self._earlier = self.path.read_text(encoding="ascii").split()
        self._before = set(self._earlier)

    def key(self, html: str, allowed: Iterable[str] = ()) -> str:
        """The keyed hash of a page as the gate reads it (its HTML and the details it may show)."""
        message = f"{self._fingerprint}\n{','.join(sorted(set(allowed)))}\n{html}".encode("utf-8", "surrogatepass")
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def passed(self, key: str) -> bool:
        """Whether the gate passed this very page before (never, without a secret)."""
        if self._secret and key in self._before:
            self._now[key] = None
            return True
        return False

    def add(self, key: str) -> None:
        if self._secret:
            self._now[key] = None

    def kept(self) -> list[str]:
        """What `save` writes: this build's pages, then earlier builds' newest first, within the bound."""
        bound = KEEP_EARLIER * len(self._now) + 100
        return [*self._now, *(k for k in self._earlier if k not in self._now)][:bound]

    def save(self) -> None:
        """Keep the pages this build passed, and earlier builds' within the bound."""
        kept = self.kept()
        if not self._secret or kept == self._earlier:
            return
        try:
            keep_out_of_git(self.path.parent)
            write_whole(self.path, "\n".join(kept) + "\n")
        except OSError:  # a read-only folder only costs speed
            return
        self._earlier, self._before = kept, set(kept)
