#!/bin/sh
# Install from Debian's packages what sitegen needs to be set up (`site`: Python's
# venv) or tested (`test`, the default: also make, Chromium driven by Playwright,
# nginx, and CJK fonts so screenshots show Chinese).
#
#   sh scripts/install-system-deps.sh [site|test]
#
# Does nothing when everything is there. As root it runs `apt-get update` once
# and installs what is missing. As another user it prints the command to run;
# for `site` it then stops (no .venv can be made without Python's venv), for
# `test` it goes on (the browser and server tests then skip with a reason),
# except under CI (CI=true), where a missing package fails the run.
set -eu
PYTHON="${PYTHON:-python3}"
what="${1:-test}"
missing=""
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    missing="$missing python3 python3-venv"
elif ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
    missing="$missing python3-venv"
fi
if [ "$what" = test ]; then
    command -v make >/dev/null 2>&1 || missing="$missing make"
    [ -x "${SITEGEN_CHROMIUM:-/usr/bin/chromium}" ] || missing="$missing chromium"
    [ -x "${SITEGEN_NGINX:-/usr/sbin/nginx}" ] || missing="$missing nginx"
    ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 || missing="$missing fonts-noto-cjk"
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if [ "$what" = site ]; then
        echo "sitegen needs these Debian packages to set up .venv:$missing" >&2
        echo "install them with: sudo apt-get install$missing" >&2
        exit 1
    fi
    echo "the tests need these Debian packages:$missing" >&2
    echo "install them with: sudo apt-get install$missing" >&2
    case "${CI:-}" in true|1|yes) exit 1 ;; esac
    echo "(going on: the tests that need them will be skipped)" >&2
    exit 0
fi
echo "installing$missing (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq $missing >/dev/null
