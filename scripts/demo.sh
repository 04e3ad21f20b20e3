#!/usr/bin/env bash
# Installs pledgetrack into the project's virtual environment .venv (made by
# scripts/install-deps.sh) and prints the quarterly check report of the
# bundled Gwangju Seo-gu example (2024 Q1 against 2023 Q4). Arguments go to
# `pledgetrack demo` (--lang en, --format html -o demo.html, ...).
# Afterwards the command is .venv/bin/pledgetrack (or `pledgetrack` after
# `source .venv/bin/activate`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
echo "== installing pledgetrack into .venv (builds the C++ extension: a few minutes the first time)" >&2
.venv/bin/python -m pip install --quiet .
.venv/bin/pledgetrack demo "$@"
