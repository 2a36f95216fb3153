#!/usr/bin/env bash
# Issue 15 benchmark: the perceptron segmenter against the peers, same run, same input.
#  1. PKU test (SIGHAN 2005): F1, OOV recall, invented-word precision (output words of 2+ characters not in
#     the PKU training word list, width-folded: the share that are gold words at that position), in-process
#     chars/s on one thread (median over ROUNDS interleaved rounds, each the median of RUNS passes after a
#     warm-up pass) and model size, for:
#       ours perceptron (shipped model, trained on People's Daily 1998 January), ours hybrid (the default
#       dictionary + HMM), HanLP's perceptron trained here on the same PD98 file (HanLP's CWSTrainer with its
#       defaults, from the hanlp jar on Maven Central, a peer harness outside the library), HanLP
#       StandardTokenizer, jieba (python3-jieba, precise mode + HMM) and jieba's Rust port (npm
#       @node-rs/jieba, precise mode + HMM).
#  2. Dev split (never the PKU test): trained on PD98 1-24 January, scored on 25-31 January: perceptron
#     (default trainer settings, --dev for early stopping) and hybrid (training counts + HanLP core dict).
#  3. Cold start: wall time of `echo LINE | java -jar classicnlp.jar segment --algo A`, median of 5.
# Timed steps hold /tmp/classicnlp-bench.lock so benchmarks of other branches do not overlap.
# Usage: bench/segment_accuracy.sh   (from the repository root; env CLASSICNLP_DATA, RUNS=5, ROUNDS=3,
#        PARTS="pku dev cold" to choose the parts)
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-3}
PARTS=${PARTS:-pku dev cold}
LOCK="flock /tmp/classicnlp-bench.lock"
need_deb python3-jieba bc util-linux
build_bench
JAR=target/classicnlp.jar

PD="$DATA/peoples-daily-1998/199801.txt.gz"
TEST="$DATA/icwb2/testing/pku_test.utf8"
GOLD="$DATA/icwb2/gold/pku_test_gold.utf8"
WORDS="$DATA/icwb2/gold/pku_training_words.utf8"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ " $PARTS " == *" pku "* ]]; then
NODE_DIR="$OUT/node-jieba"
if [ ! -d "$NODE_DIR/node_modules/@node-rs/jieba" ]; then
  mkdir -p "$NODE_DIR" && (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund @node-rs/jieba >/dev/null)
fi
HANLP_MODEL="$OUT/hanlp-perceptron-pd98.bin"
if [ ! -s "$HANLP_MODEL" ]; then
  echo "== training HanLP's perceptron on $PD" >&2
  java -Xmx6g -cp "$BENCH_CP" org.classicnlp.bench.HanlpPerceptronTrain "$PD" "$OUT/hanlp-train" "$HANLP_MODEL" \
      2>&1 | grep -E "train_s=" >&2
fi

# Width-folded copy of the PKU word list too (see segment_statistical.sh): ASCII numbers in the test are not OOV.
$PY -c '
import sys
tr = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
for line in open(sys.argv[1], encoding="utf-8"):
    w = line.strip()
    if w:
        print(w)
        if w.translate(tr) != w:
            print(w.translate(tr))' "$WORDS" > "$OUT/pku_training_words.folded.utf8"

declare -A LOAD RATE RATES
run_one() { # name -> one timed run, appends chars/s to RATES[name]
  local line
  case $1 in
    perceptron) line=$($LOCK java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.StatisticalSegmentSpeed perceptron \
        "$TEST" "$OUT/acc.$1.txt" "$RUNS" 2>&1 >/dev/null | grep load_s=);;
    hybrid) line=$($LOCK java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.StatisticalSegmentSpeed hybrid \
        "$TEST" "$OUT/acc.$1.txt" "$RUNS" 2>&1 >/dev/null | grep load_s=);;
    hanlp-perceptron) line=$($LOCK java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.StatisticalSegmentSpeed \
        hanlp-perceptron "$TEST" "$OUT/acc.$1.txt" "$RUNS" "$HANLP_MODEL" 2>&1 >/dev/null | grep load_s=);;
    hanlp) line=$($LOCK java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.StatisticalSegmentSpeed hanlp \
        "$TEST" "$OUT/acc.$1.txt" "$RUNS" 2>&1 >/dev/null | grep load_s=);;
    jieba) line=$($LOCK $PY bench/jieba_segment.py "$TEST" "$OUT/acc.$1.txt" "$RUNS" 2>&1 | grep load_s=);;
    node-jieba) line=$($LOCK node bench/jieba_node.js "$NODE_DIR/node_modules" "$TEST" "$OUT/acc.$1.txt" "$RUNS" \
        2>&1 | grep load_s=);;
  esac
  LOAD[$1]=$(echo "$line" | sed -E 's/.*load_s=([0-9.]+).*/\1/')
  RATES[$1]="${RATES[$1]:-} $(echo "$line" | sed -E 's/.*chars_per_s=([0-9]+).*/\1/')"
}
SYSTEMS="perceptron hybrid hanlp-perceptron hanlp jieba node-jieba"
for ((r = 0; r < ROUNDS; r++)); do
  for n in $SYSTEMS; do
    echo "== round $((r + 1)): $n" >&2
    run_one "$n"
  done
done

score() { # name -> "F1 OOV-R"
  java -jar "$JAR" score --gold "$GOLD" --pred "$OUT/acc.$1.txt" --words "$OUT/pku_training_words.folded.utf8" \
    | awk -F'\t' '$1=="F1"{f=$2} $1=="OOV recall"{o=$2} END{print f, o}'
}
invented() {
  $PY bench/segment_invented.py "$GOLD" "$OUT/acc.$1.txt" "$WORDS" | sed -E 's/.*invented=([0-9]+).*precision=([0-9.]+)/\2 \1/'
}
size() {
  case $1 in
    perceptron) stat -c %s models/perceptron-pd98-199801.bin;;
    hybrid) echo $(( $(stat -c %s target/classes/org/classicnlp/segment/hybrid-standard.hmm) \
        + $(stat -c %s target/classes/org/classicnlp/segment/hybrid-standard.lexicon) ));;
    hanlp-perceptron) stat -c %s "$HANLP_MODEL";;
    *) echo "-";;
  esac
}
printf '\nPKU test (104,372 words), one thread; chars/s median of %s interleaved rounds\n' "$ROUNDS"
printf '%-44s %7s %7s %9s %7s %10s %10s %7s\n' "system" "F1" "OOV-R" "inv-P" "inv-N" "chars/s" "bytes" "load s"
for n in $SYSTEMS; do
  read -r f1 oov <<< "$(score "$n")"
  read -r ip inn <<< "$(invented "$n")"
  rate=$(printf '%s\n' ${RATES[$n]} | median)
  case $n in
    perceptron) label="ours perceptron (PD98 Jan, shipped)";;
    hybrid) label="ours hybrid (shipped + HanLP core dict)";;
    hanlp-perceptron) label="HanLP perceptron (trained here, PD98 Jan)";;
    hanlp) label="HanLP StandardTokenizer";;
    jieba) label="jieba (python3-jieba, precise+HMM)";;
    node-jieba) label="jieba Rust (@node-rs/jieba, precise+HMM)";;
  esac
  printf '%-44s %7.4f %7.4f %9.4f %7s %10.0f %10s %7s\n' "$label" "$f1" "$oov" "$ip" "$inn" "$rate" "$(size "$n")" "${LOAD[$n]}"
done
echo "OOV-R: OOV = gold words in neither the PKU training word list nor its width-folded forms."
echo "inv-P / inv-N: precision and number of output words of 2+ chars not in the PKU training word list."
echo "bytes: model file(s) read at start (ours hybrid: its HMM + prebuilt merged dictionary image; '-' = bundled data)."
fi

if [[ " $PARTS " == *" dev "* ]]; then
echo "== dev split: train 1-24 January, score 25-31 January" >&2
zcat "$PD" | tr -d '\r' | grep -v '^$' > "$OUT/pd98.all.txt"
grep -E '^199801(2[5-9]|3[01])' "$OUT/pd98.all.txt" > "$OUT/pd98.dev.txt"
grep -vE '^199801(2[5-9]|3[01])' "$OUT/pd98.all.txt" > "$OUT/pd98.train.txt"
$PY - "$OUT/pd98.dev.txt" "$OUT/pd98.dev" <<'EOF'
import re, sys
raw = open(sys.argv[2] + ".raw", "w", encoding="utf-8"); gold = open(sys.argv[2] + ".gold", "w", encoding="utf-8")
words = set()
for line in open(sys.argv[1], encoding="utf-8"):
    ws = []
    for t in line.split()[1:]:
        t = re.sub(r"\][a-z]+$", "", t.lstrip("["))
        ws.append(t[:t.rindex("/")])
    raw.write("".join(ws) + "\n"); gold.write("  ".join(ws) + "\n")
EOF
$PY - "$OUT/pd98.train.txt" > "$OUT/pd98.train.words" <<'EOF'
import re, sys
words = set()
for line in open(sys.argv[1], encoding="utf-8"):
    for t in line.split()[1:]:
        t = re.sub(r"\][a-z]+$", "", t.lstrip("["))
        words.add(t[:t.rindex("/")])
print("\n".join(sorted(words)))
EOF
java -Xmx4g -jar "$JAR" train-segmenter --algo perceptron --input-format pd98 --corpus "$OUT/pd98.train.txt" \
    --dev "$OUT/pd98.dev.txt" --output "$OUT/dev.perceptron.bin" 2>&1 | grep epoch >&2
java -jar "$JAR" train-segmenter --algo hybrid --input-format pd98 --corpus "$OUT/pd98.train.txt" \
    --output "$OUT/dev.hybrid.bin" -q
java -jar "$JAR" segment --algo perceptron --model "$OUT/dev.perceptron.bin" "$OUT/pd98.dev.raw" > "$OUT/dev.perceptron.txt"
java -jar "$JAR" segment --algo hybrid --model "$OUT/dev.hybrid.bin" "$OUT/pd98.dev.raw" > "$OUT/dev.hybrid.txt"
printf '\nDev split (PD98 25-31 January; models trained on 1-24 January)\n'
printf '%-44s %7s %7s %9s %7s\n' "system" "F1" "OOV-R" "inv-P" "inv-N"
for n in perceptron hybrid; do
  read -r f1 oov <<< "$(java -jar "$JAR" score --gold "$OUT/pd98.dev.gold" --pred "$OUT/dev.$n.txt" \
      --words "$OUT/pd98.train.words" | awk -F'\t' '$1=="F1"{f=$2} $1=="OOV recall"{o=$2} END{print f, o}')"
  read -r ip inn <<< "$($PY bench/segment_invented.py "$OUT/pd98.dev.gold" "$OUT/dev.$n.txt" "$OUT/pd98.train.words" \
      | sed -E 's/.*invented=([0-9]+).*precision=([0-9.]+)/\2 \1/')"
  case $n in
    perceptron) label="ours perceptron (default trainer, --dev)";;
    hybrid) label="ours hybrid (training counts + HanLP core)";;
  esac
  printf '%-44s %7.4f %7.4f %9.4f %7s\n' "$label" "$f1" "$oov" "$ip" "$inn"
done
fi

if [[ " $PARTS " == *" cold "* ]]; then
printf '\nCold start: echo LINE | java -jar classicnlp.jar segment --algo A (wall s, median of 5, interleaved)\n'
declare -A COLD
for ((r = 0; r < 5; r++)); do
  for a in perceptron hybrid; do
    exec 9>/tmp/classicnlp-bench.lock; flock 9
    COLD[$a]="${COLD[$a]:-} $(wall "$OUT/cold.$a.txt" sh -c "echo '中国人民银行今天宣布降息。' | java -jar $JAR segment --algo $a")"
    flock -u 9; exec 9>&-
  done
done
for a in perceptron hybrid; do
  printf '%-12s %6.2f s   (%s)\n' "$a" "$(printf '%s\n' ${COLD[$a]} | median)" "$(cat "$OUT/cold.$a.txt")"
done
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
