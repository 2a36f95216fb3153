#!/usr/bin/python3
"""Writes the normalized English corpus every word2vec trainer in the benchmark reads.

Input: the shared English Wikipedia slice (WikiExtractor output, en-text/AA/wiki_NN.gz).
Output: one paragraph per line, lowercased, every run of characters that are not letters or digits
replaced by one space (so punctuation is dropped), empty lines dropped; the <doc ...> and </doc> lines
and the title line after each <doc> are skipped (as Corpora.wikiExtractor does).

usage: normalize_en.py SRC_DIR OUT_FILE
"""
import gzip
import os
import re
import sys

NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def main(src, out):
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if not f.startswith("."))
    lines = tokens = 0
    with open(out, "w", encoding="utf-8") as w:
        for path in files:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as f:
                title_next = False
                for line in f:
                    if line.startswith("<doc"):
                        title_next = True
                        continue
                    if line.startswith("</doc>"):
                        title_next = False
                        continue
                    if not line.strip():
                        continue
                    if title_next:
                        title_next = False
                        continue
                    text = NON_WORD.sub(" ", line.lower()).strip()
                    if text:
                        w.write(text + "\n")
                        lines += 1
                        tokens += text.count(" ") + 1
    print(f"normalized corpus: {out}: {lines} lines, {tokens} tokens", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
