#!/usr/bin/env bash
# Spark benchmark: the keywords job on 1 M documents (the Wikipedia sentences bench/tfidf_build_wiki1m.py
# builds, as bench/tfidf_bench.sh uses them), Spark local[2] (spark/run-local.sh keywords: df summed across
# partitions, model broadcast, keywords per partition) against our CLI with 2 threads (`keywords --format jsonl
# --threads 2`), both `--tokenizer whitespace --top 10`, interleaved REPS times in one script so the ratio
# holds under load. Prints wall seconds (median), docs/s, peak RSS (/usr/bin/time, max over runs), the ratio,
# the load average, and checks that both outputs hold the same lines (sorted, byte for byte).
# Heaps: CLI -Xmx1g (JAVA_XMX), Spark driver+executors in one JVM -Xmx3g (SPARK_XMX).
# Env: REPS (default 3), DOCS (default: all of wiki-1m; e.g. DOCS=200000 for a quicker run).
# Usage: bench/spark_bench.sh   (from anywhere; ~10 min; holds /tmp/classicnlp-bench.lock while timing)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need_deb time
REPS=${REPS:-3}
JAVA_XMX=${JAVA_XMX:-1g}
export SPARK_XMX=${SPARK_XMX:-3g}
if [ ! -f target/classicnlp.jar ] || [ -n "$(find src pom.xml -newer target/classicnlp.jar -type f | head -1)" ]; then
  mvn -q -B -DskipTests package
fi
JAR=$ROOT/target/classicnlp.jar
WIKI=$OUT/wiki-1m.txt
[ -f "$WIKI" ] || $PY bench/tfidf_build_wiki1m.py "$DATA" "$WIKI"
INPUT=$WIKI
if [ -n "${DOCS:-}" ]; then
  INPUT=$OUT/wiki-$DOCS.txt
  head -n "$DOCS" "$WIKI" > "$INPUT"
fi
ND=$(wc -l < "$INPUT")

# build the Spark side outside the timings (run-local.sh builds what is stale, then runs)
printf 'warm up\n' > "$OUT/spark-warm.txt"
rm -rf "$OUT/spark-warm"
bash spark/run-local.sh keywords --input "$OUT/spark-warm.txt" --output "$OUT/spark-warm" > /dev/null 2>&1

# run OUTFILE CMD... : prints "wall rss_kb"
run_once() {
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" > "$out" 2> "$OUT/stderr.txt" || { cat "$OUT/stderr.txt" >&2; exit 1; }
  cat "$OUT/time.txt"
}

exec 9>/tmp/classicnlp-bench.lock
flock 9
CLI_W=(); CLI_M=0; SP_W=(); SP_M=0
for ((i = 0; i < REPS; i++)); do
  read -r w m < <(run_once "$OUT/spark-cli.jsonl" java -Xmx$JAVA_XMX -jar "$JAR" keywords --tokenizer whitespace --top 10 \
      --format jsonl --threads 2 --input "$INPUT" -q)
  CLI_W+=("$w"); [ "$m" -gt "$CLI_M" ] && CLI_M=$m
  echo "  cli 2 threads: $w s, $((m / 1024)) MB" >&2
  rm -rf "$OUT/spark-out"
  read -r w m < <(SPARK_NO_BUILD=1 run_once /dev/null bash spark/run-local.sh keywords --tokenizer whitespace --top 10 \
      --input "$INPUT" --output "$OUT/spark-out")
  SP_W+=("$w"); [ "$m" -gt "$SP_M" ] && SP_M=$m
  echo "  spark local[2]: $w s, $((m / 1024)) MB" >&2
done
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
flock -u 9

sort "$OUT/spark-cli.jsonl" > "$OUT/spark-cli.sorted"
cat "$OUT"/spark-out/part-* | sort > "$OUT/spark-out.sorted"
if cmp -s "$OUT/spark-cli.sorted" "$OUT/spark-out.sorted"; then SAME="yes ($(wc -l < "$OUT/spark-out.sorted") lines)"; else SAME="NO"; fi
CM=$(printf '%s\n' "${CLI_W[@]}" | median)
SM=$(printf '%s\n' "${SP_W[@]}" | median)
printf '\nkeywords --tokenizer whitespace --top 10 on %s documents (%s), %s runs each, interleaved; load average at the end: %s\n' \
  "$ND" "$(basename "$INPUT")" "$REPS" "$LOAD"
printf '\n| run | wall s (median) | docs/s | peak RSS MB (max) | wall / CLI |\n|---|---:|---:|---:|---:|\n'
printf '| CLI, --threads 2, -Xmx%s | %s | %.0f | %d | 1.00 |\n' "$JAVA_XMX" "$CM" "$(echo "$ND / $CM" | bc -l)" "$((CLI_M / 1024))"
printf '| Spark local[2], -Xmx%s | %s | %.0f | %d | %.2f |\n' "$SPARK_XMX" "$SM" "$(echo "$ND / $SM" | bc -l)" "$((SP_M / 1024))" \
  "$(echo "$SM / $CM" | bc -l)"
printf '\nsame keywords lines (sorted): %s\n' "$SAME"
[ "$SAME" != "NO" ]
