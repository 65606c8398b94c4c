#!/usr/bin/env bash
# Serves the release build on a free port with a fresh SQLite database and runs the
# Playwright journeys against it. The server is stopped on exit.
#   scripts/e2e.sh path/to/serviceportal [playwright args…]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1; shift
dir=$(mktemp -d /tmp/portal-e2e.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export PORTAL_SERVER__LISTEN="127.0.0.1:$port"
# localhost, not 127.0.0.1: WebAuthn needs a domain as relying party id.
export PORTAL_SITE__BASE_URL="http://localhost:$port"
export PORTAL_SERVER__SITE_ROOT="$PWD/target/site"
export DATABASE_URL="sqlite://$dir/e2e.db"
# Every journey comes from 127.0.0.1: the per-address limits (tested in tests/account.rs)
# would otherwise stop the suite's own registrations.
export PORTAL_ACCOUNTS__MAILS_PER_IP_HOUR=1000
export PORTAL_ACCOUNTS__SIGN_INS_PER_IP_MINUTE=1000
export PORTAL_SERVER__DATA_DIR="$dir"
"$bin" migrate >/dev/null
"$bin" seed-demo >/dev/null
"$bin" serve >"$dir/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$dir/server.log"; exit 1; fi
  sleep 0.2
done
export BASE_URL="http://localhost:$port"
# Journeys of staff run the binary's commands (create-admin, add-member) on this database.
export E2E_PORTAL_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
export E2E_PORTAL_ROOT="$PWD"
status=0
(cd end2end && npx playwright test "$@") || status=$?
if [ "$status" != 0 ]; then
  echo "--- server log ---"; tail -n 50 "$dir/server.log"
fi
exit "$status"
