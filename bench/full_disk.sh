#!/usr/bin/env bash
# A full disk while writing (issue 18): mounts a 16 KiB tmpfs (needs root; skipped with a message otherwise) and
# writes outputs bigger than that onto it: w2v train --output, lm train --output (ARPA), tfidf fit --output, and
# segment / keywords with stdout redirected to the full disk and to /dev/full. Each must exit 1 with one
# 'error:' line, and leave no file (and no temporary file) on the full disk. Exits non-zero on any miss.
# Usage: bench/full_disk.sh
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if [ ! -f target/classicnlp.jar ] || [ -n "$(find src pom.xml -newer target/classicnlp.jar -type f | head -1)" ]; then
  mvn -q -B -ntp -DskipTests package || exit 1
fi
TINY=$(mktemp -d /tmp/classicnlp-full-disk.XXXXXX)
if ! mount -t tmpfs -o size=16k tmpfs "$TINY" 2>/dev/null; then
  echo "skipped: cannot mount a tmpfs here (not root, or no permission)"; rmdir "$TINY"; exit 0
fi
trap 'umount "$TINY"; rmdir "$TINY"' EXIT
JAR="java -Xmx1g -jar target/classicnlp.jar"
fails=0
check() { # NAME EXPECTED_FILE CMD...: exit 1, one error line, nothing left on the tmpfs
  local name=$1 file=$2; shift 2
  local err rc
  err=$("$@" 2>&1 >/dev/null); rc=$?
  local lines; lines=$(printf '%s\n' "$err" | grep -c .)
  local left; left=$(ls -A "$TINY" | tr '\n' ' ')
  if [ "$rc" = 1 ] && [ "$lines" = 1 ] && [[ "$err" == error:* ]] && [ -z "$left" ]; then
    printf 'ok    %-34s exit %s: %s\n' "$name" "$rc" "$err"
  else
    printf 'FAIL  %-34s exit %s, %s stderr lines, left on disk: [%s]: %s\n' "$name" "$rc" "$lines" "$left" "$err"; fails=1
  fi
  rm -rf "${TINY:?}"/* "$TINY"/.[!.]* 2>/dev/null
}
check "w2v train --output (text)" v.txt $JAR w2v train --input corpora/w2v-toy.txt --output "$TINY/v.txt" --dim 200 --min-count 1 -q
check "w2v train --output (binary)" v.bin $JAR w2v train --input corpora/w2v-toy.txt --output "$TINY/v.bin" --dim 300 --min-count 1 -q
check "lm train --output (ARPA)" lm.arpa $JAR lm train --order 5 --input corpora/w2v-toy.txt --output "$TINY/lm.arpa" --discount-fallback -q
check "lm train --output (.bin)" lm.bin $JAR lm train --order 5 --input corpora/w2v-toy.txt --output "$TINY/lm.bin" --discount-fallback -q
check "tfidf fit --output" m.tfidf $JAR tfidf fit --input corpora/w2v-toy.txt --output "$TINY/m.tfidf" --ngram 1,3 -q
check "segment > full tmpfs" out.txt sh -c "$JAR segment corpora/w2v-toy.txt > '$TINY/out.txt' && true; rc=\$?; rm -f '$TINY/out.txt'; exit \$rc"
check "keywords > /dev/full" - sh -c "$JAR keywords --input corpora/news-zh-en.txt -q > /dev/full"
check "segment > /dev/full" - sh -c "$JAR segment corpora/news-zh-en.txt > /dev/full"
[ $fails = 0 ] && echo "PASS: every write to a full disk failed with one error line and left nothing behind"
exit $fails
