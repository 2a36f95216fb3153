#!/usr/bin/env bash
# Small models of every kind the CLI writes, trained by the CLI from corpora/ (issue 18): the seeds of the
# model fuzz targets (bench/fuzz_seeds.sh) and the inputs of the truncation check (bench/truncated_models.sh).
# Usage: source bench/cli_models.sh; cli_models DIR [JAR]   (from the repository root)
cli_models() {
  local d=$1 jar=${2:-target/classicnlp.jar}
  local J="java -Xmx512m -jar $jar"
  mkdir -p "$d"
  head -8 corpora/seg-train.sighan.txt > "$d/seg.txt"
  head -4 corpora/pos-train.pd98.txt > "$d/pos.pd98"
  head -100 corpora/w2v-toy.txt > "$d/w2v.txt"
  $J train-segmenter --algo hmm --corpus "$d/seg.txt" --input-format sighan --output "$d/hmm.bin" -q
  $J train-segmenter --algo hybrid --corpus "$d/seg.txt" --input-format sighan --output "$d/hybrid.bin" -q
  $J train-segmenter --algo perceptron --corpus "$d/seg.txt" --input-format sighan --epochs 1 --output "$d/perceptron.bin" -q
  $J train-tagger --algo hmm --corpus "$d/pos.pd98" --input-format pd98 --output "$d/pos-hmm.bin" -q
  $J train-tagger --algo perceptron --corpus "$d/pos.pd98" --input-format pd98 --epochs 1 --output "$d/pos-perceptron.bin" -q
  $J tfidf fit --input corpora/tfidf-sample.txt --output "$d/model.tfidf" >/dev/null
  $J lm train --order 3 --input corpora/tfidf-sample.txt --output "$d/lm.bin" --discount-fallback -q
  $J lm train --order 3 --input corpora/tfidf-sample.txt --output "$d/lm.arpa" --discount-fallback -q
  $J w2v train --input "$d/w2v.txt" --output "$d/vec.bin" --dim 4 --min-count 1 --epochs 1 --packed "$d/vec.packed" -q
  $J w2v train --input "$d/w2v.txt" --output "$d/vec.txt" --dim 4 --min-count 1 --epochs 1 -q
  $J index build --embedder "$d/model.tfidf" --input corpora/docs-sample.jsonl --output "$d/idx" --hnsw --with-bm25 >/dev/null
  $J classify train --algo nb --input-format jsonl --input corpora/classify-train.jsonl --output "$d/classifier.bin" >/dev/null
}
