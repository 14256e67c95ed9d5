import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SynapseError } from '../../shared/errors.js';
import {
  auditEntry,
  fakeReportSource,
  generatedAuditEntries,
  hostileReportSource,
} from '../../test/helpers/fake-report-source.js';
import { readRawXlsx } from '../../test/helpers/xlsx-raw-reader.js';
import { writeComplianceReport, type ReportSection } from './compliance-report.js';

/** Returns V8's gc(), which a test process lacks unless Node started with --expose-gc. */
function exposeGarbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('writeComplianceReport', () => {
  let directory: string;
  let file: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'synapse-report-'));
    file = path.join(directory, 'report.xlsx');
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes requested sections in workbook order', async () => {
    const result = await writeComplianceReport(hostileReportSource(), file, {
      sections: ['auditTrail', 'summary', 'auditTrail'],
    });

    expect(result.sheets).toEqual(['Summary', 'Audit Trail']);
    expect((await readRawXlsx(file)).map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Audit Trail',
    ]);
  });

  it('rejects an empty section list', async () => {
    const error = await writeComplianceReport(hostileReportSource(), file, { sections: [] }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(SynapseError);
    expect((error as SynapseError).code).toBe('INVALID_INPUT');
    expect(await readdir(directory)).toEqual([]);
  });

  it('rejects an unknown section', async () => {
    const sections = ['summary', 'payroll'] as unknown as ReportSection[];
    const error = await writeComplianceReport(hostileReportSource(), file, { sections }).catch(
      (caught: unknown) => caught,
    );

    expect((error as SynapseError).code).toBe('INVALID_INPUT');
    expect((error as SynapseError).message).toContain('payroll');
    expect(await readdir(directory)).toEqual([]);
  });

  it('reports progress up to the total', async () => {
    const progress: number[] = [];
    const source = fakeReportSource({ auditEntries: generatedAuditEntries(2_500) });

    await writeComplianceReport(source, file, {
      sections: ['auditTrail'],
      onProgress: (rows) => progress.push(rows),
    });

    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(2_500);
  });

  it('continues a full sheet on a new one', async () => {
    const source = fakeReportSource({ auditEntries: generatedAuditEntries(7) });

    const result = await writeComplianceReport(
      source,
      file,
      { sections: ['auditTrail'] },
      { maxDataRowsPerSheet: 3 },
    );
    const sheets = await readRawXlsx(file);

    expect(result.sheets).toEqual(['Audit Trail', 'Audit Trail (2)', 'Audit Trail (3)']);
    expect(result.rows).toEqual({ 'Audit Trail': 3, 'Audit Trail (2)': 3, 'Audit Trail (3)': 1 });
    expect(sheets.map((sheet) => sheet.rows[0]?.[0]?.value)).toEqual(['Seq', 'Seq', 'Seq']);
    expect(sheets.map((sheet) => sheet.rows[1]?.[0]?.value)).toEqual(['1', '4', '7']);
    expect(sheets.map((sheet) => sheet.autoFilterRef)).toEqual(['A1:I4', 'A1:I4', 'A1:I2']);
  });

  it('deletes the temporary file on abort', async () => {
    const controller = new AbortController();
    const source = fakeReportSource({ auditEntries: generatedAuditEntries(20_000) });

    const error = await writeComplianceReport(source, file, {
      signal: controller.signal,
      onProgress: (rows) => {
        if (rows >= 3_000) controller.abort();
      },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SynapseError);
    expect((error as SynapseError).code).toBe('CANCELLED');
    expect(await readdir(directory)).toEqual([]);
  });

  it('cancels at once when already aborted', async () => {
    let rowsRead = 0;
    const entries = (function* () {
      for (const entry of generatedAuditEntries(10)) {
        rowsRead += 1;
        yield entry;
      }
    })();

    const error = await writeComplianceReport(fakeReportSource({ auditEntries: entries }), file, {
      signal: AbortSignal.abort(),
    }).catch((caught: unknown) => caught);

    expect((error as SynapseError).code).toBe('CANCELLED');
    expect(rowsRead).toBe(0);
    expect(await readdir(directory)).toEqual([]);
  });

  it('keeps an earlier report when the source fails', async () => {
    await writeFile(file, 'earlier report');
    const failing = (function* () {
      yield auditEntry();
      throw new Error('vault read failed');
    })();

    await expect(
      writeComplianceReport(fakeReportSource({ auditEntries: failing }), file),
    ).rejects.toThrow('vault read failed');

    expect(await readFile(file, 'utf8')).toBe('earlier report');
    expect(await readdir(directory)).toEqual(['report.xlsx']);
  });

  it('replaces an earlier report on success', async () => {
    await writeFile(file, 'earlier report');

    await writeComplianceReport(hostileReportSource(), file);

    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK');
    expect(await readdir(directory)).toEqual(['report.xlsx']);
  });

  it('rejects a missing folder', async () => {
    const missing = path.join(directory, 'no-such-folder', 'report.xlsx');

    await expect(writeComplianceReport(hostileReportSource(), missing)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('resolves a relative path', async () => {
    const relative = path.relative(process.cwd(), file);

    const result = await writeComplianceReport(hostileReportSource(), relative);

    expect(result.file).toBe(file);
  });

  it('streams 50,000 rows in bounded memory', async () => {
    // About 1.7 KB of sheet XML per row, 85 MB in all: holding the rows, or letting the XML pile
    // up in front of the zip compressor, would break the limits below. Memory is measured after a
    // forced collection, so garbage that V8 has not collected yet does not count.
    const collectGarbage = exposeGarbageCollector();
    const payload = 'Audit payload text. '.repeat(75);
    const source = fakeReportSource({ auditEntries: generatedAuditEntries(50_000, payload) });

    collectGarbage();
    const baseline = process.memoryUsage();
    let peakHeapGrowth = 0;
    let peakBufferGrowth = 0;

    const result = await writeComplianceReport(source, file, {
      sections: ['auditTrail'],
      onProgress: (rows) => {
        if (rows % 5_000 !== 0) return;
        collectGarbage();
        const usage = process.memoryUsage();
        peakHeapGrowth = Math.max(peakHeapGrowth, usage.heapUsed - baseline.heapUsed);
        peakBufferGrowth = Math.max(peakBufferGrowth, usage.arrayBuffers - baseline.arrayBuffers);
      },
    });

    expect(result.rows).toEqual({ 'Audit Trail': 50_000 });
    expect((await stat(file)).size).toBeGreaterThan(0);
    expect(peakHeapGrowth).toBeLessThan(64 * 1024 * 1024);
    expect(peakBufferGrowth).toBeLessThan(24 * 1024 * 1024);
  }, 120_000);
});
