#!/usr/bin/python3
"""Logistic regression (scikit-learn, fixed settings: standardised features, C=1, lbfgs, max_iter 3000) on
exported embeddings of the 20 Newsgroups train split, scored on the test split. Prints
NAME<TAB>accuracy<TAB>macro-F1.
usage: ng20_classify.py NAME TRAIN.emb TRAIN.labels TEST.emb TEST.labels"""
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

name, xtr, ytr, xte, yte = sys.argv[1:6]
Xtr, Xte = np.loadtxt(xtr, dtype=np.float32), np.loadtxt(xte, dtype=np.float32)
Ytr, Yte = open(ytr).read().split(), open(yte).read().split()
clf = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=3000))
clf.fit(Xtr, Ytr)
pred = clf.predict(Xte)
print(f"{name}\t{accuracy_score(Yte, pred):.4f}\t{f1_score(Yte, pred, average='macro'):.4f}")
