#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing and we may install packages.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Устанавливаю chromium из репозитория Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Chromium не установлен, а установить его нет прав: sudo apt-get install chromium" >&2
exit 1
