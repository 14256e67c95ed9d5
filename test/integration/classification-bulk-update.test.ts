import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ComplianceServices } from '../../core/services.js';
import type { Vault } from '../../core/vault/vault.js';
import { openPassphraseVault, type TempVaultContext } from '../helpers/temp-vault.js';

const ACTOR = 'bulk-test';

let context: TempVaultContext;
let vault: Vault;
let services: ComplianceServices;

beforeEach(async () => {
  ({ context, vault, services } = await openPassphraseVault(ACTOR));
});

afterEach(() => {
  vault.close();
  context.cleanup();
});

function createEntries(...fields: string[]): number[] {
  return fields.map(
    (field) =>
      services.classification.create({
        system: 'CRM',
        dataset: 'contacts',
        field,
        level: 'INTERNAL',
        owner: field === 'email' ? 'Sales' : '',
      }).id,
  );
}

function bulkAuditEntries() {
  return [...vault.audit.entries()].filter(
    (entry) => entry.action === 'classification.bulk_update',
  );
}

describe('ClassificationService.bulkUpdate', () => {
  it('changes level, owner and retention of every entry', () => {
    const ids = createEntries('email', 'phone', 'notes');

    const summary = services.classification.bulkUpdate(ids, {
      level: 'CONFIDENTIAL',
      owner: 'Data office',
      retention: 'P6Y',
    });

    expect(summary).toEqual({ updated: 3, unchanged: 0 });
    for (const id of ids) {
      expect(services.classification.get(id)).toMatchObject({
        level: 'CONFIDENTIAL',
        owner: 'Data office',
        retention: 'P6Y',
      });
    }
  });

  it('writes one audit entry per changed entry', () => {
    const ids = createEntries('email', 'phone');
    services.classification.bulkUpdate([ids[0]!], { owner: 'Data office' });

    services.classification.bulkUpdate(ids, { owner: 'Data office' });

    const audit = bulkAuditEntries();
    expect(audit).toHaveLength(2);
    expect(audit.map((entry) => entry.entityId)).toEqual([String(ids[0]), String(ids[1])]);
    expect(audit[1]?.before).toMatchObject({ owner: '' });
    expect(audit[1]?.after).toMatchObject({ owner: 'Data office' });
  });

  it('counts entries that already match as unchanged', () => {
    const ids = createEntries('email', 'phone');

    const summary = services.classification.bulkUpdate(ids, { owner: 'Sales' });

    expect(summary).toEqual({ updated: 1, unchanged: 1 });
  });

  it('puts the level name on the active scale', () => {
    const ids = createEntries('email');

    services.classification.bulkUpdate(ids, { level: 'sensitive' });

    expect(services.classification.get(ids[0]!).level).toBe('SENSITIVE');
  });

  it('stores nothing when one id is unknown', () => {
    const ids = createEntries('email', 'phone');

    expect(() => services.classification.bulkUpdate([...ids, 999], { owner: 'X' })).toThrow(
      /No classification entry with id 999/,
    );
    expect(services.classification.get(ids[0]!).owner).toBe('Sales');
    expect(bulkAuditEntries()).toHaveLength(0);
  });

  it('rejects an invalid retention for the whole batch', () => {
    const ids = createEntries('email', 'phone');
    const before = services.classification.get(ids[1]!).retention;

    expect(() => services.classification.bulkUpdate(ids, { retention: 'six years' })).toThrow(
      /retention/,
    );
    expect(services.classification.get(ids[1]!).retention).toBe(before);
    expect(bulkAuditEntries()).toHaveLength(0);
  });
});
