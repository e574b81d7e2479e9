#!/usr/bin/env bash
# `article-lens batch` as the map step of a cluster job, on one machine: the
# input JSONL is split into shards of whole lines, several batch processes run
# at once (GNU parallel when it is installed, else `xargs -P`), and their
# outputs are joined in shard order. The result is byte for byte what one
# process gives for the whole file: batch keeps input order, and each shard is
# told the number of its first line (--first-line), so failures carry the line
# numbers of the original file. A cluster engine (Spark, Dask) does the same
# with its own partitions; see README, "Batch and clusters".
#
# Usage: scripts/cluster-example.sh INPUT.jsonl OUTPUT.jsonl [SHARDS]
#   SHARDS          how many pieces (default 4)
# Environment:
#   ARTICLE_LENS    the binary (default: target/release/article-lens, or under
#                   $CARGO_TARGET_DIR)
#   PROCS           processes at once (default: SHARDS)
#   JOBS            threads in each process (default 1: the processes are the
#                   parallelism)
#   RUNNER          xargs or parallel (default: parallel when installed)
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 INPUT.jsonl OUTPUT.jsonl [SHARDS] (see the comment at its top)" >&2
    exit 2
fi
input=$1
output=$2
shards=${3:-4}
bin=${ARTICLE_LENS:-${CARGO_TARGET_DIR:-target}/release/article-lens}
procs=${PROCS:-$shards}
jobs=${JOBS:-1}
if command -v parallel >/dev/null 2>&1; then
    runner=${RUNNER:-parallel}
else
    runner=${RUNNER:-xargs}
fi

case $shards in '' | *[!0-9]* | 0*)
    echo "cluster-example: SHARDS must be a number from 1 (got \"$shards\")" >&2
    exit 2
    ;;
esac
if [ ! -x "$bin" ]; then
    echo "cluster-example: no binary at $bin (cargo build --release, or set ARTICLE_LENS)" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/article-lens-shards.XXXXXX")
trap 'rm -rf "$work"' EXIT

# wc -l counts newlines; a last line without one is a line too.
lines=$(wc -l <"$input")
if [ -s "$input" ] && [ "$(tail -c 1 "$input" | od -An -c | tr -d ' ')" != '\n' ]; then
    lines=$((lines + 1))
fi
per=$(((lines + shards - 1) / shards))
[ "$per" -ge 1 ] || per=1
split -l "$per" -d -a 6 "$input" "$work/shard."

# One shard: its first line's number and its path, as $2 and $3 ($0 the binary,
# $1 the threads). Output and the shard's summary line go beside it.
shard='"$0" batch --jobs "$1" --first-line "$2" <"$3" >"$3.out"'
set -- "$work"/shard.*
if [ -e "$1" ]; then
    start=$(date +%s.%N)
    k=0
    for f in "$@"; do
        printf '%s\0%s\0' $((k * per + 1)) "$f"
        k=$((k + 1))
    done >"$work/list"
    case $runner in
    parallel)
        parallel --will-cite -q -0 -N 2 -j "$procs" -a "$work/list" \
            sh -c "$shard" "$bin" "$jobs" {1} {2}
        ;;
    xargs)
        xargs -0 -n 2 -P "$procs" sh -c "$shard" "$bin" "$jobs" <"$work/list"
        ;;
    *)
        echo "cluster-example: RUNNER is xargs or parallel (got \"$runner\")" >&2
        exit 2
        ;;
    esac
    end=$(date +%s.%N)
    for f in "$@"; do cat "$f.out"; done >"$output"
    echo "cluster-example: $# shards, $procs processes of $jobs thread(s) by $runner," \
        "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') s" >&2
else
    : >"$output" # an empty input: no shards, no output
fi
