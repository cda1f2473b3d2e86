#!/usr/bin/env bash
# Server tests on PostgreSQL: each test file creates and drops its own database on TEST_DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$TEST_DATABASE_URL" 2>/dev/null; then
  echo "PostgreSQL недоступен по адресу $TEST_DATABASE_URL. Запустите сервер или задайте TEST_DATABASE_URL." >&2
  exit 1
fi
# Arguments narrow the run (a file or a folder under server/); without them, every server test.
exec npx vitest run "${@:-server}"
