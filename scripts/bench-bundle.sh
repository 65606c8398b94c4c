#!/usr/bin/env bash
# Leptos islands against full hydration, measured the same way for both: the brotli bytes of
# CSS + JS + WASM a first visit of the feedback page downloads, and the requests/s of the
# release server for that page (server pinned to core 0 with one worker thread, wrk on
# core 1, 16 connections, 10 s, compression off). Writes its section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
work=$(mktemp -d /tmp/portal-bench.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. scripts/bench-common.sh
page=/barrierefreiheit
rows=""
# Islands last, so target/site is the normal build again afterwards.
for variant in full-hydration islands; do
  if [ "$variant" = islands ]; then lib=hydrate,islands; bin=ssr,islands; else lib=hydrate; bin=ssr; fi
  echo "building $variant …"
  cargo leptos build --release --lib-features "$lib" --bin-features "$bin" >"$work/build-$variant.log" 2>&1 \
    || { tail -30 "$work/build-$variant.log"; exit 1; }
  site="$work/site-$variant"
  cp -r target/site "$site"
  cp "$CARGO_TARGET_DIR/release/serviceportal" "$work/bin-$variant"
  PORTAL_SERVER__SITE_ROOT="$site" "$work/bin-$variant" precompress >/dev/null
  port=$(free_port)
  PORTAL_SERVER__LISTEN="127.0.0.1:$port" PORTAL_SITE__BASE_URL="http://127.0.0.1:$port" \
    PORTAL_SERVER__SITE_ROOT="$site" DATABASE_URL="sqlite://$work/$variant.db" \
    TOKIO_WORKER_THREADS=1 RUST_LOG=warn taskset -c 0 "$work/bin-$variant" serve >"$work/server-$variant.log" 2>&1 &
  pid=$!
  wait_ready "http://127.0.0.1:$port/readyz"
  html=$(curl -fsS "http://127.0.0.1:$port$page")
  if [ "$variant" = islands ]; then grep -q "<leptos-island" <<<"$html"; else ! grep -q "<leptos-island" <<<"$html"; fi
  total=0
  detail=""
  for url in $(grep -oE '(href|src)="/[^"]+\.(css|js|wasm)"' <<<"$html" | cut -d'"' -f2 | sort -u); do
    size=$(stat -c %s "$site$url.br")
    total=$((total + size))
    detail+="$(basename "$url") $((size / 1024)) KB, "
  done
  rps=$(taskset -c 1 wrk -t1 -c16 -d10s "http://127.0.0.1:$port$page" | awk '/Requests\/sec/ {print $2}')
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  rows+="| $variant | $((total / 1024)) KB (${detail%, }) | $rps |"$'\n'
done
table="| Build | CSS + JS + WASM, brotli | Requests/s |"$'\n'"|---|---|---|"$'\n'"$rows"
section=$(
  echo "<!-- bench:bundle -->"
  echo "## Islands against full hydration ($page)"
  echo
  echo "Measured by \`make bench-bundle\` on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))."
  echo
  echo "$table"
  echo "<!-- /bench:bundle -->"
)
python3 scripts/bench-section.py bundle "$section"
echo "$section"
