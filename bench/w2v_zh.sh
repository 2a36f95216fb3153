#!/usr/bin/env bash
# Chinese Word2Vec benchmark: the shared Chinese Wikipedia slice converted to Simplified Chinese (HanLP's
# converter), segmented by our standard segmenter (Segmenters.standard(): bidirectional max-match over HanLP's
# core dictionary), punctuation dropped (bench/java/.../ZhCorpusPrep.java -> bench/out/w2v/zh-norm.txt).
# Ours and gensim train on it (dim 100, window 5, negative 5, sample 1e-3, min-count 5, 5 epochs, 2 threads)
# and are evaluated on CA8 (morphological and semantic analogies), restricted to the 30,000 most frequent
# words as for English, and over the whole vocabulary (--restrict 0).
# Usage: bash bench/w2v_zh.sh   (MODELS="sg cbow", EPOCHS=5)
source "$(dirname "$0")/common.sh"
need_deb python3-gensim bc
build_bench
W=$OUT/w2v
mkdir -p "$W"
CORPUS=$W/zh-norm.txt
JAR=$ROOT/target/classicnlp.jar
EPOCHS=${EPOCHS:-5}
if [ ! -s "$CORPUS" ]; then
  java -cp "$BENCH_CP" org.classicnlp.bench.ZhCorpusPrep "$DATA/zh-text" "$CORPUS"
fi
CA8=$DATA/wordvec-eval/CA8
printf '| trainer | model | wall s (vocabulary + training) | CA8 morphological (30k) | CA8 semantic (30k) | morphological (all) | semantic (all) |\n|---|---|---|---|---|---|---|\n' > "$W/zh-results.md"
for model in ${MODELS:-"sg cbow"}; do
  flock /tmp/classicnlp-bench.lock java -jar "$JAR" w2v train --input "$CORPUS" --output "$W/zh-ours-$model.bin" \
    --model "$model" --epochs "$EPOCHS" --threads 2 --tokenizer whitespace --no-progress 2> "$W/zh-ours-$model.log"
  # vocabulary + training, as gensim's figure
  t_ours=$(echo "$(grep -o 'tokens, [0-9]* ms' "$W/zh-ours-$model.log" | awk '{print $2/1000}') + $(grep -o 'in [0-9.]* s' "$W/zh-ours-$model.log" | awk '{print $2}')" | bc -l)
  line=$(flock /tmp/classicnlp-bench.lock $PY bench/w2v/gensim_train.py "$CORPUS" "$model" "$EPOCHS" 2 "$W/zh-gensim-$model.bin")
  t_gensim=$(echo "$line" | cut -f4)
  for who in ours gensim; do
    f=$W/zh-$who-$model.bin
    t=$([ $who = ours ] && echo "$t_ours" || echo "$t_gensim")
    row="| $who | $model | $t"
    for r in 30000 0; do
      for set in morphological semantic; do
        row="$row | $(java -jar "$JAR" w2v eval --vectors "$f" --analogy "$CA8/$set.txt" --restrict $r 2>/dev/null \
          | awk -F'\t' '$1=="analogy"{print $2" ("$3")"}')"
      done
    done
    echo "$row |" >> "$W/zh-results.md"
  done
done
cat "$W/zh-results.md"
