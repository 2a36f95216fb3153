#!/usr/bin/env bash
# The official Node SDK (npm `openai`, installed into a temporary directory, never into the repository) against
# `classicnlp serve` on loopback with an API key: bench/serve_node_sdk.mjs runs every input shape, float and
# base64, dimensions, models list/retrieve and the error cases. Usage: bench/serve_node_sdk.sh  (env: PORT)
source "$(dirname "$0")/serve_common.sh"
PORT=${PORT:-18081}
NODE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/classicnlp-node-sdk.XXXXXX")
SERVER_LOG=$OUT/serve_node_sdk.server.log
trap 'rm -rf "$NODE_DIR"' EXIT
(cd "$NODE_DIR" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund openai >/dev/null)
echo "node $(node --version), openai $(node -p "require('$NODE_DIR/node_modules/openai/package.json').version")"
export SERVE_TEST_KEY="node-check-$RANDOM$RANDOM"
start_server "$PORT" "$SERVER_LOG" --api-key-env SERVE_TEST_KEY
echo "server: $SERVER_KIND, pid $SERVER_PID"
cp bench/serve_node_sdk.mjs "$NODE_DIR/"
rc=0
OPENAI_BASE_URL="http://127.0.0.1:$PORT/v1" OPENAI_API_KEY="$SERVE_TEST_KEY" node "$NODE_DIR/serve_node_sdk.mjs" || rc=$?
if grep -q "$SERVE_TEST_KEY" "$SERVER_LOG"; then echo "FAIL: the API key appears in the server log"; rc=1; else echo "ok   the API key appears nowhere in the server log"; fi
stop_server
exit $rc
