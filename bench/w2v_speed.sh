#!/usr/bin/env bash
# Word2Vec speed, ours vs gensim, repeated: on a shared machine the load changes from run to run, so the two
# trainers alternate (the order flips every repetition) and the medians are compared.
# Same corpus and parameters as bench/w2v_bench.sh (run that first: it writes bench/out/w2v/en-norm.txt).
# Usage: bash bench/w2v_speed.sh     MODEL=cbow EPOCHS=3 REPS=3
source "$(dirname "$0")/common.sh"
need_deb python3-gensim bc
build_bench
W=$OUT/w2v
CORPUS=$W/en-norm.txt
JAR=$ROOT/target/classicnlp.jar
MODEL=${MODEL:-cbow}
EPOCHS=${EPOCHS:-3}
REPS=${REPS:-3}
[ -s "$CORPUS" ] || { echo "run bench/w2v_bench.sh first (writes $CORPUS)" >&2; exit 1; }
ours() {
  flock /tmp/classicnlp-bench.lock java -jar "$JAR" w2v train --input "$CORPUS" --output "$W/speed-ours.bin" \
    --model "$MODEL" --epochs "$EPOCHS" --threads 2 --tokenizer whitespace --no-progress 2> "$W/speed-ours.log"
  # vocabulary + training, as gensim's figure
  echo "$(grep -o 'tokens, [0-9]* ms' "$W/speed-ours.log" | awk '{print $2/1000}') + $(grep -o 'in [0-9.]* s' "$W/speed-ours.log" | awk '{print $2}')" | bc -l
}
gensim() {
  flock /tmp/classicnlp-bench.lock $PY bench/w2v/gensim_train.py "$CORPUS" "$MODEL" "$EPOCHS" 2 "$W/speed-gensim.bin" | cut -f4
}
: > "$W/speed.tsv"
for rep in $(seq 1 "$REPS"); do
  if [ $((rep % 2)) = 1 ]; then o=$(ours); g=$(gensim); else g=$(gensim); o=$(ours); fi
  printf '%s\t%.1f\t%.1f\n' "$rep" "$o" "$g" | tee -a "$W/speed.tsv" >&2
done
mo=$(cut -f2 "$W/speed.tsv" | median)
mg=$(cut -f3 "$W/speed.tsv" | median)
echo "| $MODEL, $EPOCHS epochs, 2 threads | ours | gensim | ours/gensim |"
echo "|---|---|---|---|"
awk -F'\t' '{printf "| run %s | %s s | %s s | %.2f |\n", $1, $2, $3, $2/$3}' "$W/speed.tsv"
printf '| median | %s s | %s s | %.2f |\n' "$mo" "$mg" "$(echo "$mo / $mg" | bc -l)"
