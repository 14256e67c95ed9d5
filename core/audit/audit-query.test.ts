import { afterEach, describe, expect, it } from 'vitest';

import { tempVaultContext, type TempVaultContext } from '../../test/helpers/temp-vault.js';
import { createVault } from '../vault/lifecycle.js';
import type { Vault } from '../vault/vault.js';
import { AuditQueries } from './audit-query.js';

let context: TempVaultContext | null = null;
let vault: Vault | null = null;

afterEach(() => {
  vault?.close();
  context?.cleanup();
  vault = null;
  context = null;
});

/** Creates a vault (its creation is entry 1) and appends five entries about two record types. */
async function vaultWithEntries(): Promise<Vault> {
  context = tempVaultContext();
  ({ vault } = await createVault({
    path: context.vaultPath,
    keyStore: context.keyStore,
    actor: 'test',
    passphrase: 'audit query test passphrase',
  }));
  const opened = vault;
  opened.transaction(() => {
    for (let index = 1; index <= 3; index++) {
      opened.audit.append({
        actor: 'alice',
        action: 'incident.create',
        entityType: 'incident',
        entityId: index,
      });
    }
    opened.audit.append({
      actor: 'bob',
      action: 'incident.update',
      entityType: 'incident',
      entityId: 2,
    });
    opened.audit.append({ actor: 'bob', action: 'report.export', entityType: 'report' });
  });
  return opened;
}

describe('AuditQueries', () => {
  it('lists newest first by default', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    const page = queries.list({ limit: 2 });

    expect(page.total).toBe(6);
    expect(page.rows.map((row) => row.seq)).toEqual([6, 5]);
  });

  it('lists oldest first on request', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    expect(queries.list({ sortDirection: 'asc', limit: 2 }).rows.map((row) => row.seq)).toEqual([
      1, 2,
    ]);
  });

  it('pages with offset', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    expect(queries.list({ offset: 4, limit: 10 }).rows.map((row) => row.seq)).toEqual([2, 1]);
  });

  it('filters by exact action', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    expect(queries.list({ action: 'incident.update' }).total).toBe(1);
  });

  it('filters by action prefix', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    expect(queries.list({ action: 'incident' }).total).toBe(4);
  });

  it('treats LIKE wildcards in the prefix literally', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    expect(queries.list({ action: 'inc%' }).total).toBe(0);
  });

  it('filters by entity type', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    expect(queries.list({ entityType: 'report' }).rows.map((row) => row.action)).toEqual([
      'report.export',
    ]);
  });

  it('searches actor and entity id', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    expect(queries.list({ search: 'bob' }).total).toBe(2);
  });

  it('returns entries with parsed values', async () => {
    const queries = new AuditQueries((await vaultWithEntries()).db);
    const [first] = queries.list({ sortDirection: 'asc', limit: 1 }).rows;
    expect(first?.action).toBe('vault.create');
    expect(first?.after).toEqual({ keyMode: 'passphrase' });
  });
});
