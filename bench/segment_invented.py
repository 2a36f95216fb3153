"""Invented-word precision of a segmentation: of the output words of two or more characters that are in no
word list given (width-folded on both sides), how many are gold words at the same position.

Usage: /usr/bin/python3 bench/segment_invented.py GOLD PRED WORDLIST...
Prints: invented=N correct=K precision=K/N
"""
import sys

TR = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def fold(s):
    return s.translate(TR)


def spans(words):
    out, p = [], 0
    for w in words:
        out.append((p, p + len(w)))
        p += len(w)
    return out


gold_path, pred_path, lists = sys.argv[1], sys.argv[2], sys.argv[3:]
known = set()
for path in lists:
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.split()
            if w:
                known.add(fold(w[0]))
invented = correct = 0
with open(gold_path, encoding="utf-8") as g, open(pred_path, encoding="utf-8") as p:
    for gl, pl in zip(g, p):
        gw = [fold(w) for w in gl.split()]
        pw = [fold(w) for w in pl.split()]
        gs = set(spans(gw))
        for w, s in zip(pw, spans(pw)):
            if len(w) >= 2 and w not in known:
                invented += 1
                correct += s in gs
print(f"invented={invented} correct={correct} precision={correct / invented if invented else 0:.4f}")
