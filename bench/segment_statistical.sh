#!/usr/bin/env bash
# Issue 3 benchmark: statistical segmenters vs jieba and HanLP, same run, same input.
#  1. PKU test (SIGHAN 2005): F1, OOV recall and in-process chars/s (median of RUNS passes after a warm-up
#     pass; load time separate) for hmm and hybrid trained here on People's Daily 1998 January (hybrid with
#     the training counts only, as in the issue's accuracy bar), the default hybrid (shipped model + HanLP
#     core dictionary), jieba (python3-jieba, precise mode with HMM, default dictionary) and HanLP's
#     StandardTokenizer.
#  2. End to end on a ~20 MB file (whole lines of the Chinese Wikipedia slice): wall time of
#     `classicnlp segment --algo hybrid FILE > out` (default threads = cores, and --threads 1), of a jieba
#     script doing the same (read, cut each line, write) and of a Java main running HanLP's StandardTokenizer
#     over the file; medians of E2E_RUNS runs, ratios against ours.
# Timed steps hold /tmp/classicnlp-bench.lock so benchmarks of other branches do not overlap.
# Usage: bench/segment_statistical.sh   (from the repository root; env CLASSICNLP_DATA, RUNS=5, E2E_RUNS=3,
#        PARTS="pku e2e" to choose the parts)
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}
E2E_RUNS=${E2E_RUNS:-3}
PARTS=${PARTS:-pku e2e}
LOCK="flock /tmp/classicnlp-bench.lock"
need_deb python3-jieba bc util-linux
build_bench
JAR=target/classicnlp.jar

PD="$DATA/peoples-daily-1998/199801.txt.gz"
TEST="$DATA/icwb2/testing/pku_test.utf8"
GOLD="$DATA/icwb2/gold/pku_test_gold.utf8"
WORDS="$DATA/icwb2/gold/pku_training_words.utf8"

if [[ " $PARTS " == *" pku "* ]]; then
echo "== training on $PD" >&2
java -jar "$JAR" train-segmenter --algo hmm --format pd98 --corpus "$PD" --out "$OUT/hmm.bin" 2>/dev/null
java -jar "$JAR" train-segmenter --algo hybrid --format pd98 --corpus "$PD" --out "$OUT/hybrid.bin" 2>/dev/null

# The PKU word list is full-width (１９９８), the test text has half-width digits and letters (1998) but
# full-width punctuation: the list plus the width-folded form of each word keeps ASCII numbers from counting
# as OOV words.
$PY -c '
import sys
tr = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
for line in open(sys.argv[1], encoding="utf-8"):
    w = line.strip()
    if w:
        print(w)
        if w.translate(tr) != w:
            print(w.translate(tr))' "$WORDS" > "$OUT/pku_training_words.folded.utf8"

score() { # name -> "F1 OOV-R(list + folded forms) OOV-R(list as distributed)"
  local a b
  a=$(java -jar "$JAR" score --gold "$GOLD" --pred "$OUT/pku.$1.txt" --words "$OUT/pku_training_words.folded.utf8")
  b=$(java -jar "$JAR" score --gold "$GOLD" --pred "$OUT/pku.$1.txt" --words "$WORDS")
  echo "$(echo "$a" | awk -F'\t' '$1=="F1"{print $2}') $(echo "$a" | awk -F'\t' '$1=="OOV recall"{print $2}')" \
       "$(echo "$b" | awk -F'\t' '$1=="OOV recall"{print $2}')"
}
speed() { sed -E 's/.*load_s=([0-9.]+).*chars_per_s=([0-9]+).*/\1 \2/'; }

echo "== PKU test: accuracy and in-process speed" >&2
declare -A LOAD RATE
run_java() { # name segmenter [model]
  local line
  line=$($LOCK java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.StatisticalSegmentSpeed "$2" "$TEST" \
      "$OUT/pku.$1.txt" "$RUNS" ${3:-} 2>&1 >/dev/null | grep load_s=)
  read -r LOAD[$1] RATE[$1] <<< "$(echo "$line" | speed)"
}
run_java hmm hmm "$OUT/hmm.bin"
run_java hybrid-train hybrid-train "$OUT/hybrid.bin"
run_java hybrid-default hybrid
run_java hanlp hanlp
line=$($LOCK $PY bench/jieba_segment.py "$TEST" "$OUT/pku.jieba.txt" "$RUNS" 2>&1 | grep load_s=)
read -r LOAD[jieba] RATE[jieba] <<< "$(echo "$line" | speed)"

printf '\n%-36s %7s %8s %8s %10s %7s\n' "PKU test (104,372 words)" "F1" "OOV-R" "OOV-R*" "chars/s" "load s"
for n in hmm hybrid-train hybrid-default jieba hanlp; do
  read -r f1 oov raw <<< "$(score $n)"
  case $n in
    hmm) label="hmm (trained on PD98 Jan)";;
    hybrid-train) label="hybrid (PD98 Jan counts + HMM)";;
    hybrid-default) label="hybrid default (+ HanLP core dict)";;
    jieba) label="jieba precise+HMM, default dict";;
    hanlp) label="HanLP StandardTokenizer";;
  esac
  printf '%-36s %7.4f %8.4f %8.4f %10.0f %7.2f\n' "$label" "$f1" "$oov" "$raw" "${RATE[$n]}" "${LOAD[$n]}"
done
echo "OOV-R: OOV = gold words in neither the PKU training word list nor its width-folded forms."
echo "OOV-R*: against the list as distributed (full-width digits), so every ASCII number in the test is OOV."

fi

if [[ " $PARTS " == *" e2e "* ]]; then
echo "== end to end on ~20 MB" >&2
BIG="$OUT/zh-wiki-20mb.txt"
if [ ! -s "$BIG" ]; then
  $PY -c '
import glob, gzip, sys
out = open(sys.argv[2], "w", encoding="utf-8"); n = 0
for f in sorted(glob.glob(sys.argv[1] + "/wiki_*.gz")):
    for line in gzip.open(f, "rt", encoding="utf-8"):
        b = len(line.encode("utf-8"))
        if n + b > 20_000_000:
            out.close(); sys.exit(0)
        out.write(line); n += b' "$DATA/zh-text/AA" "$BIG"
fi
declare -A E2E
for n in ours ours1 jieba hanlp; do
  times=()
  for ((r = 0; r < E2E_RUNS; r++)); do
    case $n in
      ours) cmd=(java -jar "$JAR" segment --algo hybrid "$BIG");;
      ours1) cmd=(java -jar "$JAR" segment --algo hybrid --threads 1 "$BIG");;
      jieba) cmd=($PY bench/jieba_segment.py "$BIG" "$OUT/e2e.jieba.txt" 0);;
      hanlp) cmd=(java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.StatisticalSegmentSpeed hanlp "$BIG" "$OUT/e2e.hanlp.txt" 0);;
    esac
    exec 9>/tmp/classicnlp-bench.lock; flock 9
    times+=("$(wall "$OUT/e2e.$n.stdout" "${cmd[@]}" 2>/dev/null)")
    flock -u 9; exec 9>&-
  done
  E2E[$n]=$(printf '%s\n' "${times[@]}" | median)
done
printf '\nEnd to end: %s (%s bytes, %s lines); wall seconds, median of %s runs\n' "$BIG" "$(stat -c %s "$BIG")" \
  "$(wc -l < "$BIG")" "$E2E_RUNS"
printf '%-44s %8s %10s\n' "command" "seconds" "vs ours"
for n in ours ours1 jieba hanlp; do
  case $n in
    ours) label="classicnlp segment --algo hybrid (2 cores)";;
    ours1) label="classicnlp segment --algo hybrid --threads 1";;
    jieba) label="jieba: read, jieba.cut(line) each line, write";;
    hanlp) label="HanLP StandardTokenizer (Java main)";;
  esac
  printf '%-44s %8.2f %9.1fx\n' "$label" "${E2E[$n]}" "$(echo "${E2E[$n]} / ${E2E[ours]}" | bc -l)"
done
fi
