#!/usr/bin/env bash
# Statistical segmenters vs peers, same run, same input.
#  1. PKU test (SIGHAN 2005): F1, OOV recall and in-process chars/s (median of RUNS passes after a warm-up,
#     load time separate) for: hmm and hybrid trained here on People's Daily 1998 January (hybrid with the
#     training counts only, as in the issue's accuracy bar), the default hybrid (shipped model + HanLP core
#     dictionary), jieba (python3-jieba, precise mode with HMM, default dictionary) and HanLP's
#     StandardTokenizer (same JVM kind as ours).
#  2. End to end on a ~20 MB file (whole lines of the Chinese Wikipedia slice): wall time of
#     `classicnlp segment --algo hybrid FILE > out` (1 and 2 threads), of a jieba script doing the same and of
#     a Java main running HanLP's StandardTokenizer; medians of E2E_RUNS runs, ratios against ours.
# Timed steps hold /tmp/classicnlp-bench.lock so benchmarks of other branches do not overlap.
# Usage: bench/segment_statistical.sh   (env: CLASSICNLP_DATA, RUNS=5, E2E_RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${CLASSICNLP_DATA:-../shared/data}
RUNS=${RUNS:-5}
E2E_RUNS=${E2E_RUNS:-3}
OUT=bench/out
PY=/usr/bin/python3
LOCK="flock /tmp/classicnlp-bench.lock"
mkdir -p "$OUT/classes"

dpkg -s python3-jieba >/dev/null 2>&1 || apt-get install -y python3-jieba
[ -f target/classicnlp.jar ] || mvn -B -q -DskipTests package
JAR=target/classicnlp.jar
javac -d "$OUT/classes" -cp "$JAR" bench/SegmentSpeed.java
CP="$JAR:$OUT/classes"

PD="$DATA/peoples-daily-1998/199801.txt.gz"
TEST="$DATA/icwb2/testing/pku_test.utf8"
GOLD="$DATA/icwb2/gold/pku_test_gold.utf8"
WORDS="$DATA/icwb2/gold/pku_training_words.utf8"

echo "== training on $PD" >&2
java -jar "$JAR" train-segmenter --algo hmm --format pd98 --corpus "$PD" --out "$OUT/hmm.bin" 2>/dev/null
java -jar "$JAR" train-segmenter --algo hybrid --format pd98 --corpus "$PD" --out "$OUT/hybrid.bin" 2>/dev/null

# The PKU word list is full-width (１９９８), the test text half-width digits and letters (1998) but full-width
# punctuation: the list plus a width-folded copy of each word keeps ASCII numbers from counting as OOV words.
$PY -c '
import sys
tr = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
for line in open(sys.argv[1], encoding="utf-8"):
    w = line.strip()
    if w:
        print(w)
        if w.translate(tr) != w:
            print(w.translate(tr))' "$WORDS" > "$OUT/pku_training_words.folded.utf8"

score() { # name -> "F1 OOV-R(folded) OOV-R(raw list)"
  local f1 oov raw
  f1=$(java -jar "$JAR" score --gold "$GOLD" --pred "$OUT/pku.$1.txt" --words "$OUT/pku_training_words.folded.utf8" | awk -F'\t' '$1=="F1"{print $2}')
  oov=$(java -jar "$JAR" score --gold "$GOLD" --pred "$OUT/pku.$1.txt" --words "$OUT/pku_training_words.folded.utf8" | awk -F'\t' '$1=="OOV recall"{print $2}')
  raw=$(java -jar "$JAR" score --gold "$GOLD" --pred "$OUT/pku.$1.txt" --words "$WORDS" | awk -F'\t' '$1=="OOV recall"{print $2}')
  echo "$f1 $oov $raw"
}
speed() { # stderr line of SegmentSpeed / jieba_segment.py -> "load chars/s"
  sed -E 's/.*load_s=([0-9.]+).*chars_per_s=([0-9]+).*/\1 \2/'
}

echo "== PKU test: accuracy and in-process speed" >&2
declare -A LOAD RATE
run_java() { # name segmenter [model]
  local line
  line=$($LOCK java -Xmx2g -cp "$CP" SegmentSpeed "$2" "$TEST" "$OUT/pku.$1.txt" "$RUNS" ${3:-} 2>&1 >/dev/null | grep load_s=)
  read -r LOAD[$1] RATE[$1] <<< "$(echo "$line" | speed)"
}
run_java hmm hmm "$OUT/hmm.bin"
run_java hybrid-train hybrid-train "$OUT/hybrid.bin"
run_java hybrid-default hybrid
run_java hanlp hanlp
line=$($LOCK $PY bench/jieba_segment.py "$TEST" "$OUT/pku.jieba.txt" "$RUNS" 2>&1 | grep load_s=)
read -r LOAD[jieba] RATE[jieba] <<< "$(echo "$line" | speed)"

printf '\n%-34s %7s %9s %9s %11s %7s\n' "PKU test (104,372 words)" "F1" "OOV-R" "OOV-R*" "chars/s" "load s"
for n in hmm hybrid-train hybrid-default jieba hanlp; do
  read -r f1 oov raw <<< "$(score $n)"
  case $n in
    hmm) label="hmm (PD98 Jan)";;
    hybrid-train) label="hybrid (PD98 Jan counts)";;
    hybrid-default) label="hybrid default (+HanLP core dict)";;
    jieba) label="jieba precise+HMM (default dict)";;
    hanlp) label="HanLP StandardTokenizer";;
  esac
  printf '%-34s %7.4f %9.4f %9.4f %11.0f %7.2f\n' "$label" "$f1" "$oov" "$raw" "${RATE[$n]}" "${LOAD[$n]}"
done
echo "OOV-R: OOV = gold words in neither the PKU training word list nor its width-folded forms; OOV-R*: against"
echo "the list as distributed (full-width digits), where every ASCII number in the test counts as OOV."

echo "== end to end on ~20 MB" >&2
BIG="$OUT/zh-20mb.txt"
if [ ! -s "$BIG" ]; then
  for f in "$DATA"/zh-text/AA/wiki_*.gz; do zcat "$f"; done | $PY -c '
import sys
out = open(sys.argv[1], "w", encoding="utf-8"); n = 0
for line in sys.stdin:
    b = len(line.encode("utf-8"))
    if n + b > 20_000_000: break
    out.write(line); n += b' "$BIG"
fi
wall() { # command... -> seconds (stdout of the command discarded)
  local s e
  s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N)
  awk -v d=$((e - s)) 'BEGIN{printf "%.3f", d / 1e9}'
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
declare -A E2E
for n in ours1 ours2 jieba hanlp; do
  times=()
  for ((r = 0; r < E2E_RUNS; r++)); do
    case $n in
      ours1) t=$($LOCK bash -c "$(declare -f wall); wall java -jar $JAR segment --algo hybrid $BIG");;
      ours2) t=$($LOCK bash -c "$(declare -f wall); wall java -jar $JAR segment --algo hybrid --threads 2 $BIG");;
      jieba) t=$($LOCK bash -c "$(declare -f wall); wall $PY bench/jieba_segment.py $BIG $OUT/e2e.jieba.txt 0");;
      hanlp) t=$($LOCK bash -c "$(declare -f wall); wall java -Xmx2g -cp $CP SegmentSpeed hanlp $BIG $OUT/e2e.hanlp.txt 0");;
    esac
    times+=("$t")
  done
  E2E[$n]=$(median "${times[@]}")
done
java -jar "$JAR" segment --algo hybrid "$BIG" > "$OUT/e2e.ours.txt"
printf '\nEnd to end, %s (%s bytes, %s lines), wall seconds, median of %s\n' "$BIG" "$(stat -c %s "$BIG")" "$(wc -l < "$BIG")" "$E2E_RUNS"
printf '%-40s %8s %14s\n' "segmenter" "seconds" "time / ours(1)"
for n in ours1 ours2 jieba hanlp; do
  case $n in
    ours1) label="classicnlp segment --algo hybrid";;
    ours2) label="classicnlp ... --threads 2";;
    jieba) label="jieba (python3, read/cut/write)";;
    hanlp) label="HanLP StandardTokenizer (Java main)";;
  esac
  printf '%-40s %8.2f %13.1fx\n' "$label" "${E2E[$n]}" "$(awk -v a="${E2E[$n]}" -v b="${E2E[ours1]}" 'BEGIN{print a / b}')"
done
