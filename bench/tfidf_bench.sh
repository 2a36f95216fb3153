#!/usr/bin/env bash
# TF-IDF benchmark: `classicnlp tfidf transform --fit --tokenizer whitespace --format tsv` (1 thread, 2
# threads and the default thread count, plain `java -jar` with no JVM options) against scikit-learn doing the same job (bench/tfidf_sklearn_peer.py: fit_transform with
# TfidfVectorizer(token_pattern=r"(?u)\S+", lowercase=False) and writing every non-zero weight), on
#   - 20 Newsgroups (18,846 files, a directory SRC) and
#   - wiki-1m: >= 1,000,000 short documents built from the shared Wikipedia slice (bench/tfidf_build_wiki1m.py),
#     run with -Xmx512m; plus `keywords` over it with -Xmx512m.
# Prints wall time (median of REPS runs), docs/s, peak RSS (/usr/bin/time), ratio to scikit-learn, and
# checks that our weights equal scikit-learn's within 1e-9 (bench/tfidf_compare.py).
# Env: REPS (default 3; the 1M corpus runs once); JAVA_OPTS: also time our 2-thread 20news run with these
# JVM options; CORPORA (default "20news wiki"): which corpora to run.
# Usage: bench/tfidf_bench.sh   (from anywhere; takes ~10 min; holds /tmp/classicnlp-bench.lock while timing)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need_deb python3-sklearn time
REPS=${REPS:-3}
CORPORA=${CORPORA:-20news wiki}
if [ ! -f target/classicnlp.jar ] || [ -n "$(find src pom.xml -newer target/classicnlp.jar -type f | head -1)" ]; then
  mvn -q -B -DskipTests package
fi
JAR=$ROOT/target/classicnlp.jar
NEWS=$OUT/20news
if [ ! -d "$NEWS/20news-bydate-train" ]; then
  mkdir -p "$NEWS" && tar -xzf "$DATA/en-docs/20news-bydate.tar.gz" -C "$NEWS"
fi
WIKI=$OUT/wiki-1m.txt
if [[ " $CORPORA " == *" wiki "* ]] && [ ! -f "$WIKI" ]; then
  $PY bench/tfidf_build_wiki1m.py "$DATA" "$WIKI"
fi

ROWS=()
# run LABEL OUTFILE CMD... : runs once, appends "wall rss_kb" to $OUT/runs.txt
run_once() {
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" > "$out" 2> "$OUT/stderr.txt" || { cat "$OUT/stderr.txt" >&2; exit 1; }
  cat "$OUT/time.txt"
}
# measure CORPUS DOCS LABEL REPS OUTFILE CMD...
measure() {
  local corpus=$1 docs=$2 label=$3 reps=$4 out=$5; shift 5
  local walls=() rsss=() rss=0 w m
  for ((i = 0; i < reps; i++)); do
    read -r w m < <(run_once "$out" "$@")
    walls+=("$w"); rsss+=("$((m / 1024))"); [ "$m" -gt "$rss" ] && rss=$m
  done
  local med; med=$(printf '%s\n' "${walls[@]}" | median)
  ROWS+=("$corpus|$label|$docs|$med|$rss")
  echo "  $corpus $label: ${walls[*]} s, peak RSS ${rsss[*]} MB" >&2
}

exec 9>/tmp/classicnlp-bench.lock
if [[ " $CORPORA " == *" 20news "* ]]; then
ND=$(find "$NEWS" -type f ! -name '.*' | wc -l)
flock 9
echo "20 Newsgroups ($ND docs), REPS=$REPS, our JVM: plain java -jar" >&2
measure 20news "$ND" "scikit-learn" "$REPS" "$OUT/news-sklearn.tsv" $PY bench/tfidf_sklearn_peer.py "$NEWS" /dev/stdout
for t in 1 2; do
  measure 20news "$ND" "ours, $t thread(s)" "$REPS" "$OUT/news-ours-$t.tsv" java -jar "$JAR" tfidf transform --fit --tokenizer whitespace --format tsv --input "$NEWS" --threads $t -q
done
measure 20news "$ND" "ours, default --threads ($(nproc))" "$REPS" "$OUT/news-ours-default.tsv" java -jar "$JAR" tfidf transform --fit --tokenizer whitespace --format tsv --input "$NEWS" -q
if [ -n "${JAVA_OPTS:-}" ]; then
  measure 20news "$ND" "ours, 2 threads, $JAVA_OPTS" "$REPS" "$OUT/news-ours-opts.tsv" java $JAVA_OPTS -jar "$JAR" tfidf transform --fit --tokenizer whitespace --format tsv --input "$NEWS" --threads 2 -q
fi
flock -u 9
echo "check 20news (ours vs scikit-learn):" >&2
$PY bench/tfidf_compare.py "$OUT/news-ours-2.tsv" "$OUT/news-sklearn.tsv" >&2
cmp -s "$OUT/news-ours-1.tsv" "$OUT/news-ours-2.tsv" && cmp -s "$OUT/news-ours-2.tsv" "$OUT/news-ours-default.tsv" \
  && echo "  1, 2 and default threads: byte-identical" >&2
fi

if [[ " $CORPORA " == *" wiki "* ]]; then
WD=$(wc -l < "$WIKI")
flock 9
echo "wiki-1m ($WD docs), one run each, ours with -Xmx512m" >&2
measure wiki-1m "$WD" "scikit-learn" 1 "$OUT/wiki-sklearn.tsv" $PY bench/tfidf_sklearn_peer.py "$WIKI" /dev/stdout
for t in 1 2; do
  measure wiki-1m "$WD" "ours, $t thread(s), -Xmx512m" 1 "$OUT/wiki-ours-$t.tsv" java -Xmx512m -jar "$JAR" tfidf transform --fit --tokenizer whitespace --format tsv --input "$WIKI" --threads $t -q
done
measure wiki-1m "$WD" "ours keywords --top 10, 2 threads, -Xmx512m" 1 "$OUT/wiki-keywords.tsv" java -Xmx512m -jar "$JAR" keywords --tokenizer whitespace --input "$WIKI" --threads 2 -q
flock -u 9
echo "check wiki-1m (ours vs scikit-learn):" >&2
$PY bench/tfidf_compare.py "$OUT/wiki-ours-2.tsv" "$OUT/wiki-sklearn.tsv" >&2
fi

printf '\n| corpus | run | docs | wall s (median) | docs/s | peak RSS MB (max) | wall / scikit-learn |\n|---|---|---:|---:|---:|---:|---:|\n'
declare -A BASE
for r in "${ROWS[@]}"; do
  IFS='|' read -r c l d w m <<< "$r"
  [ "$l" = "scikit-learn" ] && BASE[$c]=$w
  printf '| %s | %s | %d | %.2f | %.0f | %d | %.2f |\n' "$c" "$l" "$d" "$w" "$(echo "$d / $w" | bc -l)" $((m / 1024)) "$(echo "$w / ${BASE[$c]}" | bc -l)"
done
