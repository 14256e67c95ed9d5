// The IPC handler table over a real encrypted vault, called as main calls it: raw input in,
// envelope out. Vaults use passphrase mode, so no keyring is needed.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { HandlerTable } from '../../core/app/ipc/handler-table.js';
import type { HandlerContext } from '../../core/app/ipc/types.js';
import { VaultSession } from '../../core/app/session.js';
import { OsKeyStore } from '../../core/keychain/os-keychain.js';
import { createRootLogger, setRootLogger } from '../../core/log/logger.js';
import type { JobProgress } from '../../shared/ipc/jobs.js';
import type { IpcResult } from '../../shared/ipc/result.js';
import { ScriptedDesktopShell } from '../helpers/scripted-shell.js';

const PASSPHRASE = 'handler table test passphrase';
const CSV = fileURLToPath(
  new URL('../fixtures/own/desktop/support-inventory.csv', import.meta.url),
);

// The logger is replaced before the handler modules load, because each module creates its child
// logger when it is first imported.
const logLines: string[] = [];
const logger = createRootLogger(
  new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  }),
);
logger.level = 'info';
setRootLogger(logger);

let createHandlerTable: typeof import('../../core/app/ipc/handler-table.js').createHandlerTable;

beforeAll(async () => {
  ({ createHandlerTable } = await import('../../core/app/ipc/handler-table.js'));
});

interface Fixture {
  table: HandlerTable;
  session: VaultSession;
  shell: ScriptedDesktopShell;
  directory: string;
  progress: JobProgress[];
  call<T = unknown>(channel: string, input?: unknown, windowId?: number): Promise<IpcResult<T>>;
  value<T = unknown>(channel: string, input?: unknown, windowId?: number): Promise<T>;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function fixture(session?: VaultSession): Fixture {
  const directory = mkdtempSync(join(tmpdir(), 'synapse-handlers-'));
  const vaultSession =
    session ??
    new VaultSession(
      join(directory, 'vault.synapse'),
      new OsKeyStore(`Synapse Compliance Console handler test ${randomUUID()}`),
      'desktop:test',
    );
  const shell = new ScriptedDesktopShell();
  const table = createHandlerTable({ session: vaultSession, shell });
  const progress: JobProgress[] = [];

  const call = async <T>(channel: string, input?: unknown, windowId = 1) => {
    const handler = table.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    const context: HandlerContext = { windowId, emitProgress: (event) => progress.push(event) };
    return (await handler(input, context)) as IpcResult<T>;
  };
  const value = async <T>(channel: string, input?: unknown, windowId = 1) => {
    const result = await call<T>(channel, input, windowId);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };

  cleanups.push(async () => {
    await table.shutdown();
    rmSync(directory, { recursive: true, force: true });
  });
  return { table, session: vaultSession, shell, directory, progress, call, value };
}

async function unlockedFixture(): Promise<Fixture> {
  const created = fixture();
  await created.value('vault:create', { mode: 'passphrase', passphrase: PASSPHRASE });
  return created;
}

describe('handler table envelopes', () => {
  it('has a handler for every contract channel', async () => {
    const { contractEntries } = await import('../../shared/ipc/contract.js');
    const { table } = fixture();
    expect([...table.handlers.keys()].sort()).toEqual(
      contractEntries()
        .map((entry) => entry.definition.name)
        .sort(),
    );
  });

  it('returns the status of a missing vault', async () => {
    const { call } = fixture();
    const result = await call<{ exists: boolean; unlocked: boolean }>('vault:status');
    expect(result).toMatchObject({ ok: true, value: { exists: false, unlocked: false } });
  });

  it('answers VAULT_LOCKED while the vault is locked', async () => {
    const { call } = fixture();
    const result = await call('classification:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('returns field issues for invalid input', async () => {
    const { call } = await unlockedFixture();
    const result = await call('classification:create', { system: 'CRM', dataset: '', level: 'X' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((issue) => issue.path).sort()).toEqual(['dataset', 'field']);
    expect(result.error.message).toMatch(/^Invalid input for classification:create: /);
  });

  it('rejects unknown keys in a patch', async () => {
    const { value, call } = await unlockedFixture();
    const entry = await value<{ id: number }>('classification:create', {
      system: 'CRM',
      dataset: 'customers',
      field: 'email',
      level: 'CONFIDENTIAL',
    });
    const result = await call('classification:update', { id: entry.id, changes: { id: 99 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('keeps fields a patch leaves out', async () => {
    const { value } = await unlockedFixture();
    const entry = await value<{ id: number }>('classification:create', {
      system: 'CRM',
      dataset: 'customers',
      field: 'email',
      level: 'CONFIDENTIAL',
      owner: 'Data office',
      retention: 'P6Y',
    });
    const updated = await value<{ owner: string; retention: string; level: string }>(
      'classification:update',
      { id: entry.id, changes: { level: 'SENSITIVE' } },
    );
    expect(updated).toMatchObject({ owner: 'Data office', retention: 'P6Y', level: 'SENSITIVE' });
  });

  it('hides an unexpected error behind INTERNAL and logs it', async () => {
    const broken = {
      status: () => {
        throw new TypeError('native detail x/y/z');
      },
      lock: () => undefined,
    } as unknown as VaultSession;
    const { call } = fixture(broken);

    const result = await call('vault:status');

    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('native detail');
    await new Promise((resolve) => setImmediate(resolve));
    const line = logLines.find((text) => text.includes('"channel":"vault:status"'));
    expect(line).toContain('native detail x/y/z');
  });

  it('answers INTERNAL when a handler returns the wrong shape', async () => {
    const wrong = {
      status: async () => ({ path: 42 }),
      lock: () => undefined,
    } as unknown as VaultSession;
    const { call } = fixture(wrong);
    expect(await call('vault:status')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('vault channels', () => {
  it('returns the recovery key from create only', async () => {
    const { call, value } = fixture();
    const created = await value<{ recoveryKey: string; keyMode: string }>('vault:create', {
      mode: 'passphrase',
      passphrase: PASSPHRASE,
    });
    expect(created.keyMode).toBe('passphrase');

    const replies = await Promise.all([
      call('vault:status'),
      call('settings:get'),
      call('dashboard:summary'),
      call('audit:list', { limit: 100 }),
    ]);
    const text = JSON.stringify(replies);
    expect(text).not.toContain(created.recoveryKey);
    expect(text).not.toContain(created.recoveryKey.replace(/-/g, ''));
  });

  it('rejects a short new passphrase', async () => {
    const { call } = fixture();
    const result = await call('vault:create', { mode: 'passphrase', passphrase: 'short' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('locks and unlocks with the passphrase', async () => {
    const { value, call } = await unlockedFixture();
    expect(await value('vault:lock')).toMatchObject({ unlocked: false });
    expect(await call('vault:unlockPassphrase', { passphrase: 'wrong passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'KEY_WRONG' },
    });
    expect(await value('vault:unlockPassphrase', { passphrase: PASSPHRASE })).toMatchObject({
      unlocked: true,
      keyMode: 'passphrase',
    });
  });
});

describe('granted paths', () => {
  it('reads only a file chosen in this window', async () => {
    const { call, value, shell } = await unlockedFixture();

    const before = await call('classification:importPreview', { path: CSV });
    expect(before).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    shell.answerNextOpen(CSV);
    const chosen = await value<{ path: string; name: string }>('files:chooseImportFile', {
      kind: 'classificationFile',
    });
    expect(chosen).toEqual({ path: CSV, name: 'support-inventory.csv' });

    const preview = await value<{ validCount: number; errorCount: number }>(
      'classification:importPreview',
      { path: CSV },
    );
    expect(preview).toMatchObject({ validCount: 12, errorCount: 0 });

    const otherWindow = await call('classification:importPreview', { path: CSV }, 2);
    expect(otherWindow).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('returns null and grants nothing when the dialog is cancelled', async () => {
    const { call, value } = await unlockedFixture();
    expect(await value('files:chooseImportFile', { kind: 'verisJson' })).toBeNull();
    expect(await call('incidents:importPreview', { path: CSV })).toMatchObject({ ok: false });
  });

  it('forgets the grants of a closed window', async () => {
    const { call, value, shell, table } = await unlockedFixture();
    shell.answerNextOpen(CSV);
    await value('files:chooseImportFile', { kind: 'classificationFile' });
    table.forgetWindow(1);
    expect(await call('classification:importPreview', { path: CSV })).toMatchObject({ ok: false });
  });

  it('writes and reveals only granted report paths', async () => {
    const { call, value, shell, directory } = await unlockedFixture();
    const file = join(directory, 'report.xlsx');

    const refused = await call('reports:build', {
      jobId: randomUUID(),
      path: file,
      sections: ['summary'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(existsSync(file)).toBe(false);
    expect(await call('reports:showInFolder', { path: file })).toMatchObject({ ok: false });

    shell.answerNextSave(file);
    expect(await value('reports:chooseDestination')).toEqual({ path: file, name: 'report.xlsx' });
    const result = await value<{ file: string; sheets: string[] }>('reports:build', {
      jobId: randomUUID(),
      path: file,
      sections: ['summary', 'dataMap'],
    });
    expect(result.sheets.slice(0, 2)).toEqual(['Summary', 'Data Map']);
    expect(result.sheets).not.toContain('Audit Trail');
    expect(existsSync(file)).toBe(true);

    expect(await value('reports:showInFolder', { path: file })).toBeNull();
    expect(shell.revealed).toEqual([file]);
  });
});

describe('jobs', () => {
  it('reports progress of an import and ends with done', async () => {
    const { value, shell, progress } = await unlockedFixture();
    shell.answerNextOpen(CSV);
    await value('files:chooseImportFile', { kind: 'classificationFile' });
    const jobId = randomUUID();

    const result = await value('classification:importConfirm', {
      jobId,
      path: CSV,
      mode: 'all-or-nothing',
    });

    expect(result).toMatchObject({ records: 12, rejected: 0, inserted: 12, updated: 0 });
    expect(progress.every((event) => event.jobId === jobId)).toBe(true);
    expect(progress.map((event) => event.phase)).toEqual(
      expect.arrayContaining(['reading', 'storing', 'done']),
    );
    expect(progress.at(-1)?.phase).toBe('done');
  });

  it('cancels a report and leaves no file', async () => {
    const { value, call, shell, directory, session } = await unlockedFixture();
    session.services.classification.importEntries(
      Array.from({ length: 20_000 }, (_, index) => ({
        system: 'Bulk',
        dataset: 'rows',
        field: `field_${index}`,
        level: 'INTERNAL',
      })),
      'cancel test',
    );
    const file = join(directory, 'big.xlsx');
    shell.answerNextSave(file);
    await value('reports:chooseDestination');
    const jobId = randomUUID();

    const running = call('reports:build', {
      jobId,
      path: file,
      sections: ['dataMap', 'auditTrail'],
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await value('jobs:cancel', { jobId }, 2)).toEqual({ cancelled: false });
    expect(await value('jobs:cancel', { jobId })).toEqual({ cancelled: true });

    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(existsSync(file)).toBe(false);
  });

  it('serves a list call that arrives while a report is written', async () => {
    const { value, shell, directory, session } = await unlockedFixture();
    session.services.classification.importEntries(
      Array.from({ length: 5_000 }, (_, index) => ({
        system: 'Bulk',
        dataset: 'rows',
        field: `field_${index}`,
        level: 'INTERNAL',
      })),
      'gate test',
    );
    const file = join(directory, 'gate.xlsx');
    shell.answerNextSave(file);
    await value('reports:chooseDestination');

    const [report, list] = await Promise.all([
      value('reports:build', { jobId: randomUUID(), path: file, sections: ['dataMap'] }),
      value<{ total: number }>('classification:list', { limit: 10 }),
    ]);
    expect(report).toMatchObject({ sheets: expect.arrayContaining(['Data Map']) });
    expect(list.total).toBe(5_000);
  });

  it('rejects a job id that is already running', async () => {
    const { value, call, shell, directory } = await unlockedFixture();
    const file = join(directory, 'twice.xlsx');
    shell.answerNextSave(file);
    await value('reports:chooseDestination');
    const jobId = randomUUID();

    const [first, second] = await Promise.all([
      call('reports:build', { jobId, path: file, sections: ['summary'] }),
      call('reports:build', { jobId, path: file, sections: ['summary'] }),
    ]);
    // The gate runs them one after the other, so the id is free again for the second.
    expect(first.ok).toBe(true);
    expect(second.ok).toBe(true);
  });
});

describe('settings and deadlines', () => {
  it('stores the time zone and country', async () => {
    const { value, call } = await unlockedFixture();

    const saved = await value('settings:set', { timeZone: 'Europe/Berlin', country: 'de' });
    expect(saved).toEqual({ timeZone: 'Europe/Berlin', country: 'DE', timeZoneIsDefault: false });
    expect(await value('settings:get')).toEqual(saved);

    const wrong = await call('settings:set', { timeZone: 'Mars/Olympus', country: 'XX' });
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.error.issues?.map((issue) => issue.path).sort()).toEqual(['country', 'timeZone']);
  });

  it('records settings changes in the audit trail', async () => {
    const { value } = await unlockedFixture();
    await value('settings:set', { timeZone: 'Asia/Tokyo', country: null });
    const audit = await value<{ rows: { action: string; after: unknown }[] }>('audit:list', {
      limit: 1,
    });
    expect(audit.rows[0]).toMatchObject({
      action: 'settings.update',
      after: { timeZone: 'Asia/Tokyo', country: null },
    });
  });

  it('counts overdue requests from today in the vault time zone', async () => {
    const { value } = await unlockedFixture();
    await value('privacy:create', { type: 'access', receivedOn: '2020-01-01', subjectRef: 'T-1' });
    await value('privacy:create', { type: 'access', receivedOn: '2999-01-01', subjectRef: 'T-2' });

    const overdue = await value<{ total: number }>('privacy:list', { due: 'overdue' });
    expect(overdue.total).toBe(1);
    const summary = await value<{ requestsOverdue: number; asOf: string }>('dashboard:summary');
    expect(summary.requestsOverdue).toBe(1);
    expect(summary.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
