#!/usr/bin/env python3
"""YAKE's key phrases on 500N-KPCrowd, the baseline of bench/keyphrases.rs.

Runs YAKE (PyPI `yake`, exactly the version YAKE_VERSION below) as
`yake.KeywordExtractor(lan="en", n=3, top=10)` on every story of
`keyphrases/kpcrowd/docs/*.txt` in the corpus and writes JSON Lines: first a
header, `{"yake": VERSION, "stories": N, "seconds": S, "passes": P, ...}`,
where S is the median wall time of P passes over all stories (extraction
only: reading the files and starting Python are not counted), then one line
a story, `{"id": "X", "phrases": [...]}`, best first. bench/keyphrases.rs
scores these with the same scorer as article-lens's phrases.

    python3 bench/keyphrases_yake.py [CORPUS_DIR] [OUTPUT.jsonl] [--passes N]
    python3 bench/keyphrases_yake.py --installed   # exit 0 iff yake==YAKE_VERSION

CORPUS_DIR is the corpus root (`../shared/corpus`, the default) or a folder
that holds `docs/` itself; OUTPUT defaults to
`bench/results/keyphrases-yake.jsonl` (not committed: it quotes the corpus).
`make bench-keyphrases` installs YAKE into `bench/.venv` and runs this.
Standard library and yake only.
"""

import json
import os
import statistics
import sys
import time

# The pin: `make bench-keyphrases` installs this version (it reads it here).
YAKE_VERSION = "0.7.3"


def installed_version():
    from importlib import metadata

    try:
        return metadata.version("yake")
    except metadata.PackageNotFoundError:
        return None


def docs_dir(corpus):
    for d in (os.path.join(corpus, "keyphrases", "kpcrowd", "docs"), os.path.join(corpus, "docs")):
        if os.path.isdir(d):
            return d
    return None


def main(argv):
    if argv[:1] == ["--installed"]:
        return 0 if installed_version() == YAKE_VERSION else 1
    passes = 3
    if "--passes" in argv:
        i = argv.index("--passes")
        passes = max(1, int(argv[i + 1]))
        del argv[i : i + 2]
    corpus = argv[0] if len(argv) > 0 else "../shared/corpus"
    out = argv[1] if len(argv) > 1 else "bench/results/keyphrases-yake.jsonl"
    docs = docs_dir(corpus)
    if docs is None:
        print(f"The KPCrowd stories are not here ({corpus}): YAKE has nothing to run on.")
        return 0
    version = installed_version()
    if version != YAKE_VERSION:
        print(f"YAKE {YAKE_VERSION} is wanted, {version or 'none'} is installed.", file=sys.stderr)
        return 1
    import yake

    files = sorted(f for f in os.listdir(docs) if f.endswith(".txt"))
    texts = []
    for f in files:
        with open(os.path.join(docs, f), encoding="utf-8") as fh:
            texts.append((f[: -len(".txt")], fh.read()))
    extractor = yake.KeywordExtractor(lan="en", n=3, top=10)
    times, phrases = [], None
    for _ in range(passes):
        started = time.perf_counter()
        got = [[kw for kw, _score in extractor.extract_keywords(text)] for _id, text in texts]
        times.append(time.perf_counter() - started)
        phrases = got
    header = {
        "yake": version,
        "params": {"lan": "en", "n": 3, "top": 10},
        "stories": len(texts),
        "seconds": statistics.median(times),
        "passes": passes,
        "python": sys.version.split()[0],
    }
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    tmp = out + ".part"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(header) + "\n")
            for (story, _text), ps in zip(texts, phrases):
                fh.write(json.dumps({"id": story, "phrases": ps}, ensure_ascii=False) + "\n")
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    print(
        f"YAKE {version}: {len(texts)} stories in {header['seconds'] * 1000:.0f} ms "
        f"(median of {passes} passes), phrases in {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
