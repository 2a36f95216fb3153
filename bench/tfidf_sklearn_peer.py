#!/usr/bin/python3
"""The scikit-learn side of bench/tfidf_bench.sh: the same job as
`classicnlp tfidf transform --fit --tokenizer whitespace --format tsv`: read the documents, fit_transform
with TfidfVectorizer(token_pattern=r"(?u)\\S+", lowercase=False), write every non-zero weight as
`id<TAB>term<TAB>weight` (weight = repr(float), the shortest round-trip decimal).

Usage: tfidf_sklearn_peer.py SRC OUT   SRC = a directory (one document per file, id = relative path, sorted)
                                        or a text file (one document per line, id = 0-based line number)
"""
import os, sys, time

from sklearn.feature_extraction.text import TfidfVectorizer

src, out = sys.argv[1], sys.argv[2]
t0 = time.time()
if os.path.isdir(src):
    ids = []
    for root, dirs, files in os.walk(src):
        for f in files:
            if not f.startswith("."):
                ids.append(os.path.relpath(os.path.join(root, f), src).replace(os.sep, "/"))
    ids.sort()

    def docs():
        for i in ids:
            with open(os.path.join(src, i), encoding="utf-8-sig") as fh:
                yield fh.read()
else:
    with open(src, encoding="utf-8-sig") as fh:
        n = sum(1 for _ in fh)
    ids = [str(i) for i in range(n)]

    def docs():
        with open(src, encoding="utf-8-sig") as fh:
            for line in fh:
                yield line.rstrip("\n")

vec = TfidfVectorizer(token_pattern=r"(?u)\S+", lowercase=False)
X = vec.fit_transform(docs())
terms = vec.get_feature_names_out()
t1 = time.time()
with open(out, "w", encoding="utf-8") as fh:
    indptr, indices, data = X.indptr, X.indices, X.data
    for r in range(X.shape[0]):
        s, e = indptr[r], indptr[r + 1]
        if s == e:
            continue
        order = indices[s:e].argsort(kind="stable")
        rid = ids[r]
        fh.write("".join(f"{rid}\t{terms[indices[s + k]]}\t{data[s + k]!r}\n" for k in order))
t2 = time.time()
print(f"sklearn: {X.shape[0]} docs, {X.shape[1]} terms, {X.nnz} non-zeros; fit_transform {t1 - t0:.2f} s, write {t2 - t1:.2f} s",
      file=sys.stderr)
