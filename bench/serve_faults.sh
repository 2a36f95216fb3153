#!/usr/bin/env bash
# Hostile clients against `serve` on loopback (issue 18): for each N, a fresh server, then for SECONDS seconds
# N slowloris clients trickling header bytes, N trickling body bytes and N idle connections (each reconnecting
# when cut), plus one client each sending oversized bodies (declared and chunked), malformed requests (broken
# JSON, bad UTF-8, lying Content-Length, garbage request lines) and abrupt disconnects; meanwhile one good client
# sends well-formed embeddings requests one at a time. Prints the good requests' latency (median, p99, max),
# how many took over 2 s or failed, and every 5xx. The harness is src/test/.../serve/ServeFaults.java, the one
# the loopback integration test (ServeFaultsTest) runs. Exits non-zero when a good request failed, took over 2 s,
# or anything got a 5xx.
# Usage: bench/serve_faults.sh [SECONDS] [N...]   (env: PORT, SERVE_XMX, MODEL, DRIP_MS, SERVE_FLAGS)
source "$(dirname "$0")/serve_common.sh"
SECONDS_PER_RUN=${1:-20}
shift || true
COUNTS=("$@")
[ ${#COUNTS[@]} -eq 0 ] && COUNTS=(0 25 100)
PORT=${PORT:-18090}
MODEL=${MODEL:-w2v-sif-en}
DRIP_MS=${DRIP_MS:-1000}
mkdir -p target/serve-faults-classes
javac -nowarn -encoding UTF-8 -d target/serve-faults-classes src/test/java/org/classicnlp/serve/ServeFaults.java
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); $SECONDS_PER_RUN s per run, one byte per $DRIP_MS ms"
echo "serve flags: ${SERVE_FLAGS:-(defaults: --max-connections 256, --request-timeout 30)}"
printf '%-8s %-12s %s\n' "slow N" "connections" "result"
rc=0
for n in "${COUNTS[@]}"; do
  SERVER_LOG=$OUT/serve_faults.$n.server.log
  # shellcheck disable=SC2086
  start_server "$PORT" "$SERVER_LOG" ${SERVE_FLAGS:-}
  line=$(java -Xmx512m -cp target/serve-faults-classes org.classicnlp.serve.ServeFaults 127.0.0.1 "$PORT" "$MODEL" \
    "$n" "$DRIP_MS" "$SECONDS_PER_RUN") || rc=1
  printf '%-8s %-12s %s\n' "$n" "$((3 * n + 3))" "$(echo "$line" | head -1) [$(echo "$line" | tail -1)]"
  echo "$line" | sed -n '2,$p' | grep -v '^PASS$\|^FAIL$' || true
  fivexx=$(grep -c '" 5[0-9][0-9] ' "$SERVER_LOG" || true)
  echo "         access log: $(grep -c 'POST /v1/embeddings' "$SERVER_LOG") POST lines, $fivexx with a 5xx status"
  [ "$fivexx" = 0 ] || rc=1
  stop_server > /dev/null
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc
