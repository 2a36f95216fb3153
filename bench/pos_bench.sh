#!/usr/bin/env bash
# Part-of-speech tagging: ours (HMM, perceptron) against CoreNLP's english-left3words tagger (EWT XPOS),
# NLTK's averaged perceptron and TnT and a most-frequent-tag baseline, same data, same run, one thread.
# People's Daily 1998: train days 01-28, test days 29-31 with gold segmentation; UD English EWT: train -> dev
# (UPOS and XPOS). Columns: accuracy all, known words, unknown words (word forms not in the training data),
# tokens, tokens/s of tagging alone: best of three passes, the median pass and the first pass (cold JIT; for
# our perceptron also its word cache empty; NLTK TnT one pass) and the best pass by the tagging thread's CPU
# time (Java taggers; steadier than wall time on a loaded machine). The Java taggers (ours and CoreNLP) run in
# one JVM with their passes interleaved (PosBench); then the Python peers. CoreNLP tags Penn tags: on the
# UPOS set it is timed on the same tokens (accuracy -), for the speed ratio.
# HMM=0 leaves our HMM out (no HMM training: a quicker speed run).
# CoreNLP (GPL-3.0) is fetched into ~/.m2 by Maven (the version of pom.xml), never into the library.
# Needs: mvn package, python3-nltk (apt-get install python3-nltk). Usage: bench/pos_bench.sh [DATA_DIR]
# PEERS overrides the Python peers (default "mft nltk-perceptron nltk-tnt"); CORENLP=0 leaves CoreNLP out;
# SETS picks the data sets (default "pd upos xpos").
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
JAR=${JAR:-target/classicnlp.jar}
PY=${PYTHON:-/usr/bin/python3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT/classes" -cp "$JAR" bench/java/org/classicnlp/bench/PosBench.java
CP="$OUT/classes:$JAR"
if [ "${CORENLP:-1}" = 1 ]; then
  CNV=$(sed -n 's:.*<corenlp.version>\(.*\)</corenlp.version>.*:\1:p' pom.xml)
  CN="${M2_REPO:-$HOME/.m2/repository}/edu/stanford/nlp/stanford-corenlp/$CNV"
  if [ ! -f "$CN/stanford-corenlp-$CNV-models.jar" ] || [ ! -f "$CN/stanford-corenlp-$CNV.jar" ]; then
    mvn -B -ntp -q dependency:get -Dartifact="edu.stanford.nlp:stanford-corenlp:$CNV" -Dtransitive=false
    mvn -B -ntp -q dependency:get -Dartifact="edu.stanford.nlp:stanford-corenlp:$CNV:jar:models" -Dtransitive=false
  fi
  CP="$CP:$CN/stanford-corenlp-$CNV.jar:$CN/stanford-corenlp-$CNV-models.jar"
fi
PD="$DATA/peoples-daily-1998/199801.txt.gz"
EWT="$DATA/ud/UD_English-EWT/en_ewt-ud-train.conllu.gz"
if [ "${HMM:-1}" = 1 ]; then
  java -jar "$JAR" train-tagger -q --algo hmm --input-format pd98 --days 1-28 --corpus "$PD" --output "$OUT/hmm-pd.bin"
  java -jar "$JAR" train-tagger -q --algo hmm --input-format conllu --column upos --corpus "$EWT" --output "$OUT/hmm-upos.bin"
  java -jar "$JAR" train-tagger -q --algo hmm --input-format conllu --column xpos --corpus "$EWT" --output "$OUT/hmm-xpos.bin"
fi
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for set in ${SETS:-pd upos xpos}; do
  peers=()
  case $set in
    pd) perc=models/pos-zh-pd98.bin; title="People's Daily 1998, days 29-31 (trained on 01-28)";;
    upos) perc=models/pos-en-ewt-upos.bin; title="UD English EWT dev, UPOS (trained on train)"
      [ "${CORENLP:-1}" = 1 ] && peers=("corenlp-left3words=corenlp:left3words");;
    xpos) perc=models/pos-en-ewt-xpos.bin; title="UD English EWT dev, XPOS (trained on train; CoreNLP's model was trained on EWT train and more)"
      [ "${CORENLP:-1}" = 1 ] && peers=("corenlp-left3words=corenlp:left3words");;
  esac
  echo "## $title"
  printf 'tagger\tall\tknown\tunknown\ttokens\ttokens/s best\ttokens/s median\ttokens/s first\ttokens/s cpu best\n'
  hmm=(); [ "${HMM:-1}" = 1 ] && hmm=("ours-hmm=$OUT/hmm-$set.bin")
  java -Xmx3g -cp "$CP" org.classicnlp.bench.PosBench $set "$DATA" "${hmm[@]}" \
    "ours-perceptron=$perc" "${peers[@]}" | tee "$OUT/java-$set.tsv"
  "$PY" bench/pos_nltk.py $set "$DATA" ${PEERS:-mft nltk-perceptron nltk-tnt}
  if [ ${#peers[@]} -gt 0 ]; then
    awk -F'\t' '{best[$1]=$6; med[$1]=$7; first[$1]=$8; cpu[$1]=$9} END {c="corenlp-left3words"; printf "ratio ours-perceptron / %s tokens/s: best %.1fx, median %.1fx, first %.1fx, cpu best %.1fx", c, best["ours-perceptron"]/best[c], med["ours-perceptron"]/med[c], first["ours-perceptron"]/first[c], cpu["ours-perceptron"]/cpu[c]; if ("ours-hmm" in best) printf "; ours-hmm: best %.1fx", best["ours-hmm"]/best[c]; printf "\n"}' "$OUT/java-$set.tsv"
  fi
  echo
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
