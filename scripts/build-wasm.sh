#!/usr/bin/env bash
# Builds the browser module into www/pkg: cargo (size profile) -> wasm-bindgen
# (JS glue, --target web: plain ES modules, no bundler) -> wasm-opt -Oz, then
# the service worker's list of files and their hash (www/pkg/precache.js).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --profile wasm --target wasm32-unknown-unknown --lib
# Respect CARGO_TARGET_DIR (a separate build folder), like cargo itself does.
wasm-bindgen --target web --out-dir www/pkg "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm/article_lens.wasm"
# The features rustc enables by default for wasm32; wasm-opt must be told them.
# Without memory-packing: it cuts the data (mostly the tagger's word lists and
# weights) into ~18,500 segments around runs of zeros, which saves raw bytes
# but adds an offset and a length to each, and costs 35 KB once gzipped (the
# download is gzipped): docs/BENCHMARKS.md, "Size".
# A function with one caller is inlined only up to 2,000 nodes: by default
# wasm-opt inlines every one, which folded all the stages into one 343 KB
# function that Chromium's baseline compiler took 55 ms over at the first
# analysis (its optimising compiler, 0.9 s, so the page stayed on the slow
# code for seconds); docs/BENCHMARKS.md, "Cold start".
node_modules/.bin/wasm-opt -Oz --one-caller-inline-max-function-size=2000 --skip-pass=memory-packing \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/article_lens_bg.wasm -o www/pkg/article_lens_bg.wasm
raw=$(wc -c < www/pkg/article_lens_bg.wasm)
gz=$(gzip -9 -c www/pkg/article_lens_bg.wasm | wc -c)
printf '[wasm] www/pkg/article_lens_bg.wasm: %s bytes, %s gzipped\n' "$raw" "$gz" >&2
# Last, once every file is in place: the offline cache's list and version.
# It hashes all of www/, so it is rebuilt on every run (make serve, make test),
# also when only app.js or style.css changed.
node scripts/precache.mjs
