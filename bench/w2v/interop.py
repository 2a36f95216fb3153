#!/usr/bin/python3
"""Interop check: gensim loads our binary and text word2vec files, gets the same vectors from both, and finds
the same 10 nearest neighbours as our `w2v similar` for a set of probe words.
usage: interop.py CLASSICNLP_JAR OURS.bin OURS.txt"""
import logging
import subprocess
import sys

import numpy as np
from gensim.models import KeyedVectors

logging.disable(logging.CRITICAL)
jar, binf, txtf = sys.argv[1:4]
kb = KeyedVectors.load_word2vec_format(binf, binary=True)
kt = KeyedVectors.load_word2vec_format(txtf, binary=False)
assert kb.index_to_key == kt.index_to_key, "word lists differ between .bin and .txt"
print(f"gensim loaded {binf} and {txtf}: {len(kb)} words, dimension {kb.vector_size}; "
      f"max |bin - txt| = {np.abs(kb.vectors - kt.vectors).max():.2e}")
probes = ["king", "france", "computer", "music", "river", "january", "good", "university", "war", "red"]
same = total = 0
for w in probes:
    if w not in kb:
        continue
    ours = subprocess.run(["java", "-jar", jar, "w2v", "similar", "--vectors", binf, w, "--top", "10"],
                          capture_output=True, text=True, check=True).stdout.split("\n")
    ours = [l.split("\t")[0] for l in ours if l]
    theirs = [k for k, _ in kb.most_similar(w, topn=10)]
    same += len(set(ours) & set(theirs))
    total += 10
    print(f"  {w}: {'same' if ours == theirs else 'differs'} ({len(set(ours) & set(theirs))}/10 shared) {theirs[:5]}")
print(f"interop: {same}/{total} nearest neighbours shared between gensim and w2v similar")
