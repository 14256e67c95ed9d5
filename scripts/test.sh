#!/usr/bin/env bash
# Runs every check that CI runs: typecheck, ESLint, Prettier, the Vitest suites
# (unit, integration, real data) under a private test keyring, and the
# end-to-end suite when package.json defines a test:e2e script.
#
# Every step runs even when an earlier one fails, so one run reports all
# failures. The last lines repeat the Vitest summary. Exits 1 when any step failed.
set -euo pipefail

cd "$(dirname "$0")/.."

failed_steps=()
vitest_log=$(mktemp "${TMPDIR:-/tmp}/synapse-vitest.XXXXXX")
trap 'rm -f -- "$vitest_log"' EXIT

# Runs one named step, prints its command, duration and result, and records a failure.
run_step() {
  local name=$1
  shift
  local started=$SECONDS
  echo
  echo "==> $name: $*"
  if "$@"; then
    echo "<== $name: passed in $((SECONDS - started)) s"
  else
    local status=$?
    echo "<== $name: FAILED with exit status $status after $((SECONDS - started)) s"
    failed_steps+=("$name")
  fi
}

# Runs Vitest under the test keyring and keeps a copy of its output for the summary.
run_vitest() {
  scripts/with-keyring.sh npx --no -- vitest run 2>&1 | tee "$vitest_log"
}

has_npm_script() {
  node -e 'process.exit(require("./package.json").scripts?.[process.argv[1]] ? 0 : 1)' "$1"
}

run_step typecheck npx --no -- tsc --noEmit -p tsconfig.json
run_step typecheck-renderer npx --no -- tsc --noEmit -p tsconfig.web.json
run_step eslint npx --no -- eslint .
run_step prettier npx --no -- prettier --check .
run_step vitest run_vitest

if has_npm_script test:e2e; then
  run_step e2e scripts/with-keyring.sh npm run test:e2e
else
  echo
  echo "==> e2e: skipped, package.json has no test:e2e script"
fi

echo
if ((${#failed_steps[@]} > 0)); then
  echo "FAILED steps: ${failed_steps[*]}"
else
  echo "All steps passed."
fi

# Vitest's own summary, without colour codes, as the last lines of output.
summary=$(sed 's/\x1b\[[0-9;]*m//g' "$vitest_log" | grep -E '^ *(Test Files|Tests) ' || true)
if [[ -n "$summary" ]]; then
  echo "$summary"
else
  echo "Tests: no Vitest summary found; see the vitest step above."
fi

if ((${#failed_steps[@]} > 0)); then
  exit 1
fi
