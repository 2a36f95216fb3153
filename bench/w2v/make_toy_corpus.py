#!/usr/bin/python3
"""Writes corpora/w2v-toy.txt: 1,500 lines where animals, vehicles and fruits each co-occur with their own
context words, so trained vectors must put each group's words together. Deterministic (seed 7)."""
import random
import sys

r = random.Random(7)
animals = ["cat", "dog", "horse", "rabbit", "mouse", "cow"]
vehicles = ["car", "bus", "truck", "train", "bicycle", "tractor"]
fruits = ["apple", "banana", "cherry", "grape", "pear", "plum"]
ctx = {
    "a": ["fur", "tail", "pet", "feeds", "sleeps", "barn", "paws", "vet", "eats", "grass"],
    "v": ["wheel", "road", "engine", "drives", "fuel", "garage", "brakes", "driver", "parks", "highway"],
    "f": ["sweet", "juice", "tree", "ripe", "peel", "orchard", "seeds", "harvest", "basket", "fresh"],
}
glue = ["the", "a", "and", "with", "in", "of", "has", "near"]
lines = []
for i in range(1500):
    kind = r.choice("avf")
    head = r.choice({"a": animals, "v": vehicles, "f": fruits}[kind])
    words = [r.choice(glue), head]
    for _ in range(r.randint(5, 9)):
        words.append(r.choice(ctx[kind]) if r.random() < 0.7 else r.choice(glue))
        if r.random() < 0.15:
            words.append(r.choice({"a": animals, "v": vehicles, "f": fruits}[kind]))
    lines.append(" ".join(words))
open(sys.argv[1] if len(sys.argv) > 1 else "corpora/w2v-toy.txt", "w").write("\n".join(lines) + "\n")
