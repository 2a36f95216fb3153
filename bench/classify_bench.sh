#!/usr/bin/env bash
# 20 Newsgroups bydate (../shared/data/en-docs): `classify train` + `classify eval` with the defaults
# (TF-IDF sublinear tf over the english analyzer; NB alpha 0.01, linear SVM C 1, logreg C 10) against
# scikit-learn's whole process for the same model (bench/classify_sklearn.py: TfidfVectorizer(sublinear_tf=True),
# MultinomialNB(alpha=0.01), LinearSVC(), LogisticRegression(C=10)), interleaved, ROUNDS rounds; medians.
# Both read the same JSONL files (bench/news20_jsonl.py: latin-1, whole files, as fetch_20newsgroups reads them).
# Usage: bench/classify_bench.sh [ROUNDS] [ALGOS]   (default 3, "nb svm logreg")
source "$(dirname "$0")/common.sh"
need_deb python3-sklearn
build_bench
ROUNDS=${1:-3}; ALGOS=${2:-nb svm logreg}
W=$OUT/news20; mkdir -p "$W"
if [ ! -f "$W/test.jsonl" ]; then
  tar xzf "$DATA/en-docs/20news-bydate.tar.gz" -C "$W"
  "$PY" bench/news20_jsonl.py "$W" "$W"
fi
JAVA="java -Xmx4g -jar target/classicnlp.jar"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for a in $ALGOS; do
  : > "$W/$a.ours.t"; : > "$W/$a.peer.t"
  for r in $(seq "$ROUNDS"); do
    s=$(date +%s.%N)
    $JAVA classify train --algo "$a" --input-format jsonl --input "$W/train.jsonl" --output "$W/$a.model" -q
    $JAVA classify eval --model "$W/$a.model" --input-format jsonl --input "$W/test.jsonl" > "$W/$a.ours.out"
    e=$(date +%s.%N); echo "$e - $s" | bc -l >> "$W/$a.ours.t"
    s=$(date +%s.%N)
    "$PY" bench/classify_sklearn.py "$a" "$W/train.jsonl" "$W/test.jsonl" > "$W/$a.peer.out"
    e=$(date +%s.%N); echo "$e - $s" | bc -l >> "$W/$a.peer.t"
  done
  ot=$(median < "$W/$a.ours.t"); pt=$(median < "$W/$a.peer.t")
  printf "%s\tours acc/macroF1/docs %s\tsklearn %s\twall ours %.1f s\tsklearn %.1f s\tratio %.2f\n" "$a" \
    "$(tr '\t' '/' < "$W/$a.ours.out")" "$(tr '\t' '/' < "$W/$a.peer.out")" "$ot" "$pt" "$(echo "$ot / $pt" | bc -l)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
