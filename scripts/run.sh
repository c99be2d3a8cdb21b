#!/usr/bin/env bash
# One command from a fresh checkout: finds or installs what Council Lens needs, then runs an npm
# script with it.
#
#   scripts/run.sh demo [demo options]   install, build and open the demo (npm run demo)
#   scripts/run.sh test                  install and run every test (npm test); CI runs exactly this
#   scripts/run.sh <script> [args]       any other npm script
#
# Node: the one on PATH if it is a supported version (package.json engines), else Node 22 from the
# npm registry (the `node` package), installed into .tools/node for this folder only. With no npm
# at all, Debian's nodejs and npm are installed first when run as root (apt-get), else it says what
# to install. Chromium (demo and tests): /usr/bin/chromium or CHROMIUM_PATH; when missing, apt-get
# installs it when run as root on Debian or Ubuntu, else it says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

command_name="${1:-test}"
[ $# -gt 0 ] && shift

TOOLS="$PWD/.tools/node"
NODE_PACKAGE="node@22"

supported_node() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 22 && b >= 12) || a === 24 || a >= 26 ? 0 : 1)' 2>/dev/null
}

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
apt_updated=no
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = no ]; then apt-get update; apt_updated=yes; fi
  apt-get install -y --no-install-recommends "$@"
}

# 1. A supported Node.
[ -x "$TOOLS/node_modules/.bin/node" ] && export PATH="$TOOLS/node_modules/.bin:$PATH"
if ! supported_node; then
  if ! command -v npm >/dev/null 2>&1; then
    if can_apt; then
      apt_install nodejs npm
    else
      echo "Council Lens needs Node 22 LTS: install it from https://nodejs.org (or nodejs and npm from your package manager), then run $0 again." >&2
      exit 1
    fi
  fi
  echo "Node $(node --version 2>/dev/null || echo '(none)') is not supported here: installing $NODE_PACKAGE from the npm registry into .tools/node"
  npm install --prefix "$TOOLS" --no-save --no-package-lock --no-audit --no-fund "$NODE_PACKAGE"
  export PATH="$TOOLS/node_modules/.bin:$PATH"
  supported_node || { echo "Installing $NODE_PACKAGE did not give a supported Node; install Node 22 LTS from https://nodejs.org and run $0 again." >&2; exit 1; }
fi
echo "Node $(node --version), npm $(npm --version)"

# 2. Chromium, for the demo and the real-browser tests.
case "$command_name" in
  demo | test | test:e2e | bench)
    if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
      if can_apt; then
        apt_install chromium fonts-dejavu-core
      else
        echo "Chromium is missing: install it (Debian/Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome, then run $0 again." >&2
        exit 1
      fi
    fi
    ;;
esac

# 2b. LibreOffice Calc, for the test that recalculates the business-case workbook in a real
# spreadsheet client (tests/e2e/business-case-libreoffice.test.ts): about a minute and 300 MB.
if [ "$command_name" = test ] && [ -z "${SOFFICE_PATH:-}" ] && ! command -v soffice >/dev/null 2>&1; then
  if can_apt; then
    apt_install libreoffice-calc
  else
    echo "LibreOffice Calc is missing: install it (Debian/Ubuntu: sudo apt-get install --no-install-recommends libreoffice-calc), or set SOFFICE_PATH, then run $0 again." >&2
    exit 1
  fi
fi

# 3. The project's packages, when missing or older than package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# 4. The command.
if [ "$command_name" = test ]; then
  exec npm test
else
  exec npm run "$command_name" -- "$@"
fi
