#!/usr/bin/env bash
# 20 Newsgroups bydate (../shared/data/en-docs): `classify train` + `classify eval` with the defaults
# (TF-IDF sublinear tf over the english analyzer; NB alpha 0.01, linear SVM C 1, logreg C 10), two JVM
# processes as a user runs them, against scikit-learn's whole process for the same model
# (bench/classify_sklearn.py: TfidfVectorizer(sublinear_tf=True), MultinomialNB(alpha=0.01), LinearSVC(),
# LogisticRegression(C=10)), interleaved round by round; medians of the wall times, and the CPU seconds
# (user + sys) of the same runs. Both read the same JSONL files (bench/news20_jsonl.py: latin-1, whole files,
# as fetch_20newsgroups reads them).
# Usage: bench/classify_bench.sh [ROUNDS] [ALGOS]   (default 3, "nb svm logreg"; LOGREG_ROUNDS overrides
# the rounds for logreg, whose rounds take minutes on a loaded machine; OURS_JAR=FILE measures that jar instead
# of the worktree's build; BASE_JAR=FILE also runs that jar (e.g. an earlier build) in every round, interleaved,
# for a before/after under the same load: three more columns, its wall time, its ratio to scikit-learn and its CPU)
source "$(dirname "$0")/common.sh"
need_deb python3-sklearn
build_bench
ROUNDS=${1:-3}; ALGOS=${2:-nb svm logreg}
W=$OUT/news20; mkdir -p "$W"
if [ ! -f "$W/test.jsonl" ]; then
  tar xzf "$DATA/en-docs/20news-bydate.tar.gz" -C "$W"
  "$PY" bench/news20_jsonl.py "$W" "$W"
fi
JAR=$OUT/classify-bench.jar; cp "${OURS_JAR:-target/classicnlp.jar}" "$JAR" # a rebuild during the run cannot change it
JAVA="java -Xmx4g -jar $JAR"
BASE=${BASE_JAR:+$OUT/classify-base.jar}; HEAD_BASE=""
if [ -n "$BASE" ]; then cp "$BASE_JAR" "$BASE"; HEAD_BASE=$'\twall base (acc/macroF1/docs)\tbase ratio\tCPU base'; fi
T="/usr/bin/time -f %e\t%U\t%S -a -o"
printf "algo\tours acc/macroF1/docs\tsklearn acc/macroF1/docs\twall ours (train+eval)\twall sklearn\tratio\tCPU ours\tCPU sklearn\trounds\tload before/after%s\n" "$HEAD_BASE"
for a in $ALGOS; do
  rounds=$ROUNDS; [ "$a" = logreg ] && rounds=${LOGREG_ROUNDS:-$ROUNDS}
  load0=$(cut -d' ' -f1 /proc/loadavg)
  : > "$W/$a.train.t"; : > "$W/$a.eval.t"; : > "$W/$a.peer.t"; : > "$W/$a.btrain.t"; : > "$W/$a.beval.t"
  for r in $(seq "$rounds"); do
    $T "$W/$a.train.t" $JAVA classify train --algo "$a" --input-format jsonl --input "$W/train.jsonl" --output "$W/$a.model" -q
    $T "$W/$a.eval.t" $JAVA classify eval --model "$W/$a.model" --input-format jsonl --input "$W/test.jsonl" > "$W/$a.ours.out"
    $T "$W/$a.peer.t" "$PY" bench/classify_sklearn.py "$a" "$W/train.jsonl" "$W/test.jsonl" > "$W/$a.peer.out"
    if [ -n "$BASE" ]; then
      $T "$W/$a.btrain.t" java -Xmx4g -jar "$BASE" classify train --algo "$a" --input-format jsonl --input "$W/train.jsonl" --output "$W/$a.base.model" -q
      $T "$W/$a.beval.t" java -Xmx4g -jar "$BASE" classify eval --model "$W/$a.base.model" --input-format jsonl --input "$W/test.jsonl" > "$W/$a.base.out"
    fi
  done
  ow=$(paste "$W/$a.train.t" "$W/$a.eval.t" | awk -F'\t' '{print $1 + $4}' | median)
  oc=$(paste "$W/$a.train.t" "$W/$a.eval.t" | awk -F'\t' '{print $2 + $3 + $5 + $6}' | median)
  pw=$(cut -f1 "$W/$a.peer.t" | median); pc=$(awk -F'\t' '{print $2 + $3}' "$W/$a.peer.t" | median)
  extra=""
  if [ -n "$BASE" ]; then
    bw=$(paste "$W/$a.btrain.t" "$W/$a.beval.t" | awk -F'\t' '{print $1 + $4}' | median)
    bc_=$(paste "$W/$a.btrain.t" "$W/$a.beval.t" | awk -F'\t' '{print $2 + $3 + $5 + $6}' | median)
    extra=$(printf "\t%.1f s (%s)\t%.2f\t%.1f s" "$bw" "$(tr '\t' '/' < "$W/$a.base.out")" "$(echo "$bw / $pw" | bc -l)" "$bc_")
  fi
  printf "%s\t%s\t%s\t%.1f s\t%.1f s\t%.2f\t%.1f s\t%.1f s\t%d\t%s/%s%s\n" "$a" "$(tr '\t' '/' < "$W/$a.ours.out")" \
    "$(tr '\t' '/' < "$W/$a.peer.out")" "$ow" "$pw" "$(echo "$ow / $pw" | bc -l)" "$oc" "$pc" "$rounds" \
    "$load0" "$(cut -d' ' -f1 /proc/loadavg)" "$extra"
done
