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

from sidebyside.fingerprint import code_fingerprint

GATE_CODE = ("publish", "checks")  # the gate and the personal details scan it runs
LIBRARIES = ("nh3", "phonenumbers")
FILE = Path(".sidebyside-cache") / "gate" / "passed"


def _secret_file() -> Path:
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "sidebyside" / "gate-key"


def _secret() -> bytes:
    """This user's secret, made on first use; empty if it cannot be kept."""
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


class PassedPages:
    """The pages the gate passed, read from the project's cache and written back after the build."""

    def __init__(self, project_dir: Path) -> None:
        self.path = project_dir / FILE
        self._secret = _secret()
        self._fingerprint = gate_fingerprint() if self._secret else ""
        self._before: set[str] = set()
        self._now: set[str] = set()
        if self._secret:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                self._before = set(self.path.read_text(encoding="ascii").split())

    def key(self, html: str, allowed: Iterable[str] = ()) -> str:
        """The keyed hash of a page as the gate reads it (its HTML and the details it may show)."""
        message = f"{self._fingerprint}\n{','.join(sorted(set(allowed)))}\n{html}".encode("utf-8", "surrogatepass")
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def passed(self, key: str) -> bool:
        """Whether the gate passed this very page before (never, without a secret)."""
        if self._secret and key in self._before:
            self._now.add(key)
            return True
        return False

    def add(self, key: str) -> None:
        if self._secret:
            self._now.add(key)

    def save(self) -> None:
        """Keep the pages this build passed (pages gone since are dropped)."""
        if not self._secret or self._now == self._before:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            marker = self.path.parent.parent / ".gitignore"
            if not marker.exists():
                marker.write_text("# Made by Side by Side: this cache folder is never committed.\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(prefix=".passed-", dir=self.path.parent)
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write("\n".join(sorted(self._now)) + "\n")
            os.replace(temporary, self.path)
        except OSError:  # a read-only folder only costs speed
            return
        self._before = set(self._now)
