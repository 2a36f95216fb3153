#!/usr/bin/env bash
# Part-of-speech tagging: ours (HMM, perceptron) against NLTK's averaged perceptron and TnT and a
# most-frequent-tag baseline, same data, same run, one thread. People's Daily 1998: train days 01-28, test
# days 29-31 with gold segmentation; UD English EWT: train -> dev (UPOS and XPOS). Columns: accuracy all,
# known words, unknown words (word forms not in the training data), tokens, tokens/s of tagging alone
# (best of three passes; NLTK TnT one pass).
# Needs: mvn package, python3-nltk (apt-get install python3-nltk). Usage: bench/pos_bench.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
JAR=${JAR:-target/classicnlp.jar}
PY=${PYTHON:-/usr/bin/python3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT/classes" -cp "$JAR" bench/java/org/classicnlp/bench/PosBench.java
CP="$OUT/classes:$JAR"
PD="$DATA/peoples-daily-1998/199801.txt.gz"
EWT="$DATA/ud/UD_English-EWT/en_ewt-ud-train.conllu.gz"
java -jar "$JAR" train-tagger -q --algo hmm --input-format pd98 --days 1-28 --corpus "$PD" --output "$OUT/hmm-pd.bin"
java -jar "$JAR" train-tagger -q --algo hmm --input-format conllu --column upos --corpus "$EWT" --output "$OUT/hmm-upos.bin"
java -jar "$JAR" train-tagger -q --algo hmm --input-format conllu --column xpos --corpus "$EWT" --output "$OUT/hmm-xpos.bin"
for set in pd upos xpos; do
  case $set in
    pd) perc=models/pos-zh-pd98.bin; title="People's Daily 1998, days 29-31 (trained on 01-28)";;
    upos) perc=models/pos-en-ewt-upos.bin; title="UD English EWT dev, UPOS (trained on train)";;
    xpos) perc=models/pos-en-ewt-xpos.bin; title="UD English EWT dev, XPOS (trained on train)";;
  esac
  echo "## $title"
  printf 'tagger\tall\tknown\tunknown\ttokens\ttokens/s\n'
  java -Xmx2g -cp "$CP" org.classicnlp.bench.PosBench "ours-hmm" "$OUT/hmm-$set.bin" $set "$DATA"
  java -Xmx2g -cp "$CP" org.classicnlp.bench.PosBench "ours-perceptron" "$perc" $set "$DATA"
  "$PY" bench/pos_nltk.py $set "$DATA" ${PEERS:-mft nltk-perceptron nltk-tnt}
  echo
done
