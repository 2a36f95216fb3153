#!/usr/bin/env bash
# Runs a ClassicNLP Spark job in local mode (local[2]) with the Spark jars Maven resolves: no Spark installation.
#   bash spark/run-local.sh keywords --input SRC --output DIR [--top K] [other KeywordsJob options]
#   bash spark/run-local.sh segment  --input SRC --output DIR [--algo NAME]
# Builds what it needs first: the core (mvn install at the root, when its jar is missing or older than the
# sources) and this module. DIR must not exist; the job writes part files into it (JSONL lines exactly as
# `classicnlp keywords --format jsonl`). Environment: SPARK_MASTER (default local[2]), SPARK_XMX (default 2g).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
usage() { echo "usage: bash spark/run-local.sh keywords|segment --input SRC --output DIR [options]" >&2; exit 2; }
[ $# -ge 1 ] || usage
case "$1" in
  keywords) main=org.classicnlp.spark.KeywordsJob ;;
  segment) main=org.classicnlp.spark.SegmentJob ;;
  *) usage ;;
esac
shift

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
m2=${CLASSICNLP_M2:-$HOME/.m2/repository}
core="$m2/org/classicnlp/classicnlp/$version/classicnlp-$version.jar"
jar="$here/target/classicnlp-spark-$version.jar"
cp_file="$here/target/runtime-classpath.txt"
core_stale() {
  [ ! -f "$core" ] || [ ! -f "$root/target/classicnlp.jar" ] \
    || [ -n "$(find "$root/src/main" "$root/pom.xml" "$root/models" -newer "$core" -print -quit 2>/dev/null)" ]
}
spark_stale() {
  [ ! -f "$jar" ] || [ ! -f "$cp_file" ] || [ "$core" -nt "$jar" ] \
    || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]
}
# SPARK_NO_BUILD=1 skips the build checks (benchmarks time the job, not the build)
if [ -z "${SPARK_NO_BUILD:-}" ]; then
  if core_stale; then
    echo "run-local: building and installing the core (mvn install -DskipTests)" >&2
    (cd "$root" && mvn -B -ntp -q install -DskipTests) >&2
  fi
  if spark_stale; then
    echo "run-local: building classicnlp-spark" >&2
    (cd "$here" && mvn -B -ntp -q package -DskipTests \
       && mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$cp_file") >&2
  fi
fi

opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}  # Spark binds to the loopback only
exec java "${opens[@]}" -Xmx"${SPARK_XMX:-2g}" -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$here/conf/log4j2.properties" -Dspark.ui.enabled=false \
  -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -cp "$jar:$(cat "$cp_file")" "$main" --master "${SPARK_MASTER:-local[2]}" "$@"
