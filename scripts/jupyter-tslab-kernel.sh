#!/usr/bin/env bash
# Starts the tslab TypeScript kernel under the project's Node 22 (Jupyter runs this from the kernel spec that
# scripts/jupyter-install-kernel.sh writes; the machine's own node may be older).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$root/node_modules/.bin/node" "$root/node_modules/tslab/bin/tslab" "$@"
