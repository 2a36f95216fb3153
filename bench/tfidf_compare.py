#!/usr/bin/python3
"""Compares two `id<TAB>term<TAB>weight` files row by row: same ids and terms in the same order, and
weights equal to within a tolerance. Prints rows, max |difference| and exact-equal row count.
Usage: tfidf_compare.py OURS.tsv PEER.tsv [TOL]"""
import sys

ours, peer = sys.argv[1], sys.argv[2]
tol = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-9
rows = same = 0
worst = 0.0
with open(ours, encoding="utf-8") as a, open(peer, encoding="utf-8") as b:
    for la, lb in zip(a, b):
        rows += 1
        if la == lb:
            same += 1
            continue
        pa, pb = la.rstrip("\n").split("\t"), lb.rstrip("\n").split("\t")
        if pa[:-1] != pb[:-1]:
            sys.exit(f"row {rows}: {pa[:-1]} vs {pb[:-1]}")
        worst = max(worst, abs(float(pa[-1]) - float(pb[-1])))
    if a.readline() or b.readline():
        sys.exit(f"different row counts after {rows} rows")
print(f"{rows} rows, {same} byte-identical, max |diff| {worst:.3g}" + (" OK" if worst <= tol else f" > {tol} FAIL"))
sys.exit(0 if worst <= tol else 1)
