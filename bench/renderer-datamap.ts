// Measures the Data Map list with 100,000 entries in Debian's Chromium: the built renderer, the
// real handler table and an encrypted vault, as in the e2e suite (only Electron's IPC transport
// is left out). Prints a markdown table. The vault uses passphrase mode, so no keyring is needed.
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

import type { Page } from 'playwright-core';

import type { ClassificationEntryInput } from '../shared/domain/classification.js';
import { launchChromium, openApp, TEST_PASSPHRASE } from '../test/e2e/harness/app-harness.js';
import { buildRenderer, bundleBrowserApi } from '../test/e2e/harness/build.js';
import { startStaticServer } from '../test/e2e/harness/static-server.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LEVELS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SENSITIVE', 'TOP_SECRET'] as const;
/** Delay of the quick filter between the last keystroke and its query to the vault. */
const QUICK_FILTER_DEBOUNCE_MS = 300;

function entries(count: number): ClassificationEntryInput[] {
  return Array.from({ length: count }, (_, index) => ({
    system: `system-${index % 50}`,
    dataset: `table-${Math.floor(index / 40) % 500}`,
    field: `field-${index}`,
    level: LEVELS[index % LEVELS.length] ?? 'INTERNAL',
    personalData: index % 3 === 0,
    description: `Field ${index} of the benchmark map, with a description of typical length.`,
    owner: `owner-${index % 20}`,
    source: 'import',
  }));
}

/** The little of the DOM the page checks use; this file is type-checked without the DOM library. */
interface PageDocument {
  querySelector(selector: string): { textContent: string | null } | null;
}

/** Waits until the pagination reads "<range> of <total>" and the grid shows rows, not loading. */
async function waitForPage(page: Page, range: string | null, total: string): Promise<void> {
  const suffix = range === null ? ` of ${total}` : `${range} of ${total}`;
  await page.waitForFunction(
    (expected) => {
      const { document } = globalThis as unknown as { document: PageDocument };
      const text = document.querySelector('.MuiTablePagination-displayedRows')?.textContent ?? '';
      const loading = document.querySelector('.MuiDataGrid-overlayWrapper [role="progressbar"]');
      return (
        text.endsWith(expected) &&
        loading === null &&
        document.querySelector('.MuiDataGrid-row') !== null
      );
    },
    suffix,
    { polling: 'raf', timeout: 60_000 },
  );
}

/** Waits until the first row's Field cell shows the given text. */
async function waitForFirstField(page: Page, field: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const { document } = globalThis as unknown as { document: PageDocument };
      return (
        document.querySelector('.MuiDataGrid-row [data-field="field"]')?.textContent === expected
      );
    },
    field,
    { polling: 'raf', timeout: 60_000 },
  );
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const rendererDir = await buildRenderer();
  const server = await startStaticServer(rendererDir);
  const browser = await launchChromium();
  const app = await openApp(browser, server.url, await bundleBrowserApi());
  const { page } = app;
  const totalText = ROWS.toLocaleString('en-US');
  // SQLite orders text by bytes, as a plain JavaScript sort does for ASCII.
  const lastField =
    Array.from({ length: ROWS }, (_, index) => `field-${index}`)
      .sort()
      .at(-1) ?? '';
  // An index with as many digits as the largest, so the search matches exactly one field.
  const searchedField = `field-${Math.floor(ROWS * 0.4242)}`;
  const systemMatches = Math.ceil((ROWS - 7) / 50).toLocaleString('en-US');

  try {
    await app.session.create({ passphrase: TEST_PASSPHRASE });
    const importMs = await timed(async () => {
      app.session.services.classification.importEntries(entries(ROWS), 'benchmark');
    });

    const results: Record<string, number[]> = {
      'First rows after opening the Data Map': [],
      'Next page': [],
      'Sort by field, descending': [],
      'Quick search, 1 match (includes debounce)': [],
      'Quick search, one system in 50 (includes debounce)': [],
      'Clear the search': [],
    };
    const record = (step: string, ms: number) => results[step]?.push(ms);

    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${server.url}/index.html`);
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      const rail = page.getByRole('navigation', { name: 'Main' });

      record(
        'First rows after opening the Data Map',
        await timed(async () => {
          await rail.getByRole('button', { name: 'Data Map' }).click();
          await waitForPage(page, null, totalText);
        }),
      );
      record(
        'Next page',
        await timed(async () => {
          await page.getByRole('button', { name: 'Go to next page' }).click();
          await waitForPage(page, '51–100', totalText);
        }),
      );
      await page.getByRole('columnheader', { name: 'Field' }).click();
      await waitForFirstField(page, 'field-0');
      record(
        'Sort by field, descending',
        await timed(async () => {
          await page.getByRole('columnheader', { name: 'Field' }).click();
          await waitForFirstField(page, lastField);
        }),
      );

      await page.getByRole('button', { name: 'Search' }).click();
      const search = page.getByRole('searchbox');
      record(
        'Quick search, 1 match (includes debounce)',
        await timed(async () => {
          await search.fill(searchedField);
          await waitForPage(page, null, '1');
        }),
      );
      record(
        'Quick search, one system in 50 (includes debounce)',
        await timed(async () => {
          await search.fill('system-7');
          await waitForPage(page, null, systemMatches);
        }),
      );
      record(
        'Clear the search',
        await timed(async () => {
          await search.fill('');
          await waitForPage(page, null, totalText);
        }),
      );
    }

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `Data Map list, ${totalText} entries, ${RUNS} runs; Chromium ${browser.version()}, ` +
        `Node ${process.version}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB. ` +
        `Seeding the vault took ${(importMs / 1000).toFixed(1)} s. Times are wall-clock from the ` +
        'click or keystroke until the grid shows the new rows, measured from the test process; ' +
        `quick-search times include the grid's ${QUICK_FILTER_DEBOUNCE_MS} ms debounce.`,
    );
    console.log();
    console.log('| Step | Median (ms) | Slowest (ms) |');
    console.log('| --- | ---: | ---: |');
    for (const [step, values] of Object.entries(results)) {
      console.log(
        `| ${step} | ${percentile(values, 0.5).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`,
      );
    }
  } finally {
    await app.close();
    await browser.close();
    await server.close();
  }
}

await main();
