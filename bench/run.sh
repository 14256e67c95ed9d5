#!/usr/bin/env bash
# Runs every benchmark and prints markdown tables for docs/benchmarks.md. The vault benchmark
# needs a Secret Service, so it runs under the private test keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "## Vault, import and report"
bash scripts/with-keyring.sh npx tsx bench/vault.ts

# The classification benchmark unlocks its vault with a passphrase, so it needs no keyring.
# BENCH_ROWS (default 100000) shrinks both benchmarks for a quick run.
echo
echo "## Classification map: imports, scan, list and filter"
npx tsx bench/classification.bench.ts

# The renderer benchmark drives Debian's Chromium over a built renderer.
if [[ -e bench/renderer-datamap.ts ]]; then
  echo
  echo "## Data Map list in Chromium"
  npx tsx bench/renderer-datamap.ts
fi
