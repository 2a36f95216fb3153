#!/usr/bin/python3
"""Builds a corpus of at least 1,000,000 short documents (one per line) from the shared English Wikipedia
slice (../shared/data/en-text/AA/wiki_*.gz, WikiExtractor format): <doc> tags and title lines dropped,
paragraphs split into sentences at ". ", "? ", "! ", and every sentence cut into pieces of at most 8
whitespace tokens. Deterministic. Usage: tfidf_build_wiki1m.py DATA_DIR OUT_FILE
"""
import glob, gzip, os, re, sys

data, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(data, "en-text", "AA", "wiki_*.gz")))
if not files:
    sys.exit(f"no Wikipedia files under {data}/en-text/AA")
split = re.compile(r"(?<=[.?!])\s+")
n = 0
tmp = out + ".tmp"
with open(tmp, "w", encoding="utf-8") as fo:
    for f in files:
        with gzip.open(f, "rt", encoding="utf-8") as fi:
            title = False
            for line in fi:
                line = line.strip()
                if line.startswith("<doc "):
                    title = True
                    continue
                if title:
                    title = False
                    continue
                if not line or line.startswith("</doc>"):
                    continue
                for sentence in split.split(line):
                    toks = sentence.split()
                    for i in range(0, len(toks), 8):
                        fo.write(" ".join(toks[i:i + 8]) + "\n")
                        n += 1
os.replace(tmp, out)
print(f"{out}: {n} documents", file=sys.stderr)
if n < 1_000_000:
    sys.exit(f"only {n} documents; expected at least 1,000,000")
