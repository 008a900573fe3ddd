# Shared set-up for scripts/build and scripts/test: a virtual environment with the
# engine installed, from the hashed lock files. Sourced, not run. Re-installs only
# when pyproject.toml or the lock file changes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SIDEBYSIDE_VENV:-$ROOT/.venv}"
PYTHON_BIN="${PYTHON:-python3}"

if ! command -v "$PYTHON_BIN" >/dev/null 2>&1; then
  echo "Side by Side needs Python 3.11 or newer, and could not find '$PYTHON_BIN'." >&2
  exit 2
fi
if ! "$PYTHON_BIN" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "Side by Side needs Python 3.11 or newer. '$PYTHON_BIN' is $("$PYTHON_BIN" --version 2>&1)." >&2
  exit 2
fi

sidebyside_install() {
  # $1: the extras to install ("" or "test"). Exact versions, checked against their
  # hashes, come from the lock file (requirements.lock, or requirements-test.lock);
  # ./scripts/lock writes them from pyproject.toml.
  local extras="$1" stamp want lock
  lock="$ROOT/requirements${extras:+-$extras}.lock"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Setting up a virtual environment in $VENV ..."
    "$PYTHON_BIN" -m venv "$VENV"
  fi
  stamp="$VENV/.sidebyside-installed-${extras:-base}"
  want="$(cat "$ROOT/pyproject.toml" "$lock" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! "$VENV/bin/python" -c 'import sidebyside' 2>/dev/null; then
    echo "Installing Side by Side and what it needs (this takes a minute the first time) ..."
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$ROOT"
    echo "$want" > "$stamp"
  fi
  # The engine is installed editable, so pip did not compile it; and where
  # PYTHONDONTWRITEBYTECODE is set, Python never keeps what it compiles. Compile it
  # here (only what changed), so each run does not start by compiling the engine again.
  "$VENV/bin/python" -m compileall -q "$ROOT/src" >/dev/null || true
}
