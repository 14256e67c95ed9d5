// Measures the classification map at the scale the product must handle on one laptop. It imports
// 100,000 fields from CSV and from XLSX (each into its own vault), scans a 200-table database, and
// runs list and filter queries over 100,000 fields. BENCH_ROWS shrinks the row counts.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';

import { scanSqlite } from '../core/importers/sqlite-scan.js';
import { ComplianceServices } from '../core/services.js';
import { createVault } from '../core/vault/lifecycle.js';
import { OsKeyStore } from '../core/keychain/os-keychain.js';
import type { Vault } from '../core/vault/vault.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SCAN_TABLES = Math.max(10, Math.round((200 * ROWS) / 100_000));
const SCAN_COLUMNS = 20;
const SCAN_ROWS_PER_TABLE = 50;
const LEVELS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SENSITIVE', 'TOP_SECRET'];
const CATEGORIES = ['email', 'phone', 'name', 'postal_address', 'health', ''];

interface Result {
  task: string;
  ms: number;
  note: string;
}

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Builds one inventory row: 50 systems, 2,500 datasets, every sixth field without a category. */
function inventoryRow(index: number): string[] {
  const category = CATEGORIES[index % CATEGORIES.length]!;
  return [
    `system-${index % 50}`,
    `table-${Math.floor(index / 40) % 2500}`,
    `field_${index}`,
    LEVELS[index % LEVELS.length]!,
    category === '' ? 'no' : 'yes',
    category,
    `owner-${index % 20}`,
    index % 7 === 0 ? '' : 'Customer care',
    index % 5 === 0 ? '' : 'contract',
    'P6Y',
    `0,${String(50 + (index % 50)).padStart(2, '0')}`,
  ];
}

const HEADERS = [
  'System',
  'Dataset',
  'Field',
  'Level',
  'Personal data',
  'Category',
  'Owner',
  'Purpose',
  'Legal basis',
  'Retention',
  'Confidence',
];

function writeCsv(file: string): void {
  const lines = [HEADERS.join(';')];
  for (let index = 0; index < ROWS; index += 1) lines.push(inventoryRow(index).join(';'));
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

async function writeXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('Inventory');
  sheet.addRow(HEADERS).commit();
  for (let index = 0; index < ROWS; index += 1) {
    sheet.addRow(inventoryRow(index)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Writes a plain SQLite database of SCAN_TABLES tables with SCAN_COLUMNS columns each. */
function writeScanDatabase(file: string): void {
  const db = new Database(file);
  const columnNames = [
    'id',
    'email',
    'first_name',
    'last_name',
    'phone',
    'birth_date',
    'iban',
    'card_number',
    'notes',
    'created_at',
    ...Array.from({ length: SCAN_COLUMNS - 10 }, (_, index) => `value_${index}`),
  ];
  db.transaction(() => {
    for (let table = 0; table < SCAN_TABLES; table += 1) {
      const name = table % 2 === 0 ? `customer_${table}` : `product_${table}`;
      db.exec(`CREATE TABLE ${name} (${columnNames.map((column) => `${column} TEXT`).join(', ')})`);
      const insert = db.prepare(
        `INSERT INTO ${name} VALUES (${columnNames.map(() => '?').join(', ')})`,
      );
      for (let row = 0; row < SCAN_ROWS_PER_TABLE; row += 1) {
        insert.run(
          String(row),
          `person${row}@example.org`,
          'Ann',
          'Example',
          `+44 20 7946 ${String(1000 + row)}`,
          '1980-04-0' + String((row % 9) + 1),
          'DE89370400440532013000',
          '4111 1111 1111 1111',
          'Called back about the invoice',
          '2024-01-01 10:00:00',
          ...Array.from({ length: SCAN_COLUMNS - 10 }, (_, index) => `v${index}-${row}`),
        );
      }
    }
  })();
  db.close();
}

/** Creates an encrypted vault in passphrase mode, so no keychain entry is left to clean up. */
async function openBenchVault(
  path: string,
): Promise<{ vault: Vault; services: ComplianceServices }> {
  const { vault } = await createVault({
    path,
    keyStore: new OsKeyStore('Synapse Compliance Console classification benchmark'),
    actor: 'bench',
    passphrase: 'classification benchmark passphrase',
  });
  return { vault, services: new ComplianceServices(vault, 'bench') };
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'synapse-classification-bench-'));
  const results: Result[] = [];
  const { vault, services } = await openBenchVault(join(directory, 'csv.synapse'));
  const second = await openBenchVault(join(directory, 'xlsx.synapse'));

  try {
    // 1. Import ROWS fields from a semicolon CSV with decimal commas.
    const csv = join(directory, 'inventory.csv');
    writeCsv(csv);
    const csvImport = await time(() =>
      services.classificationImports.commit(csv, readFileSync(csv), { mode: 'all-or-nothing' }),
    );
    results.push({
      task: `import ${ROWS.toLocaleString('en')} fields from CSV`,
      ms: csvImport.ms,
      note: `${(statSync(csv).size / 2 ** 20).toFixed(1)} MiB file, ${csvImport.value.inserted} inserted`,
    });

    // 2. Import ROWS fields from XLSX into a second vault, through the zip and dimension checks.
    const xlsx = join(directory, 'inventory.xlsx');
    await writeXlsx(xlsx);
    const xlsxImport = await time(() =>
      second.services.classificationImports.commit(xlsx, readFileSync(xlsx), {
        mode: 'all-or-nothing',
      }),
    );
    second.vault.close();
    results.push({
      task: `import ${ROWS.toLocaleString('en')} fields from XLSX`,
      ms: xlsxImport.ms,
      note: `${(statSync(xlsx).size / 2 ** 20).toFixed(1)} MiB file, ${xlsxImport.value.inserted} inserted`,
    });

    // 3. Scan a database of SCAN_TABLES tables and store the run in the review queue.
    const scanFile = join(directory, 'scan.sqlite');
    writeScanDatabase(scanFile);
    const scan = await time(() => scanSqlite(scanFile));
    results.push({
      task: `scan SQLite, ${SCAN_TABLES} tables x ${SCAN_COLUMNS} columns`,
      ms: scan.ms,
      note: `${scan.value.columns.filter((column) => column.personalData).length} personal of ${scan.value.columns.length} columns`,
    });
    const recorded = await time(() =>
      services.classificationReview.recordScan({
        kind: 'sqlite',
        file: scanFile,
        system: 'bench-scan',
        result: scan.value,
      }),
    );
    results.push({
      task: 'store that scan in the review queue',
      ms: recorded.ms,
      note: `${recorded.value.queued} proposals queued`,
    });

    // 4. List and filter the map of the first vault: ROWS fields.
    const total = services.classification.list({ limit: 1 }).total;
    const queries: [string, () => unknown][] = [
      ['list first page (100, by system)', () => services.classification.list()],
      [
        'list sorted by level, descending',
        () => services.classification.list({ sortBy: 'level', sortDirection: 'desc' }),
      ],
      [
        'filter by system and level',
        () => services.classification.list({ system: 'system-7', level: 'CONFIDENTIAL' }),
      ],
      [
        'filter by policy rule (legal basis missing)',
        () => services.classification.list({ finding: 'legal_basis_missing' }),
      ],
      ['quick search "field_9999"', () => services.classification.list({ search: 'field_9999' })],
      ['count findings by rule', () => services.classificationPolicy.countByRule()],
      ['list findings, first page', () => services.classificationPolicy.list()],
    ];
    for (const [task, query] of queries) {
      const runs: number[] = [];
      for (let run = 0; run < 5; run += 1) runs.push((await time(query)).ms);
      runs.sort((a, b) => a - b);
      results.push({
        task: `${task}, ${total.toLocaleString('en')} fields`,
        ms: runs[2]!,
        note: 'median of 5',
      });
    }

    const lines = [
      `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ` +
        `${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ` +
        `${new Date().toISOString().slice(0, 10)}; encrypted vault (SQLCipher)`,
      '',
      '| Task | Time | Notes |',
      '| --- | ---: | --- |',
      ...results.map(
        (result) => `| ${result.task} | ${result.ms.toFixed(1)} ms | ${result.note} |`,
      ),
      '',
      `Peak RSS during the run: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    vault.close();
    second.vault.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
