#!/usr/bin/env bash
# Domain adaptation of the shipped English vectors, measured downstream: 20 Newsgroups (bydate) topic
# classification with SIF document embeddings, before and after `w2v train --init en` on the 20NG training
# split (headers removed, one document per line; the test split is never trained on).
#
#   before   : w2v-sif-en, the shipped vectors (50,000 words, 6 bits)
#   adapted  : w2v train --init en on the training split (sg, dim 100, window 5, negative 5, sample 1e-3,
#              min-count 5, 5 epochs), all words kept (--packed-words 0), SIF from the merged counts
#   scratch  : the same training without --init (vectors of the training split alone), for comparison
#   tfidf-hash-en-1024: the shipped IDF with feature hashing, as a non-word-vector reference
# Classifier: scikit-learn LogisticRegression on the exported embeddings (bench/w2v/ng20_classify.py, fixed
# settings, nothing tuned on the test split). Prints accuracy and macro-F1 on the 7,532 test documents.
# Usage: bash bench/w2v_adapt_20ng.sh     (SCRATCH=0 skips the scratch row)
source "$(dirname "$0")/common.sh"
need_deb python3-sklearn python3-numpy
build_bench
W=$OUT/w2v-20ng
mkdir -p "$W"
JAR=$ROOT/target/classicnlp.jar
[ -s "$W/train.txt" ] || $PY bench/w2v/ng20_prep.py "$DATA/en-docs/20news-bydate.tar.gz" "$W"
TRAIN_OPTS="--model sg --dim 100 --window 5 --negative 5 --sample 1e-3 --min-count 5 --epochs 5 --threads 2 --seed 1"
if [ ! -s "$W/adapted.bin" ]; then
  /usr/bin/time -f %e -o "$W/adapted.time" nice -n 10 java -Xmx3g -jar "$JAR" w2v train --init en --input "$W/train.txt" \
    --input-format lines --output "$W/adapted-float.bin" --packed "$W/adapted.bin" --packed-words 0 $TRAIN_OPTS -q
fi
if [ "${SCRATCH:-1}" = 1 ] && [ ! -s "$W/scratch.bin" ]; then
  /usr/bin/time -f %e -o "$W/scratch.time" nice -n 10 java -Xmx3g -jar "$JAR" w2v train --input "$W/train.txt" \
    --input-format lines --output "$W/scratch-float.bin" --packed "$W/scratch.bin" --packed-words 0 $TRAIN_OPTS \
    --tokenizer default --lowercase --drop-symbols -q
fi
embedders="w2v-sif-en sif:$W/adapted.bin tfidf-hash-en-1024 w2v-mean-en mean:$W/adapted.bin"
[ "${SCRATCH:-1}" = 1 ] && embedders="$embedders sif:$W/scratch.bin"
: > "$W/results.tsv"
for e in $embedders; do
  tag=$(echo "$e" | sed "s#:.*/#-#; s#\.bin##")   # sif:DIR/adapted.bin -> sif-adapted
  for split in train test; do
    java -Xmx3g -cp "$BENCH_CP" org.classicnlp.bench.EmbedLines "$e" "$W/$split.txt" "$W/$tag.$split.emb"
  done
  $PY bench/w2v/ng20_classify.py "$tag" "$W/$tag.train.emb" "$W/train.labels" "$W/$tag.test.emb" "$W/test.labels" \
    | tee -a "$W/results.tsv"
done
words() { java -jar "$JAR" w2v eval --vectors "$1" --similarity "$DATA/wordvec-eval/wordsim353/combined.csv" -q \
  | awk -F'\t' '$1=="similarity"{print $2" ("$3")"}'; }
echo
echo "20 Newsgroups bydate, headers removed; LogisticRegression on document embeddings; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| embedder | test accuracy | macro-F1 |\n|---|---|---|\n'
awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $3}' "$W/results.tsv"
echo
echo "adaptation: $(cat "$W/adapted.time" 2>/dev/null) s wall; vocabulary shipped 50000 -> adapted $(java -cp "$BENCH_CP" org.classicnlp.bench.PackedInfo "$W/adapted.bin")"
echo "WordSim-353 (general-domain similarity) before: $(words en)  after: $(words "$W/adapted.bin")"
