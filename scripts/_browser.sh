#!/usr/bin/env bash
# Make sure Debian's Chromium (for browser tests) and axe-core (npm) are here.
# Never downloads a browser build: only Debian's package, installed with apt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-dejavu-core fonts-liberation2 >/dev/null
  else
    echo "Chromium is missing and this user cannot install it. Ask an administrator to run: apt-get install chromium" >&2
    echo "Browser tests will be reported as failures until it is installed." >&2
  fi
fi
if ! command -v pdftoppm >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

# `sidebyside import` converts Word, OpenDocument and HTML files with Debian's pandoc.
if ! command -v pandoc >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null
fi

# The slides test opens a deck in LibreOffice Impress, which proves it works in a real
# presentation program. Debian's package, without the extras it recommends.
if ! command -v soffice >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's libreoffice-impress for the slides test ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-impress >/dev/null
fi

# Handouts use local fonts only (never downloaded): DejaVu Sans and Liberation Sans.
if command -v fc-list >/dev/null 2>&1 && ! fc-list | grep -q "DejaVu Sans" && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-liberation2 >/dev/null
fi

if [ ! -f "$ROOT/tests/node_modules/axe-core/axe.min.js" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "Installing axe-core from the npm registry ..."
    (cd "$ROOT/tests" && npm ci --no-audit --no-fund --silent >/dev/null)
  else
    echo "npm is missing, so axe-core cannot be installed for the accessibility tests." >&2
  fi
fi
