#!/usr/bin/env bash
# Word2Vec, repeated runs of one configuration (issue #9): trains the same job RUNS times with 2 threads, ours
# and gensim's, and prints every run's exit code, process wall time, training time and peak RSS, then medians
# and ratios (ours / gensim) and the analogy accuracy of each trainer's first run.
#
# Configuration: the normalized English Wikipedia slice (bench/w2v/normalize_en.py), dim 100, window 5,
# negative 5, sample 1e-3, min-count 5, seed 1, 2 threads; ours as a user runs it, a plain
# `java -jar target/classicnlp.jar w2v train ... --tokenizer whitespace` (no JVM options).
# Peak RSS is /usr/bin/time's maximum resident set size of the whole process. Each run holds
# /tmp/classicnlp-bench.lock; the order of ours and gensim flips every run, as load on a shared machine drifts.
#
# Usage: bash bench/w2v_repeat.sh     (from the repository root)
#   RUNS=5          runs per trainer and model
#   EPOCHS=5        epochs per run
#   MODELS="sg cbow"
#   TRAINERS="ours gensim"  add "lines" for the library's fitPreTokenized path
#                   (bench/java/.../W2vTrainLines.java, plain `java -cp`, no JVM options)
#   EVAL=1          evaluate each trainer's first run (questions-words, 30,000 most frequent words)
source "$(dirname "$0")/common.sh"
need_deb python3-gensim python3-scipy python3-numpy bc time
build_bench

RUNS=${RUNS:-5}
EPOCHS=${EPOCHS:-5}
MODELS=${MODELS:-"sg cbow"}
TRAINERS=${TRAINERS:-"ours gensim"}
EVAL=${EVAL:-1}
THREADS=2
W=$OUT/w2v
R=$W/repeat
mkdir -p "$R"
CORPUS=$W/en-norm.txt
QW=$DATA/wordvec-eval/questions-words.txt
JAR=$ROOT/target/classicnlp.jar
LOCK=/tmp/classicnlp-bench.lock

if [ ! -s "$CORPUS" ]; then
  $PY bench/w2v/normalize_en.py "$DATA/en-text" "$CORPUS"
fi

TSV=$R/runs.tsv
: > "$TSV"

# run_one TRAINER MODEL RUN: appends "trainer model run exit wall_s train_s rss_mb error" to $TSV
run_one() {
  local trainer=$1 model=$2 run=$3
  local base=$R/$trainer-$model-$run
  local out=$base.bin log=$base.log tf=$base.time
  rm -f "$out"
  case $trainer in
    ours)
      flock "$LOCK" /usr/bin/time -f '%x %e %M' -o "$tf" java -jar "$JAR" w2v train --input "$CORPUS" \
        --output "$out" --model "$model" --dim 100 --window 5 --negative 5 --sample 1e-3 --min-count 5 \
        --epochs "$EPOCHS" --threads $THREADS --seed 1 --tokenizer whitespace --no-progress 2> "$log" || true ;;
    lines)
      flock "$LOCK" /usr/bin/time -f '%x %e %M' -o "$tf" java -cp "$JAR:$ROOT/target/bench-classes" \
        org.classicnlp.bench.W2vTrainLines "$CORPUS" "$model" "$EPOCHS" $THREADS "$out" 2> "$log" || true ;;
    gensim)
      flock "$LOCK" /usr/bin/time -f '%x %e %M' -o "$tf" $PY bench/w2v/gensim_train.py "$CORPUS" "$model" \
        "$EPOCHS" $THREADS "$out" > "$base.out" 2> "$log" || true ;;
  esac
  local exit wall rss train err
  read -r exit wall rss < <(tail -1 "$tf")
  rss=$(( rss / 1024 ))
  if [ "$trainer" = gensim ]; then
    train=$(cut -f4 "$base.out" 2>/dev/null || true)
  else
    # vocabulary + training, as gensim's own figure
    local v t
    v=$(grep -o 'tokens, [0-9]* ms' "$log" | awk '{print $2/1000}' || true)
    t=$(grep -o 'in [0-9.]* s' "$log" | awk '{print $2}' || true)
    train=$( [ -n "$v" ] && [ -n "$t" ] && echo "$v + $t" | bc -l | xargs printf '%.1f' || true)
  fi
  err=$(grep -m1 '^error:' "$log" 2>/dev/null || true)
  [ "$exit" != 0 ] && [ -z "$err" ] && err=$(tail -1 "$log")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$trainer" "$model" "$run" "$exit" "$wall" "${train:--}" "$rss" \
    "$err" | tee -a "$TSV" >&2
}

for model in $MODELS; do
  for run in $(seq 1 "$RUNS"); do
    order=$TRAINERS
    [ $((run % 2)) = 0 ] && order=$(echo "$TRAINERS" | tr ' ' '\n' | tac | tr '\n' ' ')
    for trainer in $order; do
      run_one "$trainer" "$model" "$run"
    done
  done
done

ACC=$R/accuracy.tsv
: > "$ACC"
if [ "$EVAL" = 1 ]; then
  for model in $MODELS; do
    for trainer in $TRAINERS; do
      f=$R/$trainer-$model-1.bin
      [ -s "$f" ] || continue
      a=$(java -jar "$JAR" w2v eval --vectors "$f" --analogy "$QW" 2>/dev/null | awk -F'\t' '$1=="analogy"{print $2}')
      printf '%s\t%s\t%s\n' "$trainer" "$model" "$a" >> "$ACC"
    done
  done
fi

echo
echo "Word2Vec repeated runs: $RUNS × $EPOCHS epochs, 2 threads, normalized English Wikipedia slice ($(wc -w < "$CORPUS") tokens)"
echo "| trainer | model | run | exit | wall s (process) | vocab+train s | peak RSS MB | error |"
echo "|---|---|---|---|---|---|---|---|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8}' "$TSV"
echo
echo "| model | trainer | runs ok | median wall s | median vocab+train s | median peak RSS MB | analogy (run 1) |"
echo "|---|---|---|---|---|---|---|"
for model in $MODELS; do
  for trainer in $TRAINERS; do
    sel() { awk -F'\t' -v t="$trainer" -v m="$model" -v c="$1" '$1==t && $2==m {print $c}' "$TSV"; }
    ok=$(awk -F'\t' -v t="$trainer" -v m="$model" '$1==t && $2==m && $4==0' "$TSV" | wc -l)
    n=$(sel 4 | wc -l)
    mw=$(sel 5 | median); mt=$(sel 6 | grep -v '^-$' | median || true); mr=$(sel 7 | median)
    acc=$(awk -F'\t' -v t="$trainer" -v m="$model" '$1==t && $2==m {print $3}' "$ACC")
    printf '| %s | %s | %s/%s | %s | %s | %s | %s |\n' "$model" "$trainer" "$ok" "$n" "$mw" "${mt:--}" "$mr" "${acc:--}"
    printf '%s\t%s\t%s\t%s\t%s\n' "$model" "$trainer" "$mw" "$mt" "$mr" >> "$R/medians.tsv.$$"
  done
done
echo
echo "Ratios of medians (same run):"
awk -F'\t' '{w[$1,$2]=$3; t[$1,$2]=$4; r[$1,$2]=$5; m[$1]=1; tr[$2]=1}
  END {for (k in m) for (x in tr) if (x != "gensim" && r[k,x] && r[k,"gensim"])
    printf "  %s %s/gensim: peak RSS %.2f, process wall %.2f, vocab+train %.2f\n", k, x, r[k,x]/r[k,"gensim"],
      w[k,x]/w[k,"gensim"], (t[k,"gensim"] ? t[k,x]/t[k,"gensim"] : 0)}' "$R/medians.tsv.$$"
rm -f "$R/medians.tsv.$$"
