import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ComplianceServices } from '../../core/services.js';
import type { Vault } from '../../core/vault/vault.js';
import { openPassphraseVault, type TempVaultContext } from '../helpers/temp-vault.js';

describe('privacy request deadlines', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeEach(async () => {
    ({ context, vault, services } = await openPassphraseVault('privacy-test'));
    // Due 2026-12-01 (overdue on 12-04), 2026-12-08 (due within 7 days), 2027-01-04 (later).
    services.privacy.add({ type: 'access', receivedOn: '2026-11-01', subjectRef: 'overdue' });
    services.privacy.add({ type: 'erasure', receivedOn: '2026-11-08', subjectRef: 'soon' });
    services.privacy.add({ type: 'portability', receivedOn: '2026-12-04', subjectRef: 'later' });
    const done = services.privacy.add({
      type: 'access',
      receivedOn: '2026-10-01',
      subjectRef: 'done',
    });
    services.privacy.update(done.id, { status: 'completed' });
  });

  afterEach(() => {
    vault.close();
    context.cleanup();
  });

  it('lists open overdue requests', () => {
    const page = services.privacy.list({ due: 'overdue', asOf: '2026-12-04' });

    expect(page.rows.map((row) => row.subjectRef)).toEqual(['overdue']);
  });

  it('lists requests due within 7 days', () => {
    const page = services.privacy.list({ due: 'dueSoon', asOf: '2026-12-04' });

    expect(page.rows.map((row) => row.subjectRef)).toEqual(['soon']);
  });

  it('counts the same in the summary', () => {
    const summary = services.summary('2026-12-04');

    expect(summary.requestsOverdue).toBe(1);
    expect(summary.requestsDueWithin7Days).toBe(1);
  });

  it('recomputes the deadline when the date changes', () => {
    const request = services.privacy.list({ search: 'later' }).rows[0];

    const updated = services.privacy.update(request!.id, { receivedOn: '2027-01-31' });

    expect(updated.dueOn).toBe('2027-02-28');
  });
});
