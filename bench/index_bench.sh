#!/usr/bin/env bash
# HNSW (Lucene 9.12 util.hnsw inside org.classicnlp.index.VectorIndex) against exact search in the same
# index: recall@10 and median query time, interleaved query by query, on 100,000 generated vectors (a
# mixture of 1,000 Gaussian clusters, dimension 100; see bench/java/.../HnswBench.java). Targets (issue 14):
# recall@10 >= 0.95 with queries >= 10x faster than exact.
# Usage: bench/index_bench.sh [N] [DIM] [QUERIES]
source "$(dirname "$0")/common.sh"
build_bench
N=${1:-100000}; DIM=${2:-100}; Q=${3:-500}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
nice -n 10 java -Xmx3g -cp "$BENCH_CP" org.classicnlp.bench.HnswBench "$N" "$DIM" "$Q" 16 100 10,20,40,80,160
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
