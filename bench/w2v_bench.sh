#!/usr/bin/env bash
# Word2Vec benchmark: ours vs gensim (Debian python3-gensim) vs DL4J Word2Vec, same corpus, same parameters.
#
# 1. Writes ONE normalized corpus that every trainer reads: the shared English Wikipedia slice, lower-cased,
#    punctuation dropped, one paragraph per line (bench/w2v/normalize_en.py -> bench/out/en-norm.txt).
# 2. For each model (sg, cbow) and epoch count: trains ours, gensim and (DL4J=1) DL4J with dim 100, window 5,
#    negative 5, sample 1e-3, min-count 5 and 2 threads; wall time covers vocabulary + training (not saving).
#    Each timed run holds /tmp/classicnlp-bench.lock so benchmarks do not overlap.
# 3. Evaluates every model's vectors with `w2v eval` (questions-words.txt, restricted to the 30,000 most
#    frequent words; WordSim-353) and, as a cross-check, with gensim's own evaluate_word_analogies
#    (restrict_vocab=30000) on the same files.
# 4. Interop: gensim loads our .bin and .txt and must find the same 10 nearest neighbours as `w2v similar`.
#
# Usage: bash bench/w2v_bench.sh            (from the repository root)
# On a shared machine other jobs change the load between runs: rerun and compare before trusting a ratio.
#   EPOCHS="5 3"  epoch counts to run (default "5")
#   MODELS="sg cbow"
#   DL4J=1        also run DL4J (slow; its jars come from the `bench` Maven profile only)
#   DL4J_MODELS="sg" models to run DL4J on (default: MODELS)
#   DL4J_EPOCHS=1 epochs for DL4J (its words/s is what the ratio needs; default: same as ours)
#   OURS_SIMD=1   also run ours with the optional Vector API kernels (java --add-modules jdk.incubator.vector)
source "$(dirname "$0")/common.sh"
need_deb python3-gensim python3-scipy python3-numpy bc
build_bench

EPOCHS=${EPOCHS:-5}
MODELS=${MODELS:-"sg cbow"}
THREADS=2
W=$OUT/w2v
mkdir -p "$W"
CORPUS=$W/en-norm.txt
QW=$DATA/wordvec-eval/questions-words.txt
WS=$DATA/wordvec-eval/wordsim353/combined.csv
JAR=$ROOT/target/classicnlp.jar

if [ ! -s "$CORPUS" ]; then
  $PY bench/w2v/normalize_en.py "$DATA/en-text" "$CORPUS"
fi
TOKENS=$(wc -w < "$CORPUS")
echo "corpus: $CORPUS ($TOKENS tokens)" >&2

RESULTS=$W/results.tsv
: > "$RESULTS"

evaluate() { # name model epochs wall file
  local name=$1 model=$2 epochs=$3 wall=$4 file=$5
  local ev acc sem syn sim gacc
  ev=$(java -jar "$JAR" w2v eval --vectors "$file" --analogy "$QW" --similarity "$WS" 2>/dev/null)
  acc=$(echo "$ev" | awk -F'\t' '$1=="analogy"{print $2" ("$3")"}')
  sem=$(echo "$ev" | awk -F'\t' '$1=="analogy.semantic"{print $2}')
  syn=$(echo "$ev" | awk -F'\t' '$1=="analogy.syntactic"{print $2}')
  sim=$(echo "$ev" | awk -F'\t' '$1=="similarity"{print $2}')
  gacc=$($PY bench/w2v/gensim_eval.py "$file" "$QW" 2>/dev/null)
  local wps
  wps=$(echo "$TOKENS * $epochs / $wall" | bc -l | xargs printf '%.0f')
  printf '%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$model" "$epochs" "$wall" "$wps" "$acc" "$sem" "$syn" \
    "$sim" "$gacc" | tee -a "$RESULTS" >&2
}

for epochs in $EPOCHS; do
  for model in $MODELS; do
    ours=$W/ours-$model-$epochs.bin
    gens=$W/gensim-$model-$epochs.bin
    # ours: the CLI as a user runs it; wall clock of the whole process minus nothing (JVM start included)
    flock /tmp/classicnlp-bench.lock /usr/bin/time -f %e -o "$W/ours-$model-$epochs.time" java -jar "$JAR" w2v train --input "$CORPUS" --output "$ours" --model "$model" \
      --dim 100 --window 5 --negative 5 --sample 1e-3 --min-count 5 --epochs "$epochs" --threads $THREADS \
      --tokenizer whitespace --no-progress 2> "$W/ours-$model-$epochs.log"
    # the trainer's own figure excludes JVM start and saving, like gensim's; use it for words/s
    t_ours=$(grep -o 'in [0-9.]* s' "$W/ours-$model-$epochs.log" | awk '{print $2}')
    v_ours=$(grep -o 'tokens, [0-9]* ms' "$W/ours-$model-$epochs.log" | awk '{print $2/1000}')
    t_ours=$(echo "$t_ours + $v_ours" | bc -l)
    t_ours_process=$(cat "$W/ours-$model-$epochs.time")
    if [ "${OURS_SIMD:-0}" = 1 ]; then
      # the same CLI with the optional Vector API kernels enabled
      flock /tmp/classicnlp-bench.lock java --add-modules jdk.incubator.vector -jar "$JAR" w2v train --input "$CORPUS" \
        --output "$W/simd-$model-$epochs.bin" --model "$model" --dim 100 --window 5 --negative 5 --sample 1e-3 \
        --min-count 5 --epochs "$epochs" --threads $THREADS --tokenizer whitespace --no-progress 2> "$W/simd-$model-$epochs.log"
      t_simd=$(grep -o 'in [0-9.]* s' "$W/simd-$model-$epochs.log" | awk '{print $2}')
      v_simd=$(grep -o 'tokens, [0-9]* ms' "$W/simd-$model-$epochs.log" | awk '{print $2/1000}')
      evaluate ours+simd "$model" "$epochs" "$(echo "$t_simd + $v_simd" | bc -l)" "$W/simd-$model-$epochs.bin"
    fi
    line=$(flock /tmp/classicnlp-bench.lock $PY bench/w2v/gensim_train.py "$CORPUS" "$model" "$epochs" $THREADS "$gens")
    t_gensim=$(echo "$line" | cut -f4)
    evaluate ours "$model" "$epochs" "$t_ours" "$ours"
    evaluate gensim "$model" "$epochs" "$t_gensim" "$gens"
    printf 'process\t%s\t%s\tours whole process (JVM start, vocabulary, training, saving): %.1f s\n' "$model" "$epochs" \
      "$t_ours_process" >&2
    if [ "${DL4J:-0}" = 1 ] && [[ " ${DL4J_MODELS:-$MODELS} " == *" $model "* ]]; then
      de=${DL4J_EPOCHS:-$epochs}
      dl=$W/dl4j-$model-$de.txt
      # DL4J 1.0.0-M2.1's batched CBOW fails in native code ("CBOW: context must have rank 0/1 or 2"); batch size 1
      # takes its unbatched path, which works
      batch=512
      [ "$model" = cbow ] && batch=1
      line=$(flock /tmp/classicnlp-bench.lock timeout 1200 java -Xmx8g -Ddl4j.batchSize=$batch -cp "$BENCH_CP" org.classicnlp.bench.Dl4jWord2VecBench \
        "$CORPUS" "$model" "$de" $THREADS "$dl" 2> "$W/dl4j-$model-$de.log" | grep '^dl4j' || true)
      if grep -q 'execution failed' "$W/dl4j-$model-$de.log"; then
        echo "dl4j $model FAILED: $(grep -m1 -o 'execution failed with message.*' "$W/dl4j-$model-$de.log")" | tee -a "$W/dl4j-failures.txt" >&2
      elif [ -n "$line" ]; then
        evaluate dl4j "$model" "$de" "$(echo "$line" | cut -f4)" "$dl"
      else
        echo "dl4j $model failed: see $W/dl4j-$model-$de.log" >&2
      fi
    fi
  done
done

# interop: gensim reads our .bin and .txt and finds the same neighbours as `w2v similar`; we read gensim's
# files (every gensim row above was evaluated by loading gensim's .bin with our library)
first=$(ls "$W"/ours-*.bin | head -1)
java -cp "$BENCH_CP" org.classicnlp.bench.W2vConvert "$first" "${first%.bin}.txt"
$PY bench/w2v/interop.py "$JAR" "$first" "${first%.bin}.txt" | tee "$W/interop.txt"

echo
echo "Word2Vec on the normalized English Wikipedia slice ($TOKENS tokens), dim 100, window 5, negative 5, sample 1e-3, min-count 5, $THREADS threads"
printf '| trainer | model | epochs | wall s | words/s | analogy (correct/attempted) | semantic | syntactic | WS353 rho | gensim-eval analogy |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10}' "$RESULTS"
echo
echo "Ratios (same run):"
awk -F'\t' '{k=$2"/"$3; t[$1,k]=$4; w[$1,k]=$5; a[$1,k]=$6; keys[k]=1}
  END {for (k in keys) {
    if (t["gensim",k] && t["ours",k]) printf "  %s: ours wall / gensim wall = %.2f; analogy ours %s vs gensim %s\n", k, t["ours",k]/t["gensim",k], a["ours",k], a["gensim",k];
    split(k, mk, "/"); if (w["ours",k]) for (kk in keys) { split(kk, mm, "/"); if (mm[1]==mk[1] && w["dl4j",kk]) printf "  %s: ours words/s / DL4J words/s (%s epochs) = %.1f\n", k, mm[2], w["ours",k]/w["dl4j",kk]; }
  }}' "$RESULTS"
