#!/usr/bin/python3
"""Writes the 20 Newsgroups bydate split as one document per line (headers removed: everything up to the
first blank line, as scikit-learn's remove=('headers',); inner newlines become spaces) and one label per line.
usage: ng20_prep.py 20news-bydate.tar.gz OUTDIR   -> OUTDIR/{train,test}.{txt,labels}"""
import os
import sys
import tarfile

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
docs = {"train": [], "test": []}
with tarfile.open(src) as tar:
    for m in tar.getmembers():
        if not m.isfile():
            continue
        parts = m.name.split("/")
        split = "train" if parts[-3].endswith("train") else "test"
        text = tar.extractfile(m).read().decode("utf-8", errors="replace")
        _, sep, body = text.partition("\n\n")
        body = body if sep else text
        docs[split].append((m.name, parts[-2], " ".join(body.split())))
for split, rows in docs.items():
    rows.sort()
    with open(f"{out}/{split}.txt", "w") as t, open(f"{out}/{split}.labels", "w") as l:
        for _, label, body in rows:
            t.write(body + "\n")
            l.write(label + "\n")
    print(f"{split}: {len(rows)} documents", file=sys.stderr)
