#!/usr/bin/env bash
# Issue #10 (Traditional Chinese): the PKU test in Traditional script, as HanLP converts it
# (HanLP.convertToTraditionalChinese per gold line, cut again at the gold boundaries; lines whose length the
# conversion changes are left out), segmented from the raw Traditional text by
#   ours:  classicnlp segment --algo hybrid (the standard segmenter: lookups read Traditional as Simplified)
#          and --algo hmm, fmm/bimm over HanLP's core dictionary via the library defaults
#   jieba: precise mode with HMM, default dictionary, on the same raw Traditional text
# and scored against the converted gold (F1). The Simplified original is scored too, for reference.
# Nothing here is tuned on these figures.
# Usage: bench/segment_traditional.sh   (from the repository root; env CLASSICNLP_DATA)
source "$(dirname "$0")/common.sh"
need_deb python3-jieba
build_bench
JAR=target/classicnlp.jar
GOLD="$DATA/icwb2/gold/pku_test_gold.utf8"
T=$OUT/trad
mkdir -p "$T"
java -cp "$BENCH_CP" org.classicnlp.bench.PkuToTraditional "$GOLD" "$T/pku_test.trad.txt" "$T/pku_gold.trad.txt"
$PY -c '
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    print("".join(line.split()))' "$GOLD" > "$T/pku_test.simp.txt"

f1() { java -jar "$JAR" score --gold "$1" --pred "$2" | awk -F'\t' '$1=="F1"{print $2}'; }
java -jar "$JAR" segment --algo hybrid "$T/pku_test.trad.txt" > "$T/ours.hybrid.trad.txt"
java -jar "$JAR" segment --algo hybrid "$T/pku_test.simp.txt" > "$T/ours.hybrid.simp.txt"
java -cp "$BENCH_CP" org.classicnlp.bench.SegmentWith hmm "$T/pku_test.trad.txt" > "$T/ours.hmm.trad.txt"
java -cp "$BENCH_CP" org.classicnlp.bench.SegmentWith bimm "$T/pku_test.trad.txt" > "$T/ours.bimm.trad.txt"
$PY bench/jieba_segment.py "$T/pku_test.trad.txt" "$T/jieba.trad.txt" 0 2>/dev/null
$PY bench/jieba_segment.py "$T/pku_test.simp.txt" "$T/jieba.simp.txt" 0 2>/dev/null

printf '\n%-52s %8s %8s\n' "PKU test (HanLP s2t), F1 against gold" "Trad" "Simp"
printf '%-52s %8.4f %8.4f\n' "ours: segment --algo hybrid (standard)" "$(f1 "$T/pku_gold.trad.txt" "$T/ours.hybrid.trad.txt")" \
  "$(f1 "$GOLD" "$T/ours.hybrid.simp.txt")"
printf '%-52s %8.4f %8s\n' "ours: Segmenters.create(\"hmm\")" "$(f1 "$T/pku_gold.trad.txt" "$T/ours.hmm.trad.txt")" "-"
printf '%-52s %8.4f %8s\n' "ours: Segmenters.create(\"bimm\")" "$(f1 "$T/pku_gold.trad.txt" "$T/ours.bimm.trad.txt")" "-"
printf '%-52s %8.4f %8.4f\n' "jieba precise+HMM, default dict" "$(f1 "$T/pku_gold.trad.txt" "$T/jieba.trad.txt")" \
  "$(f1 "$GOLD" "$T/jieba.simp.txt")"
