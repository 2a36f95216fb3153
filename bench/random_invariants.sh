#!/usr/bin/env bash
# Randomized invariants (issue 18), Lucene checkRandomData style, over COUNT random texts (default a million)
# through every subject of src/test/.../testkit/RandomInvariants: every segmenter, the standard and English
# analyzers (plain and tagged), the HMM and perceptron taggers (zh and en; shipped, and trained on corpora/), and
# the n-gram tokenization in word and char units. Each text: offsets and coverage, no exception, tags one per
# token from the tag set with the tokens unchanged, n-gram tokens = the analyzer's terms (or their characters);
# run on THREADS threads at once and compared with a twin (the model saved and loaded, or built again) run alone.
# The texts mix scripts, emoji sequences, combining marks, controls, every white space and unpaired surrogates:
# up to MAX_LENGTH chars, one in a hundred up to ten times that. CI runs 2,000 per subject (RandomInvariantsTest).
# Prints a line per subject and PASS, or the first failing text and exits 1.
# Usage: bench/random_invariants.sh [COUNT] [THREADS] [MAX_LENGTH] [SEED] [NAME_PART]   (env: XMX, default 2g)
# NAME_PART runs only the subjects whose name contains it (e.g. "tagger ").
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
COUNT=${1:-1000000}
THREADS=${2:-2}
MAX_LENGTH=${3:-40}
SEED=${4:-20261202}
ONLY=${5:-}
mvn -q -B -ntp test-compile
mkdir -p target/bench
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/test-classpath.txt > /dev/null
# a copy of the classes, so that a build during a long run does not change them under it
rm -rf target/bench/ri-classes && mkdir -p target/bench/ri-classes
cp -r target/classes target/bench/ri-classes/main && cp -r target/test-classes target/bench/ri-classes/test
CP="target/bench/ri-classes/test:target/bench/ri-classes/main:$(cat target/bench/test-classpath.txt)"
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); $COUNT texts, $THREADS threads, max length $MAX_LENGTH, seed $SEED"
start=$(date +%s)
rc=0
nice -n 10 java -Xmx"${XMX:-2g}" -cp "$CP" org.classicnlp.testkit.RandomInvariants "$COUNT" "$THREADS" "$MAX_LENGTH" "$SEED" "$ONLY" || rc=$?
echo "wall time: $(( $(date +%s) - start )) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc
