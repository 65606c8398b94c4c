#!/usr/bin/env bash
# Copies KERN UX's stylesheet and the Fira Sans cuts the portal uses from node_modules into
# public/vendor (self-hosted: no CDN). cargo-leptos then copies public/ into the site.
set -euo pipefail
cd "$(dirname "$0")/.."
kern=node_modules/@kern-ux/native/dist
out=public/vendor/kern
mkdir -p "$out/fonts"
cp "$kern/kern.min.css" "$out/kern.min.css"
for cut in Regular Italic Medium SemiBold; do
  cp "$kern/fonts/fira-sans/FiraSans-$cut.woff2" "$out/fonts/"
done
