"""Writes the 20 Newsgroups bydate split as JSONL {"id","text","label"} (one file per split), reading the
files as scikit-learn's fetch_20newsgroups does (latin-1, whole file: headers, footers and quotes kept)."""
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
for split in ("train", "test"):
    d = os.path.join(root, "20news-bydate-" + split)
    with open(os.path.join(out, split + ".jsonl"), "w", encoding="utf-8") as f:
        for label in sorted(os.listdir(d)):
            for name in sorted(os.listdir(os.path.join(d, label)), key=lambda s: (len(s), s)):
                with open(os.path.join(d, label, name), encoding="latin-1") as g:
                    text = g.read()
                f.write(json.dumps({"id": label + "/" + name, "text": text, "label": label}) + "\n")
