#!/usr/bin/python3
"""Checks `classicnlp tfidf transform --fit --tokenizer whitespace` against scikit-learn on one corpus
for several option sets: same rows (ids and terms, in order) and weights within 1e-9.
Usage: bench/tfidf_check_cli.py SRC [JAR]   SRC: a text file (one document per line) or a directory."""
import os, subprocess, sys

from sklearn.feature_extraction.text import TfidfVectorizer

src = sys.argv[1]
jar = sys.argv[2] if len(sys.argv) > 2 else "target/classicnlp.jar"
if os.path.isdir(src):
    ids = sorted(os.path.relpath(os.path.join(r, f), src) for r, _, fs in os.walk(src) for f in fs if not f.startswith("."))
    docs = [open(os.path.join(src, i), encoding="utf-8-sig").read() for i in ids]
else:
    with open(src, encoding="utf-8-sig") as fh:
        docs = [l.rstrip("\n") for l in fh]
    ids = [str(i) for i in range(len(docs))]

CASES = [
    ({}, []),
    ({"sublinear_tf": True, "norm": "l1"}, ["--sublinear-tf", "--norm", "l1"]),
    ({"use_idf": False}, ["--no-idf"]),
    ({"smooth_idf": False, "norm": None}, ["--no-smooth-idf", "--norm", "none"]),
    ({"min_df": 3, "max_df": 0.3}, ["--min-df", "3", "--max-df", "0.3"]),
    ({"min_df": 0.001, "max_df": 500}, ["--min-df", "0.001", "--max-df", "500"]),
    ({"max_features": 1000}, ["--max-features", "1000"]),
    ({"ngram_range": (1, 2), "min_df": 2}, ["--ngram", "1,2", "--min-df", "2"]),
    ({"lowercase": True, "stop_words": "english"}, ["--lowercase", "--stop-words", "en"]),
]
bad = 0
for params, flags in CASES:
    kw = dict(token_pattern=r"(?u)\S+", lowercase=False)
    kw.update(params)
    vec = TfidfVectorizer(**kw)
    X = vec.fit_transform(docs).tocsr()
    X.sort_indices()
    terms = vec.get_feature_names_out()
    out = subprocess.run(["java", "-jar", jar, "tfidf", "transform", "--fit", "--tokenizer", "whitespace",
                          "--input", src, "-q"] + flags, check=True, capture_output=True, text=True).stdout
    rows = out.split("\n")[:-1]
    k = 0
    worst = 0.0
    ok = True
    for r in range(X.shape[0]):
        for p in range(X.indptr[r], X.indptr[r + 1]):
            i, t, w = rows[k].split("\t")
            if i != ids[r] or t != terms[X.indices[p]]:
                print(f"{params}: row {k} is {i} {t}, expected {ids[r]} {terms[X.indices[p]]}")
                ok = False
                break
            worst = max(worst, abs(float(w) - X.data[p]))
            k += 1
        if not ok:
            break
    ok = ok and k == len(rows) and worst <= 1e-9
    bad += not ok
    print(f"{'OK  ' if ok else 'FAIL'} {params}: {len(rows)} rows, max |diff| {worst:.2g}")
sys.exit(1 if bad else 0)
