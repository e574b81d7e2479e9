#!/usr/bin/env bash
# Bounded fuzzing of every cargo-fuzz target (`make fuzz`): installs cargo-fuzz
# if missing, seeds each target's corpus from tests/fixtures and, when it is
# there, the shared benchmark corpus, then runs each target for FUZZ_SECONDS,
# one after the other, as one libFuzzer process at low priority. Not part of
# `make test`: it needs minutes, libFuzzer and nightly flags.
#
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_TARGETS   targets to run (default "text html")
#   FUZZ_DIR       working corpora and seeds (default $TMPDIR/article-lens-fuzz):
#                  outside the repository, since seeds quote the shared corpus
#   FUZZ_MAX_LEN   largest input in bytes (default 4096)
#   FUZZ_SEED_PAGES  pages taken from each shared-corpus source (default 40)
#   FUZZ_SANITIZER   cargo-fuzz --sanitizer (default none; see fuzz/README.md)
#   FUZZ_TRACE_COMPARES  1 to instrument comparisons (default 0; see fuzz/README.md)
#   CORPUS         the shared corpus (default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-"text html"}
FUZZ_DIR=${FUZZ_DIR:-${TMPDIR:-/tmp}/article-lens-fuzz}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-4096}
FUZZ_SEED_PAGES=${FUZZ_SEED_PAGES:-40}
FUZZ_SANITIZER=${FUZZ_SANITIZER:-none}
FUZZ_TRACE_COMPARES=${FUZZ_TRACE_COMPARES:-0}
CORPUS=${CORPUS:-../shared/corpus}

# cargo-fuzz passes nightly-only flags (-Zsanitizer, -Cpasses=sancov-module);
# RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "Installing cargo-fuzz (cargo install --locked cargo-fuzz)…"
    cargo install --locked cargo-fuzz
fi

# Writes at most FUZZ_MAX_LEN bytes of stdin, from byte offset $2 (0-based),
# to the file $1.
window() {
    tail -c +"$(($2 + 1))" | head -c "$FUZZ_MAX_LEN" >"$1" || true
}

# Seeds a page as two windows: its start (the head's metadata, JSON-LD) and
# the stretch from the first <article> or paragraph (the prose content
# extraction scores); a window from the start alone would be all <head>.
seed_page() { # file name dir
    local file=$1 name=$2 dir=$3 page
    page=$(mktemp)
    case $file in *.gz) gzip -dc "$file" >"$page" 2>/dev/null || true ;; *) cp "$file" "$page" ;; esac
    window "$dir/$name-head" 0 <"$page"
    local at
    at=$(grep -a -b -o -m1 -E '<article|<p[ >]' "$page" | head -n1 | cut -d: -f1 || true)
    if [ -n "$at" ] && [ "$at" -gt 0 ]; then
        window "$dir/$name-body" "$at" <"$page"
    fi
    rm -f "$page"
}

seed() {
    local seeds=$FUZZ_DIR/seeds
    rm -rf "$seeds"
    mkdir -p "$seeds/text" "$seeds/html"
    for f in tests/fixtures/*/input.txt; do
        cp "$f" "$seeds/text/fixture-$(basename "$(dirname "$f")").txt"
    done
    for f in tests/fixtures/*/input.html; do
        cp "$f" "$seeds/html/fixture-$(basename "$(dirname "$f")").html"
    done
    if [ -d "$CORPUS" ]; then
        local n=$FUZZ_SEED_PAGES f
        [ -f "$CORPUS/seed-article.txt" ] && cp "$CORPUS/seed-article.txt" "$seeds/text/seed-article.txt"
        for dir in quotes/polnear/dev/text keyphrases/kpcrowd/docs; do
            [ -d "$CORPUS/$dir" ] || continue
            find "$CORPUS/$dir" -type f | sort | sed -n "1,${n}p" | while IFS= read -r f; do
                window "$seeds/text/$(echo "$dir" | cut -d/ -f2)-$(basename "$f")" 0 <"$f"
            done
        done
        if [ -d "$CORPUS/time/tbaq" ]; then
            # TimeML: prose inside XML tags, for the auto-detection.
            find "$CORPUS/time/tbaq" -name '*.tml' | sort | sed -n "1,${n}p" | while IFS= read -r f; do
                window "$seeds/text/tbaq-$(basename "$f")" 0 <"$f"
            done
        fi
        find "$CORPUS/extraction/readability" -name source.html.gz 2>/dev/null | sort | sed -n "1,${n}p" |
            while IFS= read -r f; do
                seed_page "$f" "readability-$(basename "$(dirname "$f")")" "$seeds/html"
            done
        find "$CORPUS/extraction/trafilatura/html" -name '*.html.gz' 2>/dev/null | sort | sed -n "1,${n}p" |
            while IFS= read -r f; do
                seed_page "$f" "trafilatura-$(basename "$f" .html.gz | tr -c 'A-Za-z0-9._\n-' _)" "$seeds/html"
            done
    else
        echo "No shared corpus at $CORPUS: seeding from tests/fixtures only."
    fi
    echo "Seeds: $(ls "$seeds/text" | wc -l) text, $(ls "$seeds/html" | wc -l) html, in $seeds"
}

seed
build=(--sanitizer "$FUZZ_SANITIZER")
[ "$FUZZ_TRACE_COMPARES" = 1 ] || build+=(--no-trace-compares)
for target in $FUZZ_TARGETS; do
    mkdir -p "$FUZZ_DIR/corpus/$target"
    dict=()
    [ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")
    echo "== cargo fuzz run $target, $FUZZ_SECONDS s"
    # One process (cargo fuzz's default --jobs 1), nice'd: the machine is shared.
    # A 4 KB input that takes 30 s is a finding (the pipeline is linear).
    nice -n 15 cargo fuzz run "${build[@]}" --jobs 1 "$target" \
        "$FUZZ_DIR/corpus/$target" "$FUZZ_DIR/seeds/$target" -- \
        -max_total_time="$FUZZ_SECONDS" -max_len="$FUZZ_MAX_LEN" -timeout=30 \
        -print_final_stats=1 "${dict[@]}"
done
