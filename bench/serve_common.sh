#!/usr/bin/env bash
# Shared by bench/serve_load.sh and bench/serve_node_sdk.sh: builds the jar, compiles the serve bench classes
# against it (JDK only, no peer profile), and starts a server in the background.
#   start_server PORT LOG [serve flags...]   sets SERVER_PID and SERVER_KIND (serve | fixture)
#   stop_server                                SIGTERM, waits, checks it shut down gracefully
# `classicnlp serve` with the shipped embedders is used when the build has them; on a build without shipped
# vectors (Embedders.names() empty) the fixture (bench/java/.../ServeFixture) serves vectors trained from
# corpora/ under the same names. SERVE_XMX (default 1g) caps the server's heap.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bench/out
mkdir -p "$OUT" target/serve-bench-classes
if [ ! -f target/classicnlp.jar ] || [ -n "$(find src pom.xml -newer target/classicnlp.jar -type f | head -1)" ]; then
  mvn -q -B -ntp -DskipTests package
fi
javac -nowarn -encoding UTF-8 -d target/serve-bench-classes -cp target/classicnlp.jar \
  bench/java/org/classicnlp/bench/ServeFixture.java bench/java/org/classicnlp/bench/ServeLoad.java
BENCH_CP="$ROOT/target/serve-bench-classes:$ROOT/target/classicnlp.jar"
SERVE_XMX=${SERVE_XMX-1g}   # SERVE_XMX= (empty) runs a plain java -jar serve

wait_ready() { # PORT PID: until GET /v1/models answers (any status), or the process died
  for _ in $(seq 1 600); do
    kill -0 "$2" 2>/dev/null || return 1
    if curl -s -o /dev/null "http://127.0.0.1:$1/v1/models"; then return 0; fi
    sleep 0.2
  done
  return 1
}

start_server() {
  local port=$1 log=$2; shift 2
  java ${SERVE_XMX:+-Xmx"$SERVE_XMX"} -jar target/classicnlp.jar serve --port "$port" "$@" 2> "$log" &
  SERVER_PID=$!
  SERVER_KIND=serve
  if ! wait_ready "$port" "$SERVER_PID"; then
    if grep -q "no shipped embedders" "$log"; then
      echo "(this build ships no embedders: serving vectors trained from corpora/ with bench ServeFixture)" >&2
      local keyenv=() prev=
      for a in "$@"; do [ "$prev" = --api-key-env ] && keyenv=("$a"); prev=$a; done
      java -Xmx"$SERVE_XMX" -cp "$BENCH_CP" org.classicnlp.bench.ServeFixture "$port" "${keyenv[@]}" 2> "$log" &
      SERVER_PID=$!
      SERVER_KIND=fixture
      wait_ready "$port" "$SERVER_PID" || { cat "$log" >&2; echo "fixture server did not start" >&2; exit 1; }
    else
      cat "$log" >&2; echo "serve did not start" >&2; exit 1
    fi
  fi
}

stop_server() {
  kill -TERM "$SERVER_PID"
  local rc=0
  wait "$SERVER_PID" || rc=$?
  # 143 = terminated by SIGTERM after the shutdown hook ran
  if grep -q "stopped serving" "$SERVER_LOG"; then
    echo "server: SIGTERM -> graceful stop (exit $rc, 'stopped serving' logged)"
  else
    echo "server: SIGTERM -> no graceful-stop line in $SERVER_LOG (exit $rc)"; return 1
  fi
}
