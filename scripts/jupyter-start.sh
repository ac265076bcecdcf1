#!/usr/bin/env bash
# Starts Jupyter on notebooks/ with the project's tslab TypeScript kernel (JupyterLab unless told otherwise).
# Usage: scripts/jupyter-start.sh [jupyter subcommand and arguments], e.g. `scripts/jupyter-start.sh notebook`.
# Needs the package built (npm run build) and a Jupyter front end (e.g. pip install jupyterlab).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JUPYTER_PATH="$("$root/scripts/jupyter-install-kernel.sh")${JUPYTER_PATH:+:$JUPYTER_PATH}"
export JUPYTER_PATH
cd "$root/notebooks"
if [ $# -eq 0 ]; then set -- lab; fi
exec jupyter "$@"
