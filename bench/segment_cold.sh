#!/usr/bin/env bash
# Cold start and one-thread speed of the default segmenter (issue 15 item 5) against --algo hybrid and
# --algo perceptron, measured in the same run:
#  - one-line CLI cold start: `echo 我爱北京天安门 | java -jar target/classicnlp.jar segment [--algo X]`,
#    median of RUNS (default 7) runs, the three interleaved;
#  - chars/s on one thread in-process over the PKU test (StatisticalSegmentSpeed, median of 20 passes);
#  - PKU test F1 of the default through the CLI (`segment` then `score`).
# Usage: bench/segment_cold.sh [RUNS]
source "$(dirname "$0")/common.sh"
RUNS=${1:-7}
ICWB=$DATA/icwb2
TEST=$ICWB/testing/pku_test.utf8
GOLD=$ICWB/gold/pku_test_gold.utf8
WORDS=$ICWB/gold/pku_training_words.utf8
build_bench
JAR=target/classicnlp.jar
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A T
for ((r = 0; r < RUNS; r++)); do
  for algo in standard hybrid perceptron; do
    args=(); [ "$algo" = standard ] || args=(--algo "$algo")
    s=$(date +%s.%N)
    out=$(echo 我爱北京天安门 | java -jar "$JAR" segment "${args[@]}")
    e=$(date +%s.%N)
    [ "$out" = "我 爱 北京 天安门" ] || { echo "unexpected output of $algo: $out" >&2; exit 1; }
    T[$algo]+="$(echo "$e - $s" | bc -l) "
  done
done
echo "one-line CLI cold start, median of $RUNS interleaved runs (s):"
for algo in standard hybrid perceptron; do
  printf '  %-10s %.3f   (runs: %s)\n' "$algo" "$(echo ${T[$algo]} | tr ' ' '\n' | median)" "${T[$algo]}"
done

echo "one thread, in-process, PKU test (median of 20 passes; wall and per CPU second of the thread):"
for name in standard hybrid perceptron; do
  java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.StatisticalSegmentSpeed "$name" "$TEST" \
      "$OUT/cold.$name.txt" 20 2>&1 >/dev/null | grep load_s= | sed 's/^/  /'
done

java -jar "$JAR" segment "$TEST" > "$OUT/cold.cli-default.txt"
echo "PKU test, default segmenter through the CLI:"
java -jar "$JAR" score --gold "$GOLD" --pred "$OUT/cold.cli-default.txt" --words "$WORDS" | sed 's/^/  /'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
