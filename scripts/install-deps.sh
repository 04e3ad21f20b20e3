#!/usr/bin/env bash
# Installs what building, testing and running pledgetrack needs, on a fresh
# Debian machine or on one with a Python of its own:
#   1. the C++ tools and libraries, and what Python lacks to build a virtual
#      environment and an extension (venv, pip, the headers), from Debian's
#      packages: one `apt-get update`, one `apt-get install`, only when
#      something is missing;
#   2. the project's virtual environment .venv, with an up-to-date pip.
# Debian's own python3 refuses `pip install` outside a virtual environment
# (PEP 668, "externally-managed-environment"), so every Python package goes
# into .venv, a clean one (no system site packages): what the package and its
# tests need is installed by the project's own files (pyproject.toml), not
# borrowed from the machine. The other scripts then use .venv/bin/python, and
# the `pledgetrack` command lives in .venv/bin.
# Safe to run again: it skips what is already there.
#
#   scripts/install-deps.sh                        # .venv from python3 on the PATH
#   PYTHON=/usr/bin/python3 scripts/install-deps.sh
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=.venv

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
py() { "$python" -c "$1" 2>/dev/null; }

missing=()
for p in libboost-date-time-dev doctest-dev fonts-nanum; do
  installed "$p" || missing+=("$p")
done
# cmake and g++ may come from elsewhere (pip's cmake, a toolchain): only ask
# Debian for them when there is none on the PATH.
command -v cmake >/dev/null || missing+=(cmake)
command -v g++ >/dev/null || missing+=(g++)

# Python: Debian's python3 comes without venv (and ensurepip, hence pip in a
# venv) and without the headers the extension is compiled against. Ask Debian
# for them only for Debian's own Python; another Python (pyenv, a toolchain)
# has to bring its own.
have_python=1
command -v "$python" >/dev/null || have_python=0
debian_python=0
if ((have_python)); then
  real=$(readlink -f "$(command -v "$python")")
  if dpkg-query -S "$real" >/dev/null 2>&1; then debian_python=1; fi
elif [ "$python" = python3 ]; then
  debian_python=1
  missing+=(python3)
fi
needs_venv=1
needs_headers=1
if ((have_python)); then
  if py 'import ensurepip, venv'; then needs_venv=0; fi
  if py 'import os, sys, sysconfig; sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))'
  then needs_headers=0; fi
fi
if ((debian_python)); then
  # The default python3 gets the packages users know to ask for (python3-venv,
  # python3-dev); another of Debian's Pythons its versioned ones (python3.12-venv).
  suffix=3
  if ((have_python)) && [ "$real" != "$(readlink -f /usr/bin/python3 2>/dev/null)" ]; then
    suffix=$(py 'import sys; print("%d.%d" % sys.version_info[:2])')
  fi
  if ((needs_venv)); then missing+=("python${suffix}-venv"); fi
  if ((needs_headers)); then missing+=("python${suffix}-dev"); fi
fi

if ((${#missing[@]})); then
  echo "== installing from Debian: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# -- the virtual environment ------------------------------------------------
command -v "$python" >/dev/null || { echo "no $python on the PATH (set PYTHON=...)" >&2; exit 1; }
py 'import sys; sys.exit(sys.version_info < (3, 10))' || {
  echo "pledgetrack needs Python 3.10 or newer; $python is $("$python" --version 2>&1) (set PYTHON=...)" >&2
  exit 1
}
py 'import ensurepip, venv' || {
  echo "$python cannot make a virtual environment (no venv/ensurepip module): install them for it" >&2
  exit 1
}
# A .venv that no longer runs (its Python was removed or moved) is made anew.
if [ -e "$venv" ] && ! "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "== $venv does not run any more: making it anew"
  rm -rf "$venv"
fi
if [ ! -e "$venv/bin/python" ]; then
  echo "== creating the virtual environment $venv from $python ($("$python" --version 2>&1))"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
