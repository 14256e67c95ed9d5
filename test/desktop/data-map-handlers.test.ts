// The data map and review queue channels of the handler table over a real encrypted vault, called
// as main calls them. Vaults use passphrase mode, so no keyring is needed.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { createHandlerTable } from '../../core/app/ipc/handler-table.js';
import type { HandlerContext } from '../../core/app/ipc/types.js';
import { VaultSession } from '../../core/app/session.js';
import { scanSqlite } from '../../core/importers/sqlite-scan.js';
import { OsKeyStore } from '../../core/keychain/os-keychain.js';
import type { IpcResult } from '../../shared/ipc/result.js';
import { ScriptedDesktopShell } from '../helpers/scripted-shell.js';

const CHINOOK = fileURLToPath(
  new URL('../fixtures/real/chinook/Chinook_Sqlite.sqlite', import.meta.url),
);

interface Fixture {
  session: VaultSession;
  shell: ScriptedDesktopShell;
  directory: string;
  call<T = unknown>(channel: string, input?: unknown): Promise<IpcResult<T>>;
  value<T = unknown>(channel: string, input?: unknown): Promise<T>;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function unlockedFixture(): Promise<Fixture> {
  const directory = mkdtempSync(join(tmpdir(), 'synapse-data-map-'));
  const session = new VaultSession(
    join(directory, 'vault.synapse'),
    new OsKeyStore(`Synapse Compliance Console data map test ${randomUUID()}`),
    'desktop:test',
  );
  const shell = new ScriptedDesktopShell();
  const table = createHandlerTable({ session, shell });
  const context: HandlerContext = { windowId: 1, emitProgress: () => undefined };

  const call = async <T>(channel: string, input?: unknown) => {
    const handler = table.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return (await handler(input, context)) as IpcResult<T>;
  };
  const value = async <T>(channel: string, input?: unknown) => {
    const result = await call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };

  cleanups.push(async () => {
    await table.shutdown();
    rmSync(directory, { recursive: true, force: true });
  });
  await value('vault:create', { mode: 'passphrase', passphrase: 'data map handler passphrase' });
  return { session, shell, directory, call, value };
}

async function expectInvalidInput(result: Promise<IpcResult<unknown>>, paths: string[]) {
  const settled = await result;
  expect(settled.ok).toBe(false);
  if (settled.ok) return;
  expect(settled.error.code).toBe('INVALID_INPUT');
  expect(settled.error.issues?.map((issue) => issue.path).sort()).toEqual(paths);
}

async function createEntry(fixture: Fixture, field: string): Promise<number> {
  const entry = await fixture.value<{ id: number }>('classification:create', {
    system: 'CRM',
    dataset: 'contacts',
    field,
    level: 'INTERNAL',
  });
  return entry.id;
}

describe('dataMap channels', () => {
  it('creates and edits a system and a dataset', async () => {
    const fixture = await unlockedFixture();

    const system = await fixture.value<{ id: number }>('dataMap:createSystem', {
      name: 'Payroll',
      owner: 'HR',
      location: 'on premises, Frankfurt',
    });
    await fixture.value('dataMap:updateSystem', { id: system.id, changes: { dpaInPlace: true } });
    const dataset = await fixture.value<{ id: number }>('dataMap:createDataset', {
      systemId: system.id,
      name: 'salaries',
    });
    await fixture.value('dataMap:updateDataset', { id: dataset.id, changes: { kind: 'file' } });

    const systems = await fixture.value<unknown[]>('dataMap:listSystems');
    const datasets = await fixture.value<unknown[]>('dataMap:listDatasets', {
      systemId: system.id,
    });
    expect(systems).toEqual([
      expect.objectContaining({ name: 'Payroll', owner: 'HR', dpaInPlace: true, datasetCount: 1 }),
    ]);
    expect(datasets).toEqual([expect.objectContaining({ name: 'salaries', kind: 'file' })]);
  });

  it('rejects a system without a name', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(fixture.call('dataMap:createSystem', { name: ' ' }), ['name']);
  });

  it('rejects unknown keys in a system patch', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(
      fixture.call('dataMap:updateSystem', { id: 1, changes: { datasetCount: 3 } }),
      ['changes'],
    );
  });

  it('bulk-updates the selected entries', async () => {
    const fixture = await unlockedFixture();
    const ids = [await createEntry(fixture, 'email'), await createEntry(fixture, 'phone')];

    const result = await fixture.value('dataMap:bulkUpdate', {
      ids,
      changes: { level: 'SENSITIVE', owner: 'Sales', retention: 'P2Y' },
    });

    expect(result).toEqual({ updated: 2, unchanged: 0 });
    const page = await fixture.value<{ rows: unknown[] }>('classification:list', {
      owner: 'Sales',
      level: 'SENSITIVE',
    });
    expect(page.rows).toHaveLength(2);
  });

  it('rejects a bulk edit without changes', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(fixture.call('dataMap:bulkUpdate', { ids: [1], changes: {} }), [
      'changes',
    ]);
  });

  it('rejects a bulk edit without entries', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(
      fixture.call('dataMap:bulkUpdate', { ids: [], changes: { owner: 'Sales' } }),
      ['ids'],
    );
  });

  it('rejects an invalid bulk retention', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(
      fixture.call('dataMap:bulkUpdate', { ids: [1], changes: { retention: 'two years' } }),
      ['changes.retention'],
    );
  });

  it('answers NOT_FOUND for an unknown bulk entry', async () => {
    const fixture = await unlockedFixture();
    const result = await fixture.call('dataMap:bulkUpdate', {
      ids: [404],
      changes: { owner: 'Sales' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists and counts policy findings by rule', async () => {
    const fixture = await unlockedFixture();
    await createEntry(fixture, 'email');

    const counts = await fixture.value<Record<string, number>>('dataMap:countFindings');
    const page = await fixture.value<{ rows: { rule: string; field: string }[] }>(
      'dataMap:listFindings',
      { rule: 'owner_missing' },
    );

    expect(counts.owner_missing).toBe(1);
    expect(page.rows).toEqual([expect.objectContaining({ rule: 'owner_missing', field: 'email' })]);
  });

  it('rejects an unknown policy rule', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(fixture.call('dataMap:listFindings', { rule: 'nope' }), ['rule']);
  });
});

describe('review channels', () => {
  async function scannedFixture() {
    const fixture = await unlockedFixture();
    fixture.session.services.classificationReview.recordScan({
      kind: 'sqlite',
      file: CHINOOK,
      system: 'Chinook',
      result: scanSqlite(CHINOOK),
    });
    return fixture;
  }

  it('lists runs and pending proposals', async () => {
    const fixture = await scannedFixture();

    const runs = await fixture.value<{ id: number; pending: number }[]>('review:listRuns', {});
    const page = await fixture.value<{ total: number }>('review:listProposals', {
      runId: runs[0]?.id,
      status: 'pending',
    });

    expect(runs).toHaveLength(1);
    expect(page.total).toBe(runs[0]?.pending);
  });

  it('accepts with changes and rejects proposals', async () => {
    const fixture = await scannedFixture();
    const page = await fixture.value<{ rows: { id: number }[] }>('review:listProposals', {
      status: 'pending',
      limit: 2,
    });
    const [first, second] = page.rows;

    const accepted = await fixture.value<{ entry: { owner: string } }>('review:accept', {
      id: first?.id,
      changes: { owner: 'Music store' },
    });
    const rejected = await fixture.value<{ status: string }>('review:reject', { id: second?.id });

    expect(accepted.entry.owner).toBe('Music store');
    expect(rejected.status).toBe('rejected');
  });

  it('returns the diff of a first run', async () => {
    const fixture = await scannedFixture();
    const [run] = await fixture.value<{ id: number; fields: number }[]>('review:listRuns', {});

    const diff = await fixture.value<{ previousRunId: null; added: unknown[] }>('review:diffRun', {
      runId: run?.id,
    });

    expect(diff.previousRunId).toBeNull();
    expect(diff.added).toHaveLength(run?.fields ?? -1);
  });

  it('leaves a scan pending when decide is false', async () => {
    const fixture = await unlockedFixture();
    fixture.shell.answerNextOpen(CHINOOK);
    const chosen = await fixture.value<{ path: string }>('files:chooseImportFile', {
      kind: 'scanSource',
    });

    const applied = await fixture.value<{ runId: number; accepted: number; queued: number }>(
      'classification:scanApply',
      { jobId: randomUUID(), path: chosen.path, system: 'Chinook', decide: false },
    );
    const pending = await fixture.value<{ total: number }>('review:listProposals', {
      runId: applied.runId,
      status: 'pending',
    });
    const entries = await fixture.value<{ total: number }>('classification:list', {});

    expect(applied.accepted).toBe(0);
    expect(applied.queued).toBe(pending.total);
    expect(pending.total).toBeGreaterThan(0);
    expect(entries.total).toBe(0);
  });

  it('rejects an invalid proposal status', async () => {
    const fixture = await scannedFixture();
    await expectInvalidInput(fixture.call('review:listProposals', { status: 'done' }), ['status']);
  });

  it('rejects unknown keys in accept changes', async () => {
    const fixture = await scannedFixture();
    await expectInvalidInput(
      fixture.call('review:accept', { id: 1, changes: { status: 'accepted' } }),
      ['changes'],
    );
  });
});

describe('ropa channels', () => {
  it('stores the controller and builds the record per purpose', async () => {
    const fixture = await unlockedFixture();
    await fixture.value('classification:create', {
      system: 'CRM',
      dataset: 'contacts',
      field: 'email',
      level: 'CONFIDENTIAL',
      personalData: true,
      category: 'email',
      purpose: 'Customer support',
    });

    await fixture.value('ropa:setController', { name: 'Example GmbH', dpo: 'dpo@example.test' });
    const controller = await fixture.value('ropa:getController');
    const record = await fixture.value<{ activities: { name: string }[] }>('ropa:record', {
      groupBy: 'purpose',
    });

    expect(controller).toMatchObject({ name: 'Example GmbH', dpo: 'dpo@example.test' });
    expect(record.activities.map((activity) => activity.name)).toEqual(['Customer support']);
  });

  it('rejects an unknown grouping', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(fixture.call('ropa:record', { groupBy: 'country' }), ['groupBy']);
  });

  it('rejects unknown controller keys', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(fixture.call('ropa:setController', { vatId: 'DE1' }), ['']);
  });

  it('exports only to a path the save dialog granted', async () => {
    const fixture = await unlockedFixture();
    const target = join(fixture.directory, 'record');

    const refused = await fixture.call('ropa:exportRecord', { path: `${target}.xlsx` });
    fixture.shell.answerNextSave(target);
    const chosen = await fixture.value<{ path: string }>('ropa:chooseDestination', {
      kind: 'ropa',
    });
    const result = await fixture.value<{ file: string }>('ropa:exportRecord', {
      path: chosen.path,
    });

    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(chosen.path).toBe(`${target}.xlsx`);
    expect(existsSync(result.file)).toBe(true);
  });

  it('exports the map as CSV', async () => {
    const fixture = await unlockedFixture();
    await createEntry(fixture, 'email');
    fixture.shell.answerNextSave(join(fixture.directory, 'map.csv'));

    const chosen = await fixture.value<{ path: string }>('ropa:chooseDestination', {
      kind: 'mapCsv',
    });
    const result = await fixture.value<{ rows: number }>('ropa:exportMap', { path: chosen.path });

    expect(result.rows).toBe(1);
  });
});

describe('history and scale channels', () => {
  it('rebuilds the map as of today', async () => {
    const fixture = await unlockedFixture();
    await createEntry(fixture, 'email');

    const map = await fixture.value<{ fields: { field: string }[] }>('history:asOf', {
      when: new Date().toISOString(),
    });

    expect(map.fields.map((field) => field.field)).toEqual(['email']);
  });

  it('lists changed attributes between two instants', async () => {
    const fixture = await unlockedFixture();
    const id = await createEntry(fixture, 'email');
    const from = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.value('dataMap:bulkUpdate', { ids: [id], changes: { owner: 'Sales' } });
    const to = new Date(Date.now() + 1000).toISOString();

    const diff = await fixture.value<{
      added: unknown[];
      changed: {
        field: string;
        changes: { attribute: string; before: unknown; after: unknown }[];
      }[];
    }>('history:diff', { from, to });

    expect(diff.added).toEqual([]);
    expect(diff.changed).toEqual([
      {
        id,
        system: 'CRM',
        dataset: 'contacts',
        field: 'email',
        changes: [{ attribute: 'owner', before: '', after: 'Sales' }],
      },
    ]);
  });

  it('rejects an invalid moment', async () => {
    const fixture = await unlockedFixture();
    await expectInvalidInput(fixture.call('history:diff', { from: '2025-13-01', to: 'now' }), [
      'from',
      'to',
    ]);
  });

  it('previews and applies a scale change with a remap', async () => {
    const fixture = await unlockedFixture();
    await createEntry(fixture, 'email');
    const scale = {
      levels: [
        { name: 'OPEN', color: '#2E6B30' },
        { name: 'CLOSED', color: '#C62828', requiresEncryption: true },
      ],
    };
    const remap = {
      PUBLIC: 'OPEN',
      INTERNAL: 'OPEN',
      CONFIDENTIAL: 'CLOSED',
      SENSITIVE: 'CLOSED',
      TOP_SECRET: 'CLOSED',
    };

    const preview = await fixture.value<{ remapped: unknown[] }>('scale:preview', {
      scale,
      remap,
    });
    const before = await fixture.value<{ levels: unknown[] }>('classification:scale');
    await fixture.value('scale:set', { scale, remap });
    const after = await fixture.value<{ levels: { name: string }[] }>('classification:scale');

    expect(preview.remapped).toEqual([{ from: 'INTERNAL', to: 'OPEN', entries: 1 }]);
    expect(before.levels).toHaveLength(5);
    expect(after.levels.map((level) => level.name)).toEqual(['OPEN', 'CLOSED']);
  });

  it('rejects an invalid level colour', async () => {
    const fixture = await unlockedFixture();
    const result = fixture.call('scale:preview', {
      scale: {
        levels: [
          { name: 'A', color: 'red' },
          { name: 'B', color: '#000000' },
        ],
      },
    });
    await expectInvalidInput(result, ['scale.levels.0.color']);
  });
});
