#!/usr/bin/env bash
# Debian packages the test suite needs: a second S3 client, Jupyter for the notebooks,
# Chromium for the report, and Japanese fonts for `report --lang ja`.
set -euo pipefail
packages=(awscli poppler-utils jupyter-nbconvert python3-nbclient python3-ipykernel python3-ipython chromium fonts-noto-cjk fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
