#!/usr/bin/env bash
# Issue #15 (pick the default): the default segmenter on data of other standards than PKU's, against HanLP's
# StandardTokenizer and jieba on the same raw text, F1 by our `score`:
#   - UD Chinese GSDSimp dev (UD word standard; gold words = the FORM column of the CoNLL-U file);
#   - the PKU test in Traditional script (HanLP's conversion, as bench/segment_traditional.sh builds it);
#   - the PKU test itself, for reference.
# Systems: ours `Segmenters.standard()` (the perceptron) and the hybrid, HanLP StandardTokenizer (Java), jieba
# (python3-jieba, precise mode with HMM). Accuracy only (no timing), nothing tuned here.
# Usage: bench/segment_other_standards.sh   (from the repository root; env CLASSICNLP_DATA)
source "$(dirname "$0")/common.sh"
need_deb python3-jieba
build_bench
JAR=target/classicnlp.jar
T=$OUT/other-standards
mkdir -p "$T"
GSD="$DATA/ud/UD_Chinese-GSDSimp/zh_gsdsimp-ud-dev.conllu"
[ -f "$GSD" ] || GSD=$(ls "$DATA"/ud/UD_Chinese-GSDSimp/*dev*.conllu | head -1)
$PY - "$GSD" "$T/gsd.gold.txt" "$T/gsd.raw.txt" <<'PY'
import sys
gold = open(sys.argv[2], "w", encoding="utf-8"); raw = open(sys.argv[3], "w", encoding="utf-8")
words = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        if words:
            gold.write(" ".join(words) + "\n"); raw.write("".join(words) + "\n"); words = []
        continue
    if line.startswith("#"):
        continue
    cols = line.split("\t")
    if "-" in cols[0] or "." in cols[0]:
        continue
    words.append(cols[1])
PY
java -cp "$BENCH_CP" org.classicnlp.bench.PkuToTraditional "$DATA/icwb2/gold/pku_test_gold.utf8" \
    "$T/pku.trad.raw.txt" "$T/pku.trad.gold.txt"
cp "$DATA/icwb2/gold/pku_test_gold.utf8" "$T/pku.gold.txt"
$PY -c '
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    print("".join(line.split()))' "$T/pku.gold.txt" > "$T/pku.raw.txt"

f1() { java -jar "$JAR" score --gold "$1" --pred "$2" | awk -F'\t' '$1=="F1"{print $2}'; }
printf '%-28s %10s %10s %10s\n' system gsd-dev pku-trad pku
for sys in standard hybrid hanlp jieba; do
  row=()
  for set in gsd pku.trad pku; do
    in="$T/$set.raw.txt"; pred="$T/$set.$sys.txt"
    case $sys in
      jieba) $PY bench/jieba_segment.py "$in" "$pred" 0 2>/dev/null ;;
      *) java -Xmx2g -cp "$BENCH_CP" org.classicnlp.bench.StatisticalSegmentSpeed "$sys" "$in" "$pred" 1 \
           >/dev/null 2>&1 ;;
    esac
    row+=("$(f1 "$T/$set.gold.txt" "$pred")")
  done
  case $sys in
    standard) label="ours default (perceptron + HanLP dict)";; hybrid) label="ours hybrid";;
    hanlp) label="HanLP StandardTokenizer";; jieba) label="jieba (Python)";;
  esac
  printf '%-28s %10s %10s %10s\n' "$label" "${row[@]}"
done
