#!/usr/bin/env bash
# Installs the tslab TypeScript kernel spec into the project (.jupyter/), running under the project's Node 22, and
# links the package so notebooks can `import … from 'fleetkit'`. Touches nothing outside the project.
# Afterwards: export JUPYTER_PATH="<project>/.jupyter/share/jupyter" (printed below), then `jupyter notebook` or
# `jupyter nbconvert --execute` finds the kernel named "tslab".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.jupyter"

python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import jupyter_client' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [ -z "$python" ]; then
  echo "jupyter-install-kernel: no python3 with jupyter_client; run scripts/install-system-deps.sh first" >&2
  exit 1
fi

mkdir -p "$prefix"
if command -v flock >/dev/null; then
  exec 9>"$prefix/install.lock"
  flock 9
fi

launcher="$root/scripts/jupyter-tslab-kernel.sh"
if ! grep -qF "\"$launcher\"" "$prefix/share/jupyter/kernels/tslab/kernel.json" 2>/dev/null; then
  "$root/node_modules/.bin/node" "$root/node_modules/tslab/bin/tslab" install \
    --python "$python" --binary "$launcher" --prefix "$prefix" >/dev/null
fi

# tslab compiles cells with TypeScript's node10 resolution, which finds a package only under node_modules.
if [ ! -L "$root/notebooks/node_modules/fleetkit" ]; then
  mkdir -p "$root/notebooks/node_modules"
  ln -s ../.. "$root/notebooks/node_modules/fleetkit"
fi

echo "$prefix/share/jupyter"
