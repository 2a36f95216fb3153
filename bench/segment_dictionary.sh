#!/usr/bin/env bash
# Issue 2 benchmark: dictionary segmentation on the SIGHAN 2005 PKU test set.
#  1. In one JVM: F1, OOV recall and chars/s of fmm/bmm/bimm (PKU training words; default dictionary)
#     against HanLP's DoubleArrayTrieSegment (same words; core dictionary) and HanLP's standard segmenter.
#  2. End to end on a 20 MB file (JVM start, dictionary load, segmentation, output):
#     `segment --algo fmm --dict pku_training_words.utf8` (classic rules, as for any plain word list) vs
#     HanLP DoubleArrayTrieSegment from the same list; also the same command with `--rules mixed`.
#  3. Cold start: `segment` on one line with the default dictionary.
# Usage: bench/segment_dictionary.sh [RUNS]   (from the repository root; data in ../shared/data or $CLASSICNLP_DATA)
source "$(dirname "$0")/common.sh"
RUNS=${1:-5}
need_deb bc time
build_bench
WORDS=$DATA/icwb2/gold/pku_training_words.utf8
TEST=$DATA/icwb2/testing/pku_test.utf8

echo "== 1. accuracy and in-JVM speed (PKU test)"
java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.SegmentBench "$DATA" "$RUNS"

echo
echo "== 2. end to end, 20 MB file"
BIG=$OUT/pku_test_x40.txt
[ -f "$BIG" ] || for i in $(seq 40); do cat "$TEST"; done > "$BIG"
echo "input: $BIG ($(stat -c %s "$BIG") bytes)"
ours=(); mixed=(); theirs=()
for r in $(seq "$RUNS"); do
  ours+=("$(wall "$OUT/ours_fmm.txt" java -jar target/classicnlp.jar segment --algo fmm --dict "$WORDS" "$BIG")")
  theirs+=("$(wall "$OUT/hanlp_dat.txt" java -cp "$BENCH_CP" org.classicnlp.bench.HanlpDatSegmentMain "$WORDS" "$BIG")")
  mixed+=("$(wall "$OUT/ours_fmm_mixed.txt" java -jar target/classicnlp.jar segment --algo fmm --rules mixed --dict "$WORDS" "$BIG")")
done
mo=$(printf '%s\n' "${ours[@]}" | median); mt=$(printf '%s\n' "${theirs[@]}" | median)
mm=$(printf '%s\n' "${mixed[@]}" | median)
printf '%-44s %8s %s\n' "system" "wall s" "(median of $RUNS; runs interleaved)"
printf '%-44s %8.2f\n' "ours segment --algo fmm --dict WORDS" "$mo"
printf '%-44s %8.2f\n' "ours segment --algo fmm --dict WORDS --rules mixed" "$mm"
printf '%-44s %8.2f\n' "HanLP DoubleArrayTrieSegment" "$mt"
printf 'speed-up (HanLP / ours): %.2fx classic, %.2fx mixed\n' "$(echo "$mt / $mo" | bc -l)" "$(echo "$mt / $mm" | bc -l)"
echo "output lines that differ, ours classic vs HanLP: $(diff "$OUT/ours_fmm.txt" "$OUT/hanlp_dat.txt" | grep -c '^<' || true)"

echo
echo "== 3. cold start, one line, default dictionary"
cold=()
for r in $(seq "$RUNS"); do
  s=$(date +%s.%N); echo '我用Java写了NLP程序，version 2.0。' | java -jar target/classicnlp.jar segment --algo bimm > /dev/null; e=$(date +%s.%N)
  cold+=("$(echo "$e - $s" | bc -l)")
done
printf 'segment --algo bimm one line: median %.2f s over %d runs\n' "$(printf '%s\n' "${cold[@]}" | median)" "$RUNS"
