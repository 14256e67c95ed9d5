import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { hashAuditRow } from '../../core/audit/audit-trail.js';
import type { ComplianceServices } from '../../core/services.js';
import type { Vault } from '../../core/vault/vault.js';
import { openPassphraseVault, type TempVaultContext } from '../helpers/temp-vault.js';

const ACTOR = 'auditor-test';

describe('audit trail', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeEach(async () => {
    // Passphrase mode keeps these tests independent of the keychain.
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
    for (const field of ['email', 'phone', 'iban', 'notes']) {
      services.classification.create({
        system: 'CRM',
        dataset: 'customers',
        field,
        level: 'CONFIDENTIAL',
      });
    }
  });

  afterEach(() => {
    vault.close();
    context.cleanup();
  });

  it('verifies an intact chain', () => {
    const result = vault.audit.verify();

    // The vault's creation, the CRM system and its dataset, and the four entries.
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(7);
    expect(result.problems).toEqual([]);
  });

  it('records before and after values', () => {
    const entry = services.classification.list({ search: 'phone' }).rows[0];
    services.classification.update(entry!.id, { level: 'SENSITIVE', owner: 'DPO' });

    const last = [...vault.audit.entries()].at(-1);
    expect(last?.action).toBe('classification.update');
    expect((last?.before as { level: string }).level).toBe('CONFIDENTIAL');
    expect((last?.after as { level: string }).level).toBe('SENSITIVE');
    expect(last?.actor).toBe(ACTOR);
  });

  it('catches an edited entry', () => {
    vault.db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3").run();

    const result = vault.audit.verify();

    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'edited' }));
  });

  it('catches an edited value with a recomputed hash', () => {
    // An attacker who recomputes the edited entry's own hash still breaks the next link.
    // Entry 4 records the creation of the first classification entry.
    const row = vault.db.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as {
      after_json: string;
    };
    vault.db
      .prepare('UPDATE audit_log SET after_json = ? WHERE seq = 4')
      .run(row.after_json.replace('CONFIDENTIAL', 'PUBLIC'));
    const edited = vault.db.prepare('SELECT * FROM audit_log WHERE seq = 4').get();
    vault.db
      .prepare('UPDATE audit_log SET hash = ? WHERE seq = 4')
      .run(hashAuditRow(edited as Parameters<typeof hashAuditRow>[0]));

    const result = vault.audit.verify();

    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ seq: 5, kind: 'broken_link' }),
    );
  });

  it('catches a deleted entry', () => {
    vault.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();

    const result = vault.audit.verify();

    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'missing' }));
    expect(result.problems).toContainEqual(
      expect.objectContaining({ seq: 3, kind: 'broken_link' }),
    );
  });

  it('catches reordered entries', () => {
    vault.transaction(() => {
      vault.db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 2').run();
      vault.db.prepare('UPDATE audit_log SET seq = 2 WHERE seq = 3').run();
      vault.db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = -1').run();
    });

    const result = vault.audit.verify();

    expect(result.ok).toBe(false);
    expect(result.problems.some((problem) => problem.kind === 'broken_link')).toBe(true);
    expect(result.problems.some((problem) => problem.kind === 'edited')).toBe(true);
  });

  it('catches entries cut from the end', () => {
    vault.db.prepare('DELETE FROM audit_log WHERE seq = 7').run();

    const result = vault.audit.verify();

    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'head_mismatch' }));
  });

  it('rejects an append outside a transaction', () => {
    expect(() => vault.audit.append({ actor: ACTOR, action: 'x', entityType: 'y' })).toThrow(
      /inside the transaction/,
    );
  });
});

describe('transactional writes', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeEach(async () => {
    // Passphrase mode keeps these tests independent of the keychain.
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
  });

  afterEach(() => {
    vault.close();
    context.cleanup();
  });

  it('stores nothing when one record of an import is invalid', () => {
    const auditBefore = vault.audit.count();
    const records = [
      { system: 'HR', dataset: 'staff', field: 'name', level: 'CONFIDENTIAL' as const },
      { system: 'HR', dataset: 'staff', field: 'salary', level: 'SECRETISH' as never },
    ];

    expect(() => services.classification.importEntries(records, 'hr.csv')).toThrow(
      /classification entry 2 of hr.csv: level \("SECRETISH"\)/,
    );
    expect(services.classification.list().total).toBe(0);
    expect(vault.audit.count()).toBe(auditBefore);
  });

  it('rolls back when a write fails mid-import', () => {
    services.classification.create({
      system: 'HR',
      dataset: 'staff',
      field: 'name',
      level: 'INTERNAL',
    });
    const auditBefore = vault.audit.count();
    vault.db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON classification_entries
      WHEN NEW.field = 'third' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);

    expect(() =>
      services.classification.importEntries(
        ['first', 'second', 'third'].map((field) => ({
          system: 'HR',
          dataset: 'staff',
          field,
          level: 'INTERNAL' as const,
        })),
        'staff.csv',
      ),
    ).toThrow(/disk full/);
    expect(services.classification.list().total).toBe(1);
    expect(vault.audit.count()).toBe(auditBefore);
  });

  it('reimports without duplicates', () => {
    const records = [{ system: 'HR', dataset: 'staff', field: 'name', level: 'INTERNAL' as const }];
    const first = services.classification.importEntries(records, 'a.csv');
    const second = services.classification.importEntries(records, 'a.csv');

    expect(first).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(second).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
  });
});
