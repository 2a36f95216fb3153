#!/usr/bin/env bash
# Shared set-up for the benchmark scripts: builds the CLI jar, compiles bench/java against the
# library plus the `bench` Maven profile's peer dependencies, and defines helpers.
# Usage: source bench/common.sh   (from the repository root)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${CLASSICNLP_DATA:-$ROOT/../shared/data}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
PY=/usr/bin/python3

need_deb() { # install Debian packages the peers need, if missing
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build_bench() {
  if [ ! -f target/classicnlp.jar ] || [ -n "$(find src pom.xml -newer target/classicnlp.jar -type f | head -1)" ]; then
    mvn -q -B -DskipTests package
  fi
  mvn -q -B -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime >/dev/null
  BENCH_CP="$ROOT/target/bench-classes:$ROOT/target/classes:$(cat target/bench.cp)"
  mkdir -p target/bench-classes
  javac -nowarn -encoding UTF-8 -d target/bench-classes -cp "$BENCH_CP" $(find bench/java -name '*.java')
  export BENCH_CP
}

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# wall seconds of a command (stdout to a file), e.g. wall out.txt java -jar ...
wall() {
  local out=$1; shift
  local s e
  s=$(date +%s.%N); "$@" > "$out"; e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
