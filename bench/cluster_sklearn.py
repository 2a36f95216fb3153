"""scikit-learn KMeans on the vectors ClusterBench wrote (TSV: label, values): purity and NMI.
Usage: cluster_sklearn.py VECTORS.tsv K SEED[,SEED...]"""
import sys, time
import numpy as np
from collections import Counter, defaultdict
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score
path, k, seeds = sys.argv[1], int(sys.argv[2]), [int(s) for s in sys.argv[3].split(",")]
labels, rows = [], []
with open(path) as f:
    for line in f:
        p = line.rstrip("\n").split("\t")
        labels.append(p[0]); rows.append([float(v) for v in p[1:]])
X = np.array(rows)
for seed in seeds:
    t = time.time()
    y = KMeans(n_clusters=k, n_init=1, random_state=seed).fit_predict(X)
    secs = time.time() - t
    by = defaultdict(Counter)
    for c, l in zip(y, labels):
        by[c][l] += 1
    purity = sum(max(c.values()) for c in by.values()) / len(labels)
    print("sklearn KMeans(n_init=1)\tseed %d\tdim %d\tpurity %.4f\tNMI %.4f\tk-means %.1f s" % (seed, X.shape[1],
          purity, normalized_mutual_info_score(labels, y), secs))
