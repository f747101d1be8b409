#!/usr/bin/env bash
# Installs the Debian packages ftpy builds and tests with, when any is missing.
set -euo pipefail
pkgs=(g++ cmake ninja-build pkg-config ccache python3 libgmp-dev libmimalloc-dev
      libutf8proc-dev libreadline-dev zlib1g-dev libexpat1-dev libbz2-dev liblzma-dev libsqlite3-dev libffi-dev libssl-dev libncurses-dev libgtest-dev unicode-data)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# python3 may come from elsewhere (pyenv); accept any python3 on PATH.
if command -v python3 >/dev/null 2>&1; then
  missing=("${missing[@]/python3}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
