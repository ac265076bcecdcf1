#!/usr/bin/env bash
# Executes notebooks in real Jupyter, each in a fresh tslab kernel, and stops at the first cell error.
# Usage: scripts/run-notebooks.sh [OUT_DIR [NOTEBOOK.ipynb ...]]
#   OUT_DIR   where the executed copies go (default test-output/notebooks); every notebooks/*.ipynb by default.
#   NOTEBOOK_CELL_TIMEOUT  seconds one cell may take (default 300).
#   FLEETKIT_DB            the DuckDB file the notebooks share (default OUT_DIR/fleet.duckdb).
# Needs the package built (npm run build) and Jupyter (scripts/install-system-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$root/test-output/notebooks}" && cd "${1:-$root/test-output/notebooks}" && pwd)"
shift $(( $# > 0 ? 1 : 0 ))
if [ $# -eq 0 ]; then set -- "$root"/notebooks/*.ipynb; fi

JUPYTER_PATH="$("$root/scripts/jupyter-install-kernel.sh")${JUPYTER_PATH:+:$JUPYTER_PATH}"
export JUPYTER_PATH
export FLEETKIT_DB="${FLEETKIT_DB:-$out/fleet.duckdb}"

for notebook in "$@"; do
  echo "run-notebooks: $(basename "$notebook")" >&2
  jupyter nbconvert --to notebook --execute \
    --ExecutePreprocessor.kernel_name=tslab \
    --ExecutePreprocessor.timeout="${NOTEBOOK_CELL_TIMEOUT:-300}" \
    --output-dir "$out" --log-level=WARN "$notebook"
done
