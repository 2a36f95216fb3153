#!/usr/bin/env bash
# Do two builds tag alike? Tags the shipped perceptron models' test sets (People's Daily 1998 days 29-31,
# UD English EWT dev with the UPOS and the XPOS model) with the jar BASE_JAR and with JAR (default
# target/classicnlp.jar), through PosBench's prediction dump, and counts the tokens whose tags differ.
# Exit 1 when any differs. For a speed change that must not change the output: build BASE_JAR from the
# commit before it (e.g. git worktree add /tmp/base <commit> && (cd /tmp/base && mvn -B -ntp -q package
# -DskipTests)). Usage: bench/pos_identical.sh BASE_JAR [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/pos_identical.sh BASE_JAR [DATA_DIR]}
DATA=${2:-../shared/data}
JAR=${JAR:-target/classicnlp.jar}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
status=0
for set in pd upos xpos; do
  case $set in
    pd) m=models/pos-zh-pd98.bin;;
    upos) m=models/pos-en-ewt-upos.bin;;
    xpos) m=models/pos-en-ewt-xpos.bin;;
  esac
  for side in base new; do
    j=$JAR; [ $side = base ] && j=$BASE
    mkdir -p "$OUT/$side-classes"
    javac -d "$OUT/$side-classes" -cp "$j" bench/java/org/classicnlp/bench/PosBench.java
    java -Xmx3g -Dpos.bench.predictions="$OUT/$side-$set" -cp "$OUT/$side-classes:$j" org.classicnlp.bench.PosBench \
      $set "$DATA" "perceptron=$m" > /dev/null
  done
  diffs=$(paste -d'\n' "$OUT/base-$set/perceptron.tags" "$OUT/new-$set/perceptron.tags" | awk '
    NR % 2 == 1 { n = split($0, a, " ") } NR % 2 == 0 { split($0, b, " "); for (i = 1; i <= n; i++) { t++; if (a[i] != b[i]) d++ } }
    END { printf "%d %d", d, t }')
  set -- $diffs
  echo "$set ($m): $2 tokens, $1 with other tags"
  [ "$1" = 0 ] || status=1
done
exit $status
