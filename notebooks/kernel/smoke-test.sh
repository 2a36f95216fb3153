#!/usr/bin/env bash
# End-to-end test of the installed kernel through Jupyter itself (run by run-all.sh before the notebooks):
# executes src/test/notebooks/smoke.ipynb and checks its outputs: stdout text, an expression's value, a PNG
# display, HTML, a runtime exception and a compile error as cell errors, and a cell after the errors still
# running in the same session; then checks that nbconvert without --allow-errors fails on that notebook,
# which is what run-all.sh relies on to fail on any cell error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jupyter="${JUPYTER:-/usr/bin/jupyter}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$jupyter" nbconvert --to notebook --execute --allow-errors --ExecutePreprocessor.timeout=120 \
  --output-dir "$out" "$here/src/test/notebooks/smoke.ipynb" 2>"$out/log" || { cat "$out/log" >&2; exit 1; }
/usr/bin/python3 - "$out/smoke.ipynb" <<'PY'
import json, sys
cells = [c for c in json.load(open(sys.argv[1], encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
outs = [c["outputs"] for c in cells]
def text(v): return "".join(v) if isinstance(v, list) else v
def check(ok, what):
    if not ok:
        sys.exit("smoke-test: FAILED: " + what + "\n" + json.dumps(outs, indent=1)[:3000])
    print("smoke-test: ok:", what)
check(outs[0] and outs[0][0]["output_type"] == "stream" and text(outs[0][0]["text"]) == "hello from jshell\n", "stdout is a stream output")
check(outs[1] and outs[1][0]["output_type"] == "execute_result" and text(outs[1][0]["data"]["text/plain"]) == "42", "last expression is the execute result")
png = outs[2][0]["data"].get("image/png", "") if outs[2] else ""
import base64
check(base64.b64decode(png)[:8] == b"\x89PNG\r\n\x1a\n", "display(chart) is an image/png output")
check(outs[3] and text(outs[3][0]["data"]["text/html"]) == "<b>bold</b>", "html() is a text/html output")
e = outs[4][0] if outs[4] else {}
check(e.get("output_type") == "error" and e["evalue"] == "java.lang.IllegalStateException: boom", "an exception is a cell error naming it")
e = outs[5][0] if outs[5] else {}
check(e.get("output_type") == "error" and e["ename"] == "CompileError" and "incompatible types" in e["evalue"], "a compile error is a cell error")
check(outs[6] and text(outs[6][0]["data"]["text/plain"]) == "43", "the session survives errors")
PY
if "$jupyter" nbconvert --to notebook --execute --output-dir "$out" --output strict \
     "$here/src/test/notebooks/smoke.ipynb" 2>"$out/strict.log"; then
  echo "smoke-test: FAILED: nbconvert without --allow-errors succeeded on a notebook with error cells" >&2
  exit 1
fi
grep -q "IllegalStateException: boom" "$out/strict.log" || { echo "smoke-test: FAILED: nbconvert's error does not name the cell error" >&2; cat "$out/strict.log" >&2; exit 1; }
echo "smoke-test: ok: nbconvert fails on a cell error"
