#!/usr/bin/env bash
# Before/after check for a refactoring: the same jobs with the jar of an earlier commit and with the current
# jar, runs interleaved (old, new, old, new, ...) so drifting load on a shared machine hits both alike.
# Reports median wall seconds, the ratio new/old, and whether the outputs are byte-identical.
#
# Jobs: segment a 20 MB file (fmm over the PKU word list, bimm and the standard segmenter over the default
# dictionary), TF-IDF vectors of 20 Newsgroups (whitespace tokenizer), one CBOW epoch of Word2Vec on the
# normalized English Wikipedia slice (bench/w2v_bench.sh prepares it; vectors compared by size only, since
# two threads are not deterministic).
#
# Usage: bench/ab_jars.sh OLD_REV [RUNS]   e.g. bench/ab_jars.sh aea1d71 5   (from the repository root)
#   JOBS="segment tfidf w2v"   which jobs to run
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
OLD_REV=${1:?usage: bench/ab_jars.sh OLD_REV [RUNS]}
RUNS=${2:-5}
JOBS=${JOBS:-segment tfidf w2v}
need_deb bc time
if [ ! -f target/classicnlp.jar ] || [ -n "$(find src pom.xml -newer target/classicnlp.jar -type f | head -1)" ]; then
  mvn -q -B -DskipTests package
fi
NEW_JAR=$ROOT/target/classicnlp.jar
OLD_DIR=$OUT/ab-$OLD_REV
if [ ! -f "$OLD_DIR/target/classicnlp.jar" ]; then
  rm -rf "$OLD_DIR"
  git worktree add --detach "$OLD_DIR" "$OLD_REV" >/dev/null
  (cd "$OLD_DIR" && mvn -q -B -DskipTests package)
fi
OLD_JAR=$OLD_DIR/target/classicnlp.jar
AB=$OUT/ab
mkdir -p "$AB"

WORDS=$DATA/icwb2/gold/pku_training_words.utf8
BIG=$OUT/pku_test_x40.txt
[ -f "$BIG" ] || for i in $(seq 40); do cat "$DATA/icwb2/testing/pku_test.utf8"; done > "$BIG"
NEWS=$OUT/20news
if [[ " $JOBS " == *" tfidf "* ]] && [ ! -d "$NEWS/20news-bydate-train" ]; then
  mkdir -p "$NEWS" && tar -xzf "$DATA/en-docs/20news-bydate.tar.gz" -C "$NEWS"
fi
W2V=$OUT/w2v/en-norm.txt

# job NAME ARGS...: runs `java -jar JAR ARGS...` RUNS times per jar, interleaved; %OUT% in ARGS is the output file
job() {
  local name=$1; shift
  local olds=() news=()
  for r in $(seq "$RUNS"); do
    for side in old new; do
      local jar=$OLD_JAR; [ $side = new ] && jar=$NEW_JAR
      local out=$AB/$name-$side.out args=()
      for a in "$@"; do args+=("${a//%OUT%/$out}"); done
      exec 9>/tmp/classicnlp-bench.lock; flock 9
      local s e
      s=$(date +%s.%N); java -jar "$jar" "${args[@]}" > "$out.stdout" 2> "$AB/$name-$side.err" \
        || { echo "$name ($side) failed:" >&2; tail -3 "$AB/$name-$side.err" >&2; }
      e=$(date +%s.%N)
      flock -u 9; exec 9>&-
      if [ $side = old ]; then olds+=("$(echo "$e - $s" | bc -l)"); else news+=("$(echo "$e - $s" | bc -l)"); fi
    done
  done
  local mo mn same=no
  mo=$(printf '%s\n' "${olds[@]}" | median); mn=$(printf '%s\n' "${news[@]}" | median)
  if [ -s "$AB/$name-old.out.stdout" ] || [ -s "$AB/$name-new.out.stdout" ]; then
    cmp -s "$AB/$name-old.out.stdout" "$AB/$name-new.out.stdout" && same=yes
  else
    same="n/a"
  fi
  printf '%-28s %8.2f %8.2f %7.3f  %s\n' "$name" "$mo" "$mn" "$(echo "$mn / $mo" | bc -l)" "$same"
}

printf '%-28s %8s %8s %7s  %s\n' "job (median of $RUNS)" "old s" "new s" "new/old" "same output"
if [[ " $JOBS " == *" segment "* ]]; then
  job "segment fmm --dict PKU" segment --algo fmm --dict "$WORDS" "$BIG"
  job "segment bimm" segment --algo bimm "$BIG"
  job "segment hybrid" segment --algo hybrid "$BIG"
fi
if [[ " $JOBS " == *" tfidf "* ]]; then
  job "tfidf 20news whitespace" tfidf transform --fit --tokenizer whitespace --format tsv --input "$NEWS" -q
fi
if [[ " $JOBS " == *" w2v "* ]] && [ -f "$W2V" ]; then
  # --no-progress is spelled the same by both jars
  job "w2v cbow 1 epoch" w2v train --input "$W2V" --output %OUT%.bin --model cbow --epochs 1 --threads 2 \
    --tokenizer whitespace --no-progress
fi
echo "old: $OLD_REV ($OLD_JAR), new: $(git rev-parse --short HEAD) ($NEW_JAR), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
