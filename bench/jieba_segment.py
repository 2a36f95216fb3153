"""jieba precise mode with HMM (jieba.cut(line, HMM=True)), its default dictionary.

Usage: /usr/bin/python3 bench/jieba_segment.py INPUT OUT RUNS
Writes the segmentation of INPUT to OUT (one line per line, words separated by spaces), then times RUNS
further passes over the lines (median chars/s); prints load time and speed on stderr.
"""
import statistics
import sys
import time

import jieba

jieba.setLogLevel(60)
t0 = time.time()
jieba.initialize()
load = time.time() - t0
src, dst, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, encoding="utf-8", newline=None) as f:
    lines = f.read().splitlines()
chars = sum(len(l) for l in lines)
with open(dst, "w", encoding="utf-8") as out:
    for line in lines:
        out.write(" ".join(w for w in jieba.cut(line, HMM=True) if not w.isspace()))
        out.write("\n")
rates = []
for _ in range(runs):
    s = time.time()
    for line in lines:
        for _w in jieba.cut(line, HMM=True):
            pass
    rates.append(chars / (time.time() - s))
print("jieba load_s=%.2f chars=%d chars_per_s=%.0f" % (load, chars, statistics.median(rates) if rates else 0),
      file=sys.stderr)
