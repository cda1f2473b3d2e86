#!/usr/bin/env bash
# The whole test suite: types, the web build, server and domain tests on PGlite and on PostgreSQL,
# and browser tests in Chromium, each through its npm script. Set OTKLIK_REQUIRE_ALL=1 to fail instead of skipping a missing part.
set -euo pipefail
cd "$(dirname "$0")/.."

require_all="${OTKLIK_REQUIRE_ALL:-${CI:-}}"
pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Проверка типов"
npm run --silent typecheck

step "Сборка веб-приложения"
npm run --silent build -- --logLevel warn

step "Тесты сервера и предметной области на PGlite"
npm run --silent test:unit

step "Тесты сервера на PostgreSQL"
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$pg_url" 2>/dev/null; then
  TEST_DATABASE_URL="$pg_url" npm run --silent test:pg
elif [ -n "$require_all" ]; then
  echo "PostgreSQL недоступен по адресу $pg_url" >&2
  exit 1
else
  echo "PostgreSQL недоступен ($pg_url) — пропускаю. Задайте TEST_DATABASE_URL, чтобы прогнать тесты на PostgreSQL."
fi

step "Тесты в браузере (Chromium)"
bash scripts/ensure-chromium.sh || { [ -n "$require_all" ] && exit 1; }
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  npm run --silent e2e
elif [ -n "$require_all" ]; then
  echo "Chromium не найден" >&2
  exit 1
else
  echo "Chromium не найден — браузерные тесты пропущены (установите пакет chromium)."
fi
