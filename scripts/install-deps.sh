#!/usr/bin/env bash
# Installs what building and testing pledgetrack needs on a fresh Debian
# machine: the C++ libraries from Debian's packages, the Python packages from
# PyPI. Safe to run again; it skips what is already there.
set -euo pipefail

debian_packages=(cmake g++ libboost-date-time-dev doctest-dev fonts-nanum)
missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# cmake and g++ may come from elsewhere (pip's cmake, a toolchain): only ask
# Debian for them when there is none on the PATH.
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    cmake) command -v cmake >/dev/null || filtered+=("$p") ;;
    g++) command -v g++ >/dev/null || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done
if ((${#filtered[@]})); then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${filtered[@]}"
fi

python3 -m pip install --quiet --upgrade pip
