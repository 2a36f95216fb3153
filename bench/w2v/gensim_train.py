#!/usr/bin/python3
"""Trains gensim Word2Vec on a normalized corpus (one sentence per line, space-separated tokens) with the
benchmark's parameters, writes the vectors in word2vec binary format and prints one line:
gensim<TAB>MODEL<TAB>EPOCHS<TAB>WALL_SECONDS<TAB>WORDS_PER_SECOND
WALL_SECONDS covers vocabulary building and training (what `w2v train` does), not saving.

usage: gensim_train.py CORPUS sg|cbow EPOCHS THREADS OUT.bin [SEED]   (SEED default 1)
"""
import sys
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence


def main(corpus, model, epochs, threads, out, seed=1):
    t0 = time.time()
    m = Word2Vec(LineSentence(corpus), vector_size=100, window=5, negative=5, hs=0, sample=1e-3, min_count=5,
                 epochs=epochs, workers=threads, sg=1 if model == "sg" else 0, seed=seed)
    wall = time.time() - t0
    total = m.corpus_total_words * epochs
    m.wv.save_word2vec_format(out, binary=out.endswith(".bin"))
    print(f"gensim\t{model}\t{epochs}\t{wall:.1f}\t{total / wall:.0f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5],
         int(sys.argv[6]) if len(sys.argv) > 6 else 1)
