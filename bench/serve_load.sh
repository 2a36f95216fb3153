#!/usr/bin/env bash
# Bounded load test of `serve` on loopback (issue 13): 50 concurrent clients, 20,000 POST /v1/embeddings requests
# in two halves, mixed batch sizes (1/4/16/64), float and base64, English and Chinese models. Reports requests/s,
# embedded inputs/s, p50/p99 latency, errors and the server's RSS before, after the first half and after the
# second (must be within 1.5x of the first). Exits non-zero on any error.
# Usage: bench/serve_load.sh [CLIENTS] [REQUESTS]     (env: PORT, SERVE_XMX, EN_MODEL, ZH_MODEL)
source "$(dirname "$0")/serve_common.sh"
CLIENTS=${1:-50}
REQUESTS=${2:-20000}
PORT=${PORT:-18080}
EN_MODEL=${EN_MODEL:-w2v-sif-en}
ZH_MODEL=${ZH_MODEL:-w2v-sif-zh}
SERVER_LOG=$OUT/serve_load.server.log
start_server "$PORT" "$SERVER_LOG"
echo "server: $SERVER_KIND, pid $SERVER_PID, -Xmx$SERVE_XMX; load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
rc=0
java -Xmx1g -cp "$BENCH_CP" org.classicnlp.bench.ServeLoad "http://127.0.0.1:$PORT/v1" "$SERVER_PID" \
  "$CLIENTS" "$REQUESTS" "$EN_MODEL" "$ZH_MODEL" || rc=$?
echo "access-log lines: $(grep -c 'POST /v1/embeddings' "$SERVER_LOG") (one per request); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_server
exit $rc
