#!/usr/bin/env bash
# Installs Debian's Dovecot IMAP server for the e-mail channel tests when it is missing and we may
# install packages. The tests start their own instance on loopback; the system service is not used.
set -euo pipefail
dovecot="${DOVECOT_PATH:-/usr/sbin/dovecot}"
[ -x "$dovecot" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Устанавливаю dovecot-imapd из репозитория Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d 101 keeps the package from starting the system service.
  policy=/usr/sbin/policy-rc.d
  created=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created=1; fi
  apt-get install -y -qq dovecot-imapd >/dev/null || { [ "$created" = 1 ] && rm -f "$policy"; exit 1; }
  [ "$created" = 1 ] && rm -f "$policy"
  exit 0
fi
echo "Dovecot не установлен, а установить его нет прав: sudo apt-get install dovecot-imapd" >&2
exit 1
