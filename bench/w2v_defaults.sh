#!/usr/bin/env bash
# The shipped default word vectors (models/w2v-zh.bin, models/w2v-en.bin) against gensim trained on the same
# analysed tokens with the same settings, and the cost of shipping them compactly.
#
# 1. Analyses each Wikipedia slice once with the shipped vectors' analyzer (DefaultVectors.ANALYZER_SPEC:
#    standard segmenter, width folding, Traditional->Simplified, lower case, symbols dropped), one paragraph
#    per line (bench/java/.../AnalyzedCorpus.java -> bench/out/w2v/{zh,en}-analyzed.txt). gensim reads this.
# 2. Trains ours with the rebuild command of models/README.md (the raw slice through the same analyzer,
#    which gives the same tokens) and gensim on the analysed file: skip-gram, dim 100, window 5, negative 5,
#    sample 1e-3, min-count 5, 5 epochs, seed 1, 2 threads, under `nice -n 10`, one after the other.
#    Existing outputs are reused (delete bench/out/w2v/{zh,en}-{ours,gensim}-sg.bin to retrain).
# 3. Evaluates with `w2v eval`: English on questions-words (30,000 most frequent words) and WordSim-353
#    (combined, set1, set2); Chinese on CA8 morphological and semantic (30,000 most frequent and all words).
#    Rows: ours (float, all words), ours shipped (50,000 words, 6 bits, then `w2v postprocess`, all-but-the-top
#    D = 1, as models/README.md builds it), gensim (float, all words), and
#    gensim cut to the same 50,000 words at 6 bits, so the shipped file is compared at equal coverage too.
# 4. The cost of compactness: ours cut to 50,000 words as float and at QUANT_BITS (default "8 4"; the shipped
#    file is the 6-bit row) bits (QuantLoss), with the mean cosine of each quantised row to its float row.
# Usage: bash bench/w2v_defaults.sh    (LANGS="en zh", QUANT_BITS="8 7 5 4")
source "$(dirname "$0")/common.sh"
need_deb python3-gensim python3-numpy bc
build_bench
W=$OUT/w2v
mkdir -p "$W"
JAR=$ROOT/target/classicnlp.jar
EV=$DATA/wordvec-eval
SETTINGS="--model sg --dim 100 --window 5 --negative 5 --sample 1e-3 --min-count 5 --epochs 5 --threads 2 --seed 1"

ev() { # FILE LANG -> table cells (one JVM per file and vocabulary restriction)
  local f=$1 lang=$2
  if [ "$lang" = en ]; then
    java -jar "$JAR" w2v eval --vectors "$f" --analogy "$EV/questions-words.txt" --similarity "$EV/wordsim353/combined.csv" \
      --similarity "$EV/wordsim353/set1.csv" --similarity "$EV/wordsim353/set2.csv" -q \
      | awk -F'\t' '$1=="analogy"||$1=="similarity"{c[++n]=$2" ("$3")"} END{printf "%s | %s | %s | %s", c[1], c[2], c[3], c[4]}'
  else
    local a b
    a=$(java -jar "$JAR" w2v eval --vectors "$f" --analogy "$EV/CA8/morphological.txt" --analogy "$EV/CA8/semantic.txt" -q \
      | awk -F'\t' '$1=="analogy"{c[++n]=$2" ("$3")"} END{printf "%s | %s", c[1], c[2]}')
    b=$(java -jar "$JAR" w2v eval --vectors "$f" --analogy "$EV/CA8/morphological.txt" --analogy "$EV/CA8/semantic.txt" \
      --restrict 0 -q | awk -F'\t' '$1=="analogy"{c[++n]=$2" ("$3")"} END{printf "%s | %s", c[1], c[2]}')
    echo "$a | $b"
  fi
}

for lang in ${LANGS:-en zh}; do
  corpus=$W/$lang-analyzed.txt
  [ -s "$corpus" ] || java -cp "$BENCH_CP" org.classicnlp.bench.AnalyzedCorpus "$DATA/$lang-text" "$corpus"
  if [ ! -s "$W/$lang-ours-sg.bin" ]; then
    flock /tmp/classicnlp-bench.lock /usr/bin/time -f %e -o "$W/$lang-ours-sg.time" nice -n 10 java -Xmx4g -jar "$JAR" \
      w2v train --input "$DATA/$lang-text" --output "$W/$lang-ours-sg.bin" --packed "$W/w2v-$lang-raw.bin" \
      --packed-words 50000 --packed-bits 6 $SETTINGS --tokenizer default --lowercase --drop-symbols -q
  fi
  # the shipped files are post-processed (all-but-the-top, D = 1) after packing, as in models/README.md
  [ -s "$W/w2v-$lang.bin" ] || java -jar "$JAR" w2v postprocess --vectors "$W/w2v-$lang-raw.bin" \
      --output "$W/w2v-$lang.bin" -q
  if [ ! -s "$W/$lang-gensim-sg.bin" ]; then
    flock /tmp/classicnlp-bench.lock nice -n 10 $PY bench/w2v/gensim_train.py "$corpus" sg 5 2 "$W/$lang-gensim-sg.bin" \
      > "$W/$lang-gensim-sg.log"
  fi
  shipped=$W/w2v-$lang.bin
  [ -s "$shipped" ] || shipped=$ROOT/models/w2v-$lang.bin
  java -cp "$BENCH_CP" org.classicnlp.word2vec.QuantLoss "$W/$lang-ours-sg.bin" 50000 "$W/$lang-ours-50k" ${QUANT_BITS:-8 4} \
    > "$W/$lang-quant.tsv"
  java -cp "$BENCH_CP" org.classicnlp.word2vec.QuantLoss "$W/$lang-gensim-sg.bin" 50000 "$W/$lang-gensim-50k" 6 \
    > "$W/$lang-gensim-quant.tsv"
  {
    if [ "$lang" = en ]; then
      echo "| vectors | words | analogy (30k) | WS353 combined | WS353 set1 | WS353 set2 |"
      echo "|---|---|---|---|---|---|"
    else
      echo "| vectors | words | CA8 morph (30k) | CA8 semantic (30k) | CA8 morph (all) | CA8 semantic (all) |"
      echo "|---|---|---|---|---|---|"
    fi
    echo "| ours float | all | $(ev "$W/$lang-ours-sg.bin" $lang) |"
    echo "| gensim float | all | $(ev "$W/$lang-gensim-sg.bin" $lang) |"
    echo "| **ours shipped** ($(stat -c %s "$shipped") bytes) | 50,000, 6 bits | $(ev "$shipped" $lang) |"
    echo "| gensim | 50,000, 6 bits | $(ev "$W/$lang-gensim-50k-6bit.bin" $lang) |"
    while IFS=$'\t' read -r bits file cos _; do
      echo "| ours $bits (row cosine to float $cos) | 50,000 | $(ev "$file" $lang) |"
    done < "$W/$lang-quant.tsv"
  } > "$W/$lang-defaults.md"
  echo "== $lang: load $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$W/$lang-defaults.md"
done
