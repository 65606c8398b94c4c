#!/usr/bin/env bash
# Offline advisory audit against the RustSec snapshot in ../shared/advisory-db.
set -euo pipefail
cd "$(dirname "$0")/.."
db=../shared/advisory-db
if [ ! -d "$db" ]; then
  echo "audit: skipped, $db is absent"
  exit 0
fi
# RUSTSEC-2023-0071 (rsa: Marvin, a timing side channel of private-key operations; no fixed
# version). Cargo.lock lists rsa twice: through sqlx-mysql (always named by sqlx's lock file,
# never compiled here) and through webauthn-rs-core, which verifies RS256 passkey signatures
# with public keys only; the portal holds no RSA private key. The ignore is honest only
# while that stays so: every compiled rsa must come through webauthn-rs-core.
for version in $(awk '/^name = "rsa"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock); do
  if ! users=$(cargo tree -i "rsa@$version" --features ssr,islands -e normal --prefix none 2>/dev/null); then
    echo "audit: cannot inspect rsa@$version (cargo tree failed)" >&2
    exit 1
  fi
  if [ -n "$users" ] && ! grep -q '^webauthn-rs-core ' <<<"$users"; then
    echo "audit: rsa@$version is compiled in through something other than webauthn-rs-core:" >&2
    echo "$users" >&2
    exit 1
  fi
done
# RUSTSEC-2024-0436 (paste, unmaintained, no vulnerability) is a compile-time proc macro of
# Leptos' either_of; it cannot be replaced from here. Every other warning fails the audit.
cargo audit --db "$db" --no-fetch --ignore RUSTSEC-2023-0071 --ignore RUSTSEC-2024-0436 --deny warnings
