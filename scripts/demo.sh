#!/usr/bin/env bash
# Installs pledgetrack and prints the quarterly check report of the bundled
# Gwangju Seo-gu example (2024 Q1 against 2023 Q4).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
python3 -m pip install --quiet .
pledgetrack demo "$@"
