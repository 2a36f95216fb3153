#!/usr/bin/python3
"""gensim's own analogy evaluation of a word2vec file (binary if it ends in .bin), restricted to the 30,000
most frequent words like `w2v eval`; prints the accuracy. A cross-check of our evaluator.
usage: gensim_eval.py VECTORS QUESTIONS"""
import logging
import sys

from gensim.models import KeyedVectors

logging.disable(logging.CRITICAL)
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=sys.argv[1].endswith(".bin"))
score, _ = kv.evaluate_word_analogies(sys.argv[2], restrict_vocab=30000)
print(f"{score:.4f}")
