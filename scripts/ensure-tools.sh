#!/usr/bin/env bash
# First step of `npm test`: the tests drive Debian programs (Chromium for the sidebars, LibreOffice
# and poppler for the office checks). When one is missing, install it if we may (root or passwordless
# sudo, apt-get, DVCQ_NO_INSTALL unset), else say exactly what to install and stop — one clear
# message instead of 40 confusing test failures. Silent and instant when everything is here.
# Only shell builtins: test/tools/ensure-tools.test.ts runs it with a PATH holding nothing else.
set -euo pipefail
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
cd "$here/.."

chromium=${CHROMIUM_PATH:-/usr/bin/chromium} # what test/ui/browser.ts launches

# Sets `packages` to the Debian packages still missing.
check() {
  packages=()
  command -v "$chromium" >/dev/null 2>&1 || packages+=(chromium)
  command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-calc-nogui libreoffice-writer-nogui)
  { command -v pdftotext && command -v pdftoppm; } >/dev/null 2>&1 || packages+=(poppler-utils)
}

check
sudo=
[ "$EUID" -eq 0 ] || sudo='sudo '
if [ ${#packages[@]} -gt 0 ]; then
  if [ "${DVCQ_NO_INSTALL:-}" = 1 ]; then
    why='DVCQ_NO_INSTALL=1'
  elif ! command -v apt-get >/dev/null 2>&1; then
    why='no apt-get here; these are the Debian/Ubuntu names'
  elif [ -n "$sudo" ] && ! sudo -n true >/dev/null 2>&1; then # -n: never prompt (CI has no stdin)
    why='not root and no passwordless sudo'
  else
    echo "ensure-tools: installing ${packages[*]} with apt-get (a few minutes the first time)" >&2
    export DEBIAN_FRONTEND=noninteractive
    ${sudo}apt-get update -qq </dev/null
    ${sudo}apt-get install -y -qq "${packages[@]}" </dev/null >/dev/null
    check
    # Only if CHROMIUM_PATH points to something apt-get does not install.
    why="still missing after apt-get install${CHROMIUM_PATH:+; CHROMIUM_PATH=$CHROMIUM_PATH}"
  fi
fi

status=0
if [ ${#packages[@]} -gt 0 ]; then
  {
    echo "ensure-tools: npm test needs Chromium (sidebar tests), LibreOffice soffice and poppler pdftotext/pdftoppm (office checks)."
    echo "Missing Debian packages: ${packages[*]} ($why). Install them with:"
    echo
    echo "  ${sudo}apt-get update && ${sudo}apt-get install -y ${packages[*]}"
    echo
    echo "then run npm test again."
  } >&2
  status=1
fi
if [ ! -d node_modules ]; then
  echo "ensure-tools: node_modules is missing. Run: npm ci" >&2
  status=1
fi
exit $status
