#!/usr/bin/python3
"""People's Daily 1998-01 (PFR tagged) to one sentence per line, words joined by one space, as the KenLM
fixtures were made (MANIFEST section 10): paragraph id dropped, '[' stripped, ']nt'-style phrase tags and
'/TAG' dropped; empty lines skipped.

usage: pd98_sentences.py 199801.txt.gz OUT_FILE
"""
import gzip
import re
import sys

PHRASE_END = re.compile(r"\][A-Za-z]+$")


def main(src, out):
    n = 0
    with gzip.open(src, "rt", encoding="utf-8", newline=None) as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            toks = line.split()
            if not toks:
                continue
            words = []
            for t in toks[1:]:
                t = PHRASE_END.sub("", t)
                if t.startswith("["):
                    t = t[1:]
                words.append(t.rsplit("/", 1)[0])
            w.write(" ".join(words) + "\n")
            n += 1
    print(f"{out}: {n} sentences", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
