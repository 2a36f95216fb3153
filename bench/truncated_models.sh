#!/usr/bin/env bash
# Issue 18, "What I will check": a truncated model gives a one-line error, within 60 s and a 256 MB heap, for every
# model kind the CLI writes; the default segmenter and taggers run within that heap too.
# Trains one small model of each kind with the CLI (bench/cli_models.sh), cuts it at CUTS of 64ths of its length
# (default 1 8 16 24 32 40 48 56 63), runs the command that uses it in `java -Xmx256m -jar`, and checks: exit code 1,
# stderr exactly one line starting with "error:" and naming the file, under 60 s. Then the defaults (segment,
# tag --lang zh, tag --lang en) on corpora/ text, in the same heap. Prints one row per kind, and fails on any miss.
# (All 63 cuts of every kind, in process: src/test/.../cli/TruncatedModelsTest.)
# Usage: bench/truncated_models.sh   [CUTS="1 2 ... 63"] [XMX=256m]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
[ -f target/classicnlp.jar ] || mvn -q -B -ntp package -DskipTests
JAR=/tmp/truncated-models-$$.jar
cp target/classicnlp.jar "$JAR"
T=$(mktemp -d); trap 'rm -rf "$T" "$JAR"' EXIT
source bench/cli_models.sh
cli_models "$T" "$JAR"
CUTS=${CUTS:-"1 8 16 24 32 40 48 56 63"}
XMX=${XMX:-256m}
J="java -Xmx$XMX -jar $JAR"
fails=0
printf '%-20s %5s %5s %9s %9s  %s\n' kind bytes cuts median_s max_s result
check() { # check KIND FILE CMD... (the file's place in CMD marked by @, its directory by @D)
  local kind=$1 file=$2; shift 2
  local size; size=$(stat -c %s "$file")
  cp "$file" "$T/whole"
  local times=() bad=""
  for c in $CUTS; do
    head -c $((size * c / 64)) "$T/whole" > "$file"
    local args=() a
    for a in "$@"; do a=${a//@D/$(dirname "$file")}; args+=("${a//@/$file}"); done
    local s e rc=0
    s=$(date +%s.%N)
    echo "北京 the cat" | timeout 120 $J "${args[@]}" > "$T/out" 2> "$T/err" || rc=$?
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc -l)")
    local lines; lines=$(wc -l < "$T/err")
    if [ "$rc" != 1 ] || [ "$lines" != 1 ] || ! grep -q "^error: .*$(basename "$file")" "$T/err"; then
      bad="$bad cut$c(rc=$rc,lines=$lines: $(head -c 200 "$T/err" | tr '\n' ' '))"
    fi
  done
  cp "$T/whole" "$file"
  local med max
  med=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  max=$(printf '%s\n' "${times[@]}" | sort -g | tail -1)
  if awk -v m="$max" 'BEGIN {exit !(m >= 60)}'; then bad="$bad over-60s"; fi
  printf '%-20s %5s %5s %9.2f %9.2f  %s\n' "$kind" "$size" "$(echo $CUTS | wc -w)" "$med" "$max" "${bad:-ok: one error line, exit 1}"
  [ -z "$bad" ] || fails=$((fails + 1))
}
check hmm "$T/hmm.bin" segment --algo hmm --model @
check hybrid "$T/hybrid.bin" segment --algo hybrid --model @
check perceptron-seg "$T/perceptron.bin" segment --algo perceptron --model @
check pos-hmm "$T/pos-hmm.bin" tag --model @
check pos-perceptron "$T/pos-perceptron.bin" tag --model @
check tfidf "$T/model.tfidf" keywords --model @ --input -
check ngram "$T/lm.bin" lm score --model @
check arpa "$T/lm.arpa" lm score --model @
check word2vec-binary "$T/vec.bin" w2v similar --vectors @ the
check word2vec-text "$T/vec.txt" w2v similar --vectors @ the
check w2v-packed "$T/vec.packed" index build --embedder @ --input corpora/docs-sample.jsonl --output "$T/idx2"
check vindex "$T/idx/vectors.vindex" index search --index @D 北京
check bm25 "$T/idx/bm25.bin" index search --index @D --hybrid 0.5 北京
check classifier "$T/classifier.bin" classify predict --model @

echo
printf '%-28s %9s %7s  %s\n' "default (-Xmx$XMX)" seconds exit output
run_default() { # run_default NAME INPUT CMD...
  local name=$1 input=$2; shift 2
  local s e rc=0
  s=$(date +%s.%N)
  $J "$@" < "$input" > "$T/out" 2> "$T/err" || rc=$?
  e=$(date +%s.%N)
  printf '%-28s %9.2f %7s  %s\n' "$name" "$(echo "$e - $s" | bc -l)" "$rc" "$(head -1 "$T/out" | cut -c1-60)"
  [ "$rc" = 0 ] && [ -s "$T/out" ] || { fails=$((fails + 1)); cat "$T/err"; }
}
run_default "segment" corpora/news-zh-en.txt segment
run_default "tag --lang zh" corpora/news-zh-en.txt tag --lang zh
run_default "tag --lang en" corpora/sample-zh-en.txt tag --lang en
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$fails" = 0 ] || { echo "FAILED: $fails"; exit 1; }
