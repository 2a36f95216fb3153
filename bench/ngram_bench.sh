#!/usr/bin/env bash
# N-gram benchmark: our `lm` against KenLM (lmplz, build_binary, query), same corpora, same run.
#
# Corpora (training = first 90% of lines, test = the last 10%):
#   en    the shared English Wikipedia slice normalized as the Word2Vec benchmark does (bench/w2v/normalize_en.py:
#         lower-cased, punctuation dropped, one paragraph per line; ~8.4 M training words)
#   pd98  People's Daily 1998-01, one sentence per line, words joined by spaces (bench/ngram/pd98_sentences.py,
#         the conversion that made the KenLM fixtures; its first 2,016 lines are the fixture training file)
# For each corpus and order (3, 5):
#   build  lmplz -o N (defaults) writing ARPA, vs ours `lm train --order N --output x.arpa`: wall time and peak RSS
#   ppl    KenLM `query -v summary` vs our `lm perplexity` on the test split (must agree to 4+ digits), and KenLM's
#          query on OUR ARPA file (must give the same perplexity)
#   query  binary models (KenLM build_binary probing, default; ours `lm convert` to .bin): tokens/s of KenLM query
#          vs our `lm perplexity` with start-up and load cancelled out: time(5 copies) - time(1 copy) of the test
#          split (pd98: 10 and 50 copies, one being too short to time), best of REPEATS on each side; tokens = what
#          query -v summary counts (</s> included)
#
# KenLM: set KENLM_BIN to a directory holding lmplz, build_binary and query (default /tmp/kenlm/build/bin). It is
# built outside the repository from its public source (github.com/kpu/kenlm):
#   apt-get install cmake g++ libboost-program-options-dev libboost-system-dev libboost-thread-dev \
#       libboost-test-dev zlib1g-dev libbz2-dev liblzma-dev
#   git clone https://github.com/kpu/kenlm /tmp/kenlm && mkdir -p /tmp/kenlm/build && cd /tmp/kenlm/build \
#       && cmake .. -DCMAKE_BUILD_TYPE=Release && make -j2 lmplz query build_binary
# Without it, ours runs alone and the table compares against the figures in issue 12 (measured on this machine:
# English order 3 in 6.3 s, order 5 in 12.7 s, 0.6 GB peak RSS; order-5 query of the test tenth in 0.27 s).
#
# Usage: bash bench/ngram_bench.sh        (from the repository root)
#   CORPORA="en pd98"  ORDERS="3 5"  REPEATS=3
#   NO_LOCK=1         do not wait on /tmp/classicnlp-bench.lock (held by other benchmarks while they run)
#   JAVA_BUILD_OPTS   JVM options for our training runs (default none: a plain `java -jar`, as a user runs it; the
#                     trainer keeps its arrays off the heap, so the default heap does not inflate peak RSS)
#   PRUNE             lmplz --prune thresholds also checked for parity, per corpus at order 3 (default "0 0 1")
#   LMPLZ_OPTS        extra lmplz options (default none). lmplz sizes its sort buffers at 80% of physical memory
#                     (-S 80%) and is killed when other jobs hold that memory: then e.g. LMPLZ_OPTS="-S 3G"
#                     (the rows then time lmplz with that setting; say so with the figures)
#   OURS_JAR          our jar to run (default target/classicnlp.jar, rebuilt when older than the sources): a copy
#                     lets the benchmark run while the tree is rebuilt
#   BASE_JAR          an earlier build of ours (e.g. main's jar) timed in the same query rounds, interleaved, and its
#                     `lm score` output on the test split compared with OURS_JAR's (must be identical)
# The query rows give wall-clock tokens/s (the issue's measure) and, because the machine is shared, also tokens per
# CPU-second (user + system of the process, same 5-minus-1 difference), which moves less with the load.
# On a shared machine other jobs change the load between runs: rerun and compare before trusting a ratio.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${CLASSICNLP_DATA:-$ROOT/../shared/data}
OUT=$ROOT/bench/out/ngram
mkdir -p "$OUT"
PY=/usr/bin/python3
CORPORA=${CORPORA:-"en pd98"}
ORDERS=${ORDERS:-"3 5"}
REPEATS=${REPEATS:-3}
JAVA_BUILD_OPTS=${JAVA_BUILD_OPTS:-}
PRUNE=${PRUNE:-"0 0 1"}
LMPLZ_OPTS=${LMPLZ_OPTS:-}
KENLM_BIN=${KENLM_BIN:-/tmp/kenlm/build/bin}
JAR=${OURS_JAR:-$ROOT/target/classicnlp.jar}
BASE_JAR=${BASE_JAR:-}
LOCK=/tmp/classicnlp-bench.lock
# NO_LOCK=1: do not wait for other benchmarks' lock (figures then share the machine with them)
lock() { if [ "${NO_LOCK:-0}" = 1 ]; then "$@"; else flock "$LOCK" "$@"; fi; }

if [ -z "${OURS_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; }; then
  mvn -q -B -ntp -DskipTests package
fi
HAVE_KENLM=0
if [ -x "$KENLM_BIN/lmplz" ] && [ -x "$KENLM_BIN/query" ] && [ -x "$KENLM_BIN/build_binary" ]; then
  HAVE_KENLM=1
else
  echo "KenLM not found in $KENLM_BIN: comparing against the issue's figures" >&2
fi

# --- corpora -----------------------------------------------------------------------------------------------
split() { # all train test
  local n tr
  n=$(wc -l < "$1"); tr=$((n * 9 / 10))
  head -n "$tr" "$1" > "$2"; tail -n +"$((tr + 1))" "$1" > "$3"
}
for c in $CORPORA; do
  if [ ! -s "$OUT/$c-test.txt" ]; then
    case $c in
      en) $PY bench/w2v/normalize_en.py "$DATA/en-text" "$OUT/en-norm.txt" >&2; split "$OUT/en-norm.txt" "$OUT/en-train.txt" "$OUT/en-test.txt" ;;
      pd98) $PY bench/ngram/pd98_sentences.py "$DATA/peoples-daily-1998/199801.txt.gz" "$OUT/pd98.txt"; split "$OUT/pd98.txt" "$OUT/pd98-train.txt" "$OUT/pd98-test.txt" ;;
      *) echo "unknown corpus $c" >&2; exit 2 ;;
    esac
  fi
  # the query test: the test split (en), or 10 copies of it (pd98: one copy takes too little time to measure)
  mult=1; [ "$c" = pd98 ] && mult=10
  for i in $(seq $mult); do cat "$OUT/$c-test.txt"; done > "$OUT/$c-q1.txt"
  for i in $(seq $((5 * mult))); do cat "$OUT/$c-test.txt"; done > "$OUT/$c-test5.txt"
  echo "$c: $(wc -w < "$OUT/$c-train.txt") training words, $(wc -w < "$OUT/$c-test.txt") test words" >&2
done

# "seconds peak_kb" of a command (its stdout to $1)
measure() {
  local out=$1; shift
  local t
  t=$(mktemp)
  lock /usr/bin/time -f "%e %M" -o "$t" "$@" > "$out"
  cat "$t"; rm -f "$t"
}
kenlm_ppl() { "$KENLM_BIN/query" -v summary "$1" < "$2" 2>/dev/null | awk -F'\t' '/including OOVs/{a=$2} /excluding OOVs/{b=$2} /^OOVs/{c=$2} /^Tokens/{d=$2} END{printf "%s\t%s\t%s\t%s\n", a, b, c, d}'; }

ROWS=$OUT/results.tsv
: > "$ROWS"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs); lmplz options: ${LMPLZ_OPTS:-defaults}" | tee -a "$ROWS"
printf 'corpus\torder\tstep\tkenlm\tours\tratio(ours/kenlm)\n' | tee -a "$ROWS"
for c in $CORPORA; do
  TRAIN=$OUT/$c-train.txt; TEST=$OUT/$c-test.txt; TEST5=$OUT/$c-test5.txt
  for n in $ORDERS; do
    # build
    # shellcheck disable=SC2086
    read -r o_s o_kb < <(measure /dev/null java $JAVA_BUILD_OPTS -jar "$JAR" lm train --order "$n" --input "$TRAIN" \
      --output "$OUT/ours-$c-$n.arpa" -q)
    if [ $HAVE_KENLM = 1 ]; then
      read -r k_s k_kb < <(measure "$OUT/kenlm-$c-$n.arpa" sh -c "'$KENLM_BIN/lmplz' -o $n $LMPLZ_OPTS --text '$TRAIN' 2> '$OUT/kenlm-$c-$n.log'")
    elif [ "$c" = en ] && [ "$n" = 3 ]; then k_s=6.3; k_kb=629146
    elif [ "$c" = en ] && [ "$n" = 5 ]; then k_s=12.7; k_kb=629146
    else k_s=nan; k_kb=nan
    fi
    ratio() { if [ "$1" = nan ] || [ "$2" = nan ] || [ "$(echo "$2 == 0" | bc -l)" = 1 ]; then echo nan; else echo "$1 / $2" | bc -l | xargs printf '%.2f'; fi; }
    printf '%s\t%s\tbuild seconds\t%s\t%s\t%s\n' "$c" "$n" "$k_s" "$o_s" "$(ratio "$o_s" "$k_s")" | tee -a "$ROWS"
    o_mb=$(echo "$o_kb / 1024" | bc); k_mb=$([ "$k_kb" = nan ] && echo nan || echo "$k_kb / 1024" | bc)
    printf '%s\t%s\tbuild peak RSS MB\t%s\t%s\t%s\n' "$c" "$n" "$k_mb" "$o_mb" "$(ratio "$o_kb" "$k_kb")" | tee -a "$ROWS"
    # perplexity parity
    ours_ppl=$(java -jar "$JAR" lm perplexity --model "$OUT/ours-$c-$n.arpa" --input "$TEST")
    if [ $HAVE_KENLM = 1 ]; then
      ken_ppl=$(kenlm_ppl "$OUT/kenlm-$c-$n.arpa" "$TEST")
      cross=$(kenlm_ppl "$OUT/ours-$c-$n.arpa" "$TEST")
    else
      ken_ppl="nan	nan	nan	nan"; cross="nan	nan	nan	nan"
    fi
    col() { echo "$1" | cut -f"$2"; }
    printf '%s\t%s\tppl incl. OOVs\t%s\t%s\n' "$c" "$n" "$(col "$ken_ppl" 1)" "$(col "$ours_ppl" 1)" | tee -a "$ROWS"
    printf '%s\t%s\tppl excl. OOVs\t%s\t%s\n' "$c" "$n" "$(col "$ken_ppl" 2)" "$(col "$ours_ppl" 2)" | tee -a "$ROWS"
    printf '%s\t%s\tOOVs / tokens\t%s / %s\t%s / %s\n' "$c" "$n" "$(col "$ken_ppl" 3)" "$(col "$ken_ppl" 4)" \
      "$(col "$ours_ppl" 3)" "$(col "$ours_ppl" 4)" | tee -a "$ROWS"
    printf '%s\t%s\tKenLM query on OUR ARPA: ppl incl./excl.\t%s / %s\n' "$c" "$n" "$(col "$cross" 1)" "$(col "$cross" 2)" | tee -a "$ROWS"
    # binary query throughput: ours and KenLM interleaved, REPEATS rounds; best of each
    java -jar "$JAR" lm convert --model "$OUT/ours-$c-$n.arpa" --output "$OUT/ours-$c-$n.bin"
    tokens=$(java -jar "$JAR" lm perplexity --model "$OUT/ours-$c-$n.bin" --input "$OUT/$c-q1.txt" | cut -f4)
    head -1 "$TEST" > "$OUT/$c-line1.txt"
    if [ $HAVE_KENLM = 1 ]; then
      "$KENLM_BIN/build_binary" "$OUT/kenlm-$c-$n.arpa" "$OUT/kenlm-$c-$n.binary" > /dev/null 2>&1
    fi
    o1=""; o5=""; oL=""; k1=""; k5=""; kL=""; b1=""; b5=""
    o1c=""; o5c=""; k1c=""; k5c=""; b1c=""; b5c=""
    min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
    # "wall_seconds cpu_seconds" of one run (wall to the nanosecond; cpu: user + system of the process and its
    # children, to 10 ms)
    once() {
      local t s e
      t=$(mktemp)
      s=$(date +%s.%N)
      lock /usr/bin/time -f "%U %S" -o "$t" "$@" > /dev/null 2>&1
      e=$(date +%s.%N)
      awk -v w="$(echo "$e - $s" | bc -l)" '{printf "%.3f %.2f\n", w, $1 + $2}' "$t"; rm -f "$t"
    }
    w() { echo "${1% *}"; }
    u() { echo "${1#* }"; }
    ours_q() { once java -jar "$1" lm perplexity --model "$OUT/ours-$c-$n.bin" --input "$2"; }
    ken_q() { once sh -c "'$KENLM_BIN/query' -v summary '$OUT/kenlm-$c-$n.binary' < '$1'"; }
    for _ in $(seq "$REPEATS"); do
      r=$(ours_q "$JAR" "$OUT/$c-line1.txt"); oL=$(min "$oL" "$(w "$r")")
      r=$(ours_q "$JAR" "$OUT/$c-q1.txt"); o1=$(min "$o1" "$(w "$r")"); o1c=$(min "$o1c" "$(u "$r")")
      r=$(ours_q "$JAR" "$TEST5"); o5=$(min "$o5" "$(w "$r")"); o5c=$(min "$o5c" "$(u "$r")")
      if [ $HAVE_KENLM = 1 ]; then
        r=$(ken_q "$OUT/$c-line1.txt"); kL=$(min "$kL" "$(w "$r")")
        r=$(ken_q "$OUT/$c-q1.txt"); k1=$(min "$k1" "$(w "$r")"); k1c=$(min "$k1c" "$(u "$r")")
        r=$(ken_q "$TEST5"); k5=$(min "$k5" "$(w "$r")"); k5c=$(min "$k5c" "$(u "$r")")
      fi
      if [ -n "$BASE_JAR" ]; then
        r=$(ours_q "$BASE_JAR" "$OUT/$c-q1.txt"); b1=$(min "$b1" "$(w "$r")"); b1c=$(min "$b1c" "$(u "$r")")
        r=$(ours_q "$BASE_JAR" "$TEST5"); b5=$(min "$b5" "$(w "$r")"); b5c=$(min "$b5c" "$(u "$r")")
      fi
    done
    tps() { if [ "$(echo "$2 > $1" | bc -l)" = 1 ]; then echo "4 * $tokens / ($2 - $1)" | bc -l | xargs printf '%.0f'; else echo nan; fi; }
    o_tps=$(tps "$o1" "$o5")
    o_cps=$(tps "$o1c" "$o5c")
    o_mb=$(( $(stat -c %s "$OUT/ours-$c-$n.bin") / 1048576 ))
    if [ $HAVE_KENLM = 1 ]; then
      k_tps=$(tps "$k1" "$k5")
      k_cps=$(tps "$k1c" "$k5c")
      k_mb=$(( $(stat -c %s "$OUT/kenlm-$c-$n.binary") / 1048576 ))
      printf '%s\t%s\tbinary MB\t%s\t%s\t%s\n' "$c" "$n" "$k_mb" "$o_mb" "$(ratio "$o_mb" "$k_mb")" | tee -a "$ROWS"
      printf '%s\t%s\tstart-up + load + 1 line, seconds\t%.2f\t%.2f\t%s\n' "$c" "$n" "$kL" "$oL" "$(ratio "$oL" "$kL")" | tee -a "$ROWS"
      printf '%s\t%s\tquery 1 copy / 5 copies seconds\t%.2f / %.2f\t%.2f / %.2f\n' "$c" "$n" "$k1" "$k5" "$o1" "$o5" | tee -a "$ROWS"
    else
      k_tps=nan; k_cps=nan
      printf '%s\t%s\tstart-up + load + 1 line, seconds\t\t%.2f\n' "$c" "$n" "$oL" | tee -a "$ROWS"
      printf '%s\t%s\tquery 1 copy / 5 copies seconds\t\t%.2f / %.2f\n' "$c" "$n" "$o1" "$o5" | tee -a "$ROWS"
    fi
    printf '%s\t%s\tquery tokens/s\t%s\t%s\t%s\n' "$c" "$n" "$k_tps" "$o_tps" "$(ratio "$o_tps" "$k_tps")" | tee -a "$ROWS"
    printf '%s\t%s\tquery tokens per CPU-second\t%s\t%s\t%s\n' "$c" "$n" "$k_cps" "$o_cps" "$(ratio "$o_cps" "$k_cps")" | tee -a "$ROWS"
    if [ -n "$BASE_JAR" ]; then
      b_tps=$(tps "$b1" "$b5"); b_cps=$(tps "$b1c" "$b5c")
      printf '%s\t%s\tBASE_JAR query 1 copy / 5 copies seconds\t\t%.2f / %.2f\n' "$c" "$n" "$b1" "$b5" | tee -a "$ROWS"
      printf '%s\t%s\tBASE_JAR query tokens/s\t%s\t%s\t%s\n' "$c" "$n" "$k_tps" "$b_tps" "$(ratio "$b_tps" "$k_tps")" | tee -a "$ROWS"
      printf '%s\t%s\tBASE_JAR query tokens per CPU-second\t%s\t%s\t%s\n' "$c" "$n" "$k_cps" "$b_cps" "$(ratio "$b_cps" "$k_cps")" | tee -a "$ROWS"
      java -jar "$JAR" lm score --model "$OUT/ours-$c-$n.bin" "$TEST" > "$OUT/ours-$c-$n.scores"
      java -jar "$BASE_JAR" lm score --model "$OUT/ours-$c-$n.bin" "$TEST" > "$OUT/base-$c-$n.scores"
      same=$(cmp -s "$OUT/ours-$c-$n.scores" "$OUT/base-$c-$n.scores" && echo identical || echo DIFFERENT)
      printf '%s\t%s\tlm score of the test split vs BASE_JAR (%s lines)\t\t%s\n' "$c" "$n" "$(wc -l < "$TEST")" "$same" | tee -a "$ROWS"
    fi
    # --prune parity (order 3): n-gram counts and perplexities of lmplz --prune and ours with the same thresholds
    if [ "$n" = 3 ] && [ -n "$PRUNE" ]; then
      pc=$(echo "$PRUNE" | tr ' ' ',')
      java -jar "$JAR" lm train --order 3 --prune "$pc" --input "$TRAIN" --output "$OUT/ours-$c-3-prune.arpa" -q
      ours_p=$(java -jar "$JAR" lm perplexity --model "$OUT/ours-$c-3-prune.arpa" --input "$TEST")
      o_counts=$(grep -m3 '^ngram ' "$OUT/ours-$c-3-prune.arpa" | cut -d= -f2 | paste -sd/)
      if [ $HAVE_KENLM = 1 ]; then
        # shellcheck disable=SC2086
        "$KENLM_BIN/lmplz" -o 3 $LMPLZ_OPTS --prune $PRUNE --text "$TRAIN" --arpa "$OUT/kenlm-$c-3-prune.arpa" 2> /dev/null
        ken_p=$(kenlm_ppl "$OUT/kenlm-$c-3-prune.arpa" "$TEST")
        k_counts=$(grep -m3 '^ngram ' "$OUT/kenlm-$c-3-prune.arpa" | cut -d= -f2 | paste -sd/)
      else
        ken_p="nan	nan	nan	nan"; k_counts=nan
      fi
      printf '%s\t3\t--prune %s: n-grams 1/2/3\t%s\t%s\n' "$c" "$pc" "$k_counts" "$o_counts" | tee -a "$ROWS"
      printf '%s\t3\t--prune %s: ppl incl. / excl. OOVs\t%s / %s\t%s / %s\n' "$c" "$pc" "$(col "$ken_p" 1)" \
        "$(col "$ken_p" 2)" "$(col "$ours_p" 1)" "$(col "$ours_p" 2)" | tee -a "$ROWS"
    fi
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$ROWS"
echo "results: $ROWS" >&2
