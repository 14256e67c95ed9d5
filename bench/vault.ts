// Measures the cost of encryption: each task runs on an encrypted vault and on a plain,
// unencrypted better-sqlite3 database with the same schema, services and code path.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import PlainDatabase from 'better-sqlite3';
import type { Database } from 'better-sqlite3-multiple-ciphers';

import { OsKeyStore } from '../core/keychain/os-keychain.js';
import { writeComplianceReport } from '../core/reports/compliance-report.js';
import { ComplianceServices } from '../core/services.js';
import { configureConnection } from '../core/vault/database.js';
import { createVault, openVault } from '../core/vault/lifecycle.js';
import { migrate } from '../core/vault/migrations/index.js';
import { keychainAccount } from '../core/vault/paths.js';
import { Vault } from '../core/vault/vault.js';
import type { ClassificationEntryInput } from '../shared/domain/classification.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const OPEN_RUNS = 20;
const LEVELS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SENSITIVE', 'TOP_SECRET'] as const;

function entries(count: number): ClassificationEntryInput[] {
  return Array.from({ length: count }, (_, index) => ({
    system: `system-${index % 50}`,
    dataset: `table-${Math.floor(index / 40) % 500}`,
    field: `field-${index}`,
    level: LEVELS[index % LEVELS.length]!,
    personalData: index % 3 === 0,
    description: `Field ${index} of the benchmark map, with a description of typical length.`,
    owner: `owner-${index % 20}@example.com`,
    source: 'import',
  }));
}

function openPlain(path: string): Vault {
  const db = new PlainDatabase(path) as unknown as Database;
  configureConnection(db);
  migrate(db);
  return new Vault(path, db);
}

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'synapse-bench-'));
  const keyStore = new OsKeyStore('Synapse Compliance Console benchmark');
  const encryptedPath = join(directory, 'encrypted.synapse');
  const plainPath = join(directory, 'plain.sqlite');
  const records = entries(ROWS);
  const results: { task: string; encrypted: number; plain: number; unit: string }[] = [];

  try {
    // 1. Import ROWS classification entries in one transaction, with their audit entries.
    const created = await createVault({ path: encryptedPath, keyStore, actor: 'bench' });
    const encryptedImport = await time(() =>
      new ComplianceServices(created.vault, 'bench').classification.importEntries(records, 'bench'),
    );
    const plainVault = openPlain(plainPath);
    const plainImport = await time(() =>
      new ComplianceServices(plainVault, 'bench').classification.importEntries(records, 'bench'),
    );
    results.push({
      task: `import ${ROWS.toLocaleString('en')} classification rows`,
      encrypted: encryptedImport.ms,
      plain: plainImport.ms,
      unit: 'ms',
    });

    // 2. Stream the report with every sheet; the Data Map sheet carries the ROWS entries.
    const heapBefore = process.memoryUsage().heapUsed;
    const encryptedReport = await time(() =>
      writeComplianceReport(
        new ComplianceServices(created.vault, 'bench').reportSource(),
        join(directory, 'encrypted.xlsx'),
      ),
    );
    const plainReport = await time(() =>
      writeComplianceReport(
        new ComplianceServices(plainVault, 'bench').reportSource(),
        join(directory, 'plain.xlsx'),
      ),
    );
    results.push({
      task: `report of ${ROWS.toLocaleString('en')} rows (plus audit sheet)`,
      encrypted: encryptedReport.ms,
      plain: plainReport.ms,
      unit: 'ms',
    });
    const peakRss = process.memoryUsage().rss;
    created.vault.close();
    plainVault.close();

    // 3. Open the filled vault: keychain read, keying, proof read and migration check.
    const encryptedOpens: number[] = [];
    const plainOpens: number[] = [];
    for (let run = 0; run < OPEN_RUNS; run++) {
      const opened = await time(() => openVault({ path: encryptedPath, keyStore }));
      opened.value.close();
      encryptedOpens.push(opened.ms);
      const plain = await time(() => openPlain(plainPath));
      plain.value.close();
      plainOpens.push(plain.ms);
    }
    results.push({
      task: `open vault (median of ${OPEN_RUNS})`,
      encrypted: median(encryptedOpens),
      plain: median(plainOpens),
      unit: 'ms',
    });

    const lines = [
      `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ` +
        `${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| Task | Encrypted (SQLCipher) | Plain better-sqlite3 | Ratio |',
      '| --- | ---: | ---: | ---: |',
      ...results.map(
        (result) =>
          `| ${result.task} | ${result.encrypted.toFixed(1)} ${result.unit} | ` +
          `${result.plain.toFixed(1)} ${result.unit} | ${(result.encrypted / result.plain).toFixed(2)}x |`,
      ),
      '',
      `Vault file: ${(statSync(encryptedPath).size / 2 ** 20).toFixed(1)} MiB encrypted, ` +
        `${(statSync(plainPath).size / 2 ** 20).toFixed(1)} MiB plain. Peak RSS during the run: ` +
        `${(peakRss / 2 ** 20).toFixed(0)} MiB; heap before the reports: ` +
        `${(heapBefore / 2 ** 20).toFixed(0)} MiB.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await keyStore.delete(keychainAccount(encryptedPath)).catch(() => false);
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
