#!/usr/bin/env bash
# k-means on 20 Newsgroups bydate test (7,532 documents, k = 20) on one embedder's vectors: ours (Smile
# KMeans via org.classicnlp.classify.KMeansClustering, k-means++ start) vs scikit-learn KMeans(n_init=1)
# on the very same vectors; purity and NMI against the newsgroup labels, SEEDS (comma-separated) seeds each.
# EMBEDDERS: names Embedders.byName resolves (after issue 13: w2v-mean-en, w2v-sif-en, tfidf-hash-en-1024),
# or tfidf-N-train, w2v-mean-train, w2v-sif-train (fitted on the 20news train split here; see ClusterBench).
# Usage: bench/cluster_bench.sh [EMBEDDERS] [SEEDS]
source "$(dirname "$0")/common.sh"
need_deb python3-sklearn
build_bench
EMBEDDERS=${1:-tfidf-300-train w2v-mean-train w2v-sif-train}; SEEDS=${2:-1,2,3}
W=$OUT/news20; mkdir -p "$W"
if [ ! -f "$W/test.jsonl" ]; then
  tar xzf "$DATA/en-docs/20news-bydate.tar.gz" -C "$W"
  "$PY" bench/news20_jsonl.py "$W" "$W"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for e in $EMBEDDERS; do
  nice -n 10 java -Xmx4g -cp "$BENCH_CP" org.classicnlp.bench.ClusterBench "$e" "$W/train.jsonl" "$W/test.jsonl" 20 "$W/vectors-$e.tsv" "$SEEDS"
  "$PY" bench/cluster_sklearn.py "$W/vectors-$e.tsv" 20 "$SEEDS"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
