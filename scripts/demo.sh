#!/usr/bin/env bash
# The product's main job from a clone: a fresh vault, the Chinook scan, incident, finding and
# inventory imports from the committed fixtures, a few data-subject requests, an audit check and
# the Excel report. Prints the report's absolute path last.
set -euo pipefail
cd "$(dirname "$0")/.."

# Without a running Secret Service (a server, a container, CI), rerun inside a private,
# temporary gnome-keyring so the demo still keeps its key in a real keychain.
if [[ -z "${SYNAPSE_DEMO_IN_KEYRING:-}" ]] &&
  ! dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
  echo "No Secret Service on this session: running the demo with a temporary gnome-keyring." >&2
  echo "The demo vault's key lives only as long as this run; its recovery key is printed below." >&2
  SYNAPSE_DEMO_IN_KEYRING=1 exec bash scripts/with-keyring.sh bash "$0" "$@"
fi

out=demo-output
vault="$out/demo-vault.synapse"
report="$out/compliance-report.xlsx"
cli() { npx --no-install tsx cli/main.ts --vault "$vault" "$@"; }

rm -rf "$out"
mkdir -p "$out"

echo "== 1. Create the vault"
cli init

echo "== 2. Scan the Chinook database for personal data and store the proposals"
cli scan sqlite test/fixtures/real/chinook/Chinook_Sqlite.sqlite --system Chinook --apply | tail -n 2

echo "== 3. Import incidents (VERIS)"
cli import incidents --format veris test/fixtures/own/veris/*.json

echo "== 4. Import security findings"
cli import findings --format sarif test/fixtures/own/sarif/webapp-scan.sarif \
  test/fixtures/real/sarif/semgrep_e2e_sarif.json
cli import findings --format scorecard test/fixtures/real/scorecard/*.json
cli import findings --format npm-audit test/fixtures/real/scanners/npm-audit-v2_defectdojo_many_vulns.json
cli import findings --format bandit test/fixtures/real/scanners/bandit-json_defectdojo_one_vuln.json

echo "== 5. Import the data inventories (CSV)"
cli import classification --format csv test/fixtures/own/csv/hr-inventory-bom-semicolon.csv
cli import classification --format csv --mapping test/fixtures/own/csv/crm-mapping.json \
  test/fixtures/own/csv/crm-inventory-cp1252.csv

echo "== 6. Record data-subject requests"
today=$(date -u +%F)
cli request add --type access --received "$(date -u -d "$today -40 days" +%F)" --subject "case-2026-0101"
cli request add --type erasure --received "$(date -u -d "$today -27 days" +%F)" --subject "jane.roe@example.com"
cli request add --type portability --received "$today" --subject "case-2026-0142"
cli request list

echo "== 7. Verify the audit trail"
cli audit verify

echo "== 8. Write the Excel compliance report"
cli status
cli report --out "$report" | tail -n +2
echo
echo "Report written to:"
realpath "$report"
