#!/usr/bin/env bash
# Executes every notebook in notebooks/ (called by .ci/run): installs what is missing (install-kernel.sh:
# Jupyter from Debian's packages, the kernel, its spec in $JUPYTER_DATA_DIR), builds target/classicnlp.jar,
# runs the kernel's smoke test, then `jupyter nbconvert --to notebook --execute` on each notebook, writing
# the executed copies to target/notebooks/. Fails on the first cell error (nbconvert's exit status), and
# when an executed notebook has no image/png output. Notebooks read ../shared/data (or $CLASSICNLP_DATA)
# where it helps and fall back to the samples in corpora/ when it is absent.
# Usage: bash notebooks/run-all.sh [NOTEBOOK.ipynb ...]   (default: notebooks/*.ipynb)
# STORE_OUTPUTS=1 also copies each executed notebook back over its source (outputs kept, run timestamps
# dropped): how the stored notebooks get their outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
jupyter="${JUPYTER:-/usr/bin/jupyter}"

echo "run-all: building target/classicnlp.jar" >&2
mvn -B -ntp -q package -DskipTests
bash notebooks/install-kernel.sh
bash notebooks/kernel/smoke-test.sh

mkdir -p target/notebooks
if [ $# -gt 0 ]; then notebooks=("$@"); else notebooks=(notebooks/*.ipynb); fi
for nb in "${notebooks[@]}"; do
  t0=$(date +%s)
  name=$(basename "$nb")
  # the notebook runs in its own folder (notebooks/), as when opened in Jupyter
  "$jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
    --output-dir target/notebooks "$nb" 2> "target/notebooks/${name%.ipynb}.log" || {
      echo "run-all: FAILED: $nb (cell error or kernel failure); nbconvert said:" >&2
      tail -n 40 "target/notebooks/${name%.ipynb}.log" >&2
      exit 1
    }
  /usr/bin/python3 - "target/notebooks/$name" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
pngs = sum(1 for c in nb["cells"] if c["cell_type"] == "code"
           for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
errors = sum(1 for c in nb["cells"] if c["cell_type"] == "code"
             for o in c.get("outputs", []) if o.get("output_type") == "error")
if errors or not pngs:
    sys.exit(f"run-all: FAILED: {sys.argv[1]}: {errors} error outputs, {pngs} image/png outputs (need 0 and >= 1)")
print(f"run-all: ok: {sys.argv[1]} ({pngs} image/png outputs)", end="")
PY
  echo " in $(( $(date +%s) - t0 )) s"
  if [ "${STORE_OUTPUTS:-}" = 1 ]; then
    /usr/bin/python3 - "target/notebooks/$name" "$nb" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
for c in nb["cells"]:
    c.get("metadata", {}).pop("execution", None)   # per-cell run timestamps: noise in diffs
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(nb, f, ensure_ascii=False, indent=1)
    f.write("\n")
PY
    echo "run-all: stored outputs in $nb"
  fi
done
echo "run-all: ${#notebooks[@]} notebooks executed without a cell error in $(( $(date +%s) - start )) s; executed copies in target/notebooks/"
