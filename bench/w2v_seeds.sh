#!/usr/bin/env bash
# Word2Vec quality, repeated seeds: is the gap between ours and gensim noise or systematic?
# Trains ours and gensim SEEDS times each on the SAME analysed tokens (bench/out/w2v/{lang}-analyzed.txt, written by
# bench/java/.../AnalyzedCorpus.java with the shipped vectors' analyzer; ours reads it with --tokenizer whitespace),
# skip-gram, dim 100, window 5, negative 5, sample 1e-3, min-count 5, 5 epochs, 2 threads, seeds 1..SEEDS, under
# `nice -n 10`. Two lanes run at once (lane 1: ours s1, gensim s2, ours s3, ...; lane 2: gensim s1, ours s2, ...),
# so load drift hits both trainers alike. Existing outputs are reused (bench/out/w2v/seeds/{lang}-{trainer}-s{N}.bin).
# Then, for every run, `w2v eval` on: raw float vectors (all words; and the 50,000 most frequent), packed (the
# 50,000 most frequent words, 6 bits, one scale per row: PackedVectors' quantiser through bench QuantLoss, with
# the mean cosine of each packed row to its float row), post-processed over all words (`w2v postprocess`:
# all-but-the-top, D = dim/100 = 1 principal component, Mu & Viswanath 2018) and the shipped files' route
# (`w2v postprocess` on the packed 50,000 rows, packed again at 6 bits).
# English: WordSim-353 set1, set2, combined and questions-words (30,000 most frequent words);
# Chinese: CA8 morphological and semantic (30,000 most frequent words).
# Usage: bash bench/w2v_seeds.sh    (LANGS="en zh", SEEDS=3, TRAIN_ONLY=1 to skip the evaluation)
# Prints one table per language; bench/out/w2v/seeds/{lang}-table.md keeps it.
source "$(dirname "$0")/common.sh"
need_deb python3-gensim python3-numpy
# NO_BUILD=1 with JAR and BENCH_CP set: use copies (e.g. while another build runs in target/)
[ "${NO_BUILD:-0}" = 1 ] || build_bench
JAR=${JAR:-$ROOT/target/classicnlp.jar}
W=$OUT/w2v
S=$W/seeds
mkdir -p "$S"
EV=$DATA/wordvec-eval
SEEDS=${SEEDS:-3}
SETTINGS="--model sg --dim 100 --window 5 --negative 5 --sample 1e-3 --min-count 5 --epochs 5 --threads 2"

train() { # LANG TRAINER SEED
  local lang=$1 tr=$2 seed=$3 out=$S/$1-$2-s$3.bin corpus=$W/$1-analyzed.txt
  [ -s "$out" ] && return 0
  if [ "$tr" = ours ]; then
    nice -n 10 java -Xmx3g -jar "$JAR" w2v train --input "$corpus" --output "$out.tmp.bin" $SETTINGS --seed "$seed" \
      --tokenizer whitespace -q 2> "$S/$lang-$tr-s$seed.log"
  else
    nice -n 10 $PY bench/w2v/gensim_train.py "$corpus" sg 5 2 "$out.tmp.bin" "$seed" > "$S/$lang-$tr-s$seed.log" 2>&1
  fi
  mv "$out.tmp.bin" "$out"
}

for lang in ${LANGS:-en zh}; do
  corpus=$W/$lang-analyzed.txt
  [ -s "$corpus" ] || java -cp "$BENCH_CP" org.classicnlp.bench.AnalyzedCorpus "$DATA/$lang-text" "$corpus"
  lane() { # FIRST SECOND
    local s t
    for s in $(seq 1 "$SEEDS"); do
      if [ $((s % 2)) = 1 ]; then t=$1; else t=$2; fi
      train "$lang" "$t" "$s"
    done
  }
  lane ours gensim &
  p1=$!
  lane gensim ours &
  p2=$!
  wait $p1 $p2
done
[ "${TRAIN_ONLY:-0}" = 1 ] && exit 0

ev() { # FILE LANG -> "| cell | cell ..."
  local f=$1 lang=$2
  if [ "$lang" = en ]; then
    java -jar "$JAR" w2v eval --vectors "$f" --similarity "$EV/wordsim353/set1.csv" --similarity "$EV/wordsim353/set2.csv" \
      --similarity "$EV/wordsim353/combined.csv" --analogy "$EV/questions-words.txt" -q \
      | awk -F'\t' '$1=="analogy"||$1=="similarity"{printf " %s |", $2}'
  else
    java -jar "$JAR" w2v eval --vectors "$f" --analogy "$EV/CA8/morphological.txt" --analogy "$EV/CA8/semantic.txt" -q \
      | awk -F'\t' '$1=="analogy"{printf " %s |", $2}'
  fi
}

for lang in ${LANGS:-en zh}; do
  T=$S/$lang-table.md
  {
    if [ "$lang" = en ]; then
      echo "| trainer | seed | vectors | WS353 set1 (sim) | WS353 set2 | WS353 combined | questions-words (30k) |"
      echo "|---|---|---|---|---|---|---|"
    else
      echo "| trainer | seed | vectors | CA8 morphological (30k) | CA8 semantic (30k) |"
      echo "|---|---|---|---|---|"
    fi
    for tr in ours gensim; do
      for s in $(seq 1 "$SEEDS"); do
        f=$S/$lang-$tr-s$s.bin
        b=$S/$lang-$tr-s$s
        [ "$(stat -c %s "$f" 2>/dev/null || echo 0)" -gt 1000 ] || continue
        # packed: the 50,000 most frequent rows at 6 bits, one scale per row (PackedVectors' quantiser)
        java -cp "$BENCH_CP" org.classicnlp.word2vec.QuantLoss "$f" 50000 "$b-50k" 6 > "$b-quant.tsv"
        cos=$(awk -F'\t' '$1=="6"{print $3}' "$b-quant.tsv")
        # post-processed as the shipped files are: w2v postprocess on the packed rows, then packed again
        java -jar "$JAR" w2v postprocess --vectors "$b-50k-6bit.bin" --output "$b-50k-6bit-abtt.bin" -q
        java -cp "$BENCH_CP" org.classicnlp.word2vec.QuantLoss "$b-50k-6bit-abtt.bin" 50000 "$b-shippedroute" 6 > /dev/null
        # post-processed over all words, float
        java -jar "$JAR" w2v postprocess --vectors "$f" --output "$b-abtt.bin" -q
        echo "| $tr | $s | raw, all words |$(ev "$f" $lang)"
        echo "| $tr | $s | raw, 50k float |$(ev "$b-50k-float.bin" $lang)"
        echo "| $tr | $s | packed (50k, 6 bits; row cosine $cos) |$(ev "$b-50k-6bit.bin" $lang)"
        echo "| $tr | $s | post-processed, all words, float |$(ev "$b-abtt.bin" $lang)"
        echo "| $tr | $s | packed, post-processed, packed again (as shipped) |$(ev "$b-shippedroute-6bit.bin" $lang)"
      done
    done
  } > "$T"
  echo "== $lang (load $(cut -d' ' -f1-3 /proc/loadavg))"
  cat "$T"
done
