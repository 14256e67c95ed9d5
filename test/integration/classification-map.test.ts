import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ComplianceServices } from '../../core/services.js';
import type { Vault } from '../../core/vault/vault.js';
import type { ClassificationEntryInput } from '../../shared/domain/classification.js';
import { openPassphraseVault, type TempVaultContext } from '../helpers/temp-vault.js';

const ACTOR = 'map-test';

/** Creates a vault in passphrase mode, so these tests do not depend on the keychain. */
function field(overrides: Partial<ClassificationEntryInput> & { field: string }) {
  return { system: 'CRM', dataset: 'contacts', level: 'CONFIDENTIAL', ...overrides };
}

describe('systems, datasets and fields', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeAll(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
  });

  afterAll(() => {
    vault.close();
    context.cleanup();
  });

  it('files a new field under new system and dataset', () => {
    const auditBefore = vault.audit.count();

    const entry = services.classification.create(
      field({
        field: 'email',
        personalData: true,
        category: 'email',
        dataSubjects: ['customers', 'customers', 'prospects'],
        recipients: ['Mail provider', ' '],
        transfers: ['us'],
        transferSafeguard: 'sccs',
        nextReviewOn: '2025-06-30',
        encryptionInPlace: true,
      }),
    );

    expect(entry).toMatchObject({
      system: 'CRM',
      dataset: 'contacts',
      dataSubjects: ['customers', 'prospects'],
      recipients: ['Mail provider'],
      transfers: ['US'],
      transferSafeguard: 'sccs',
      nextReviewOn: '2025-06-30',
      encryptionInPlace: true,
    });
    expect(services.systems.getSystem(entry.systemId).name).toBe('CRM');
    expect(services.systems.getDataset(entry.datasetId)).toMatchObject({
      name: 'contacts',
      kind: 'table',
      fieldCount: 1,
    });
    const actions = [...vault.audit.entries()].slice(auditBefore).map((audit) => audit.action);
    expect(actions).toEqual([
      'classification.system.create',
      'classification.dataset.create',
      'classification.create',
    ]);
  });

  it('rejects a transfer within the EEA', () => {
    expect(() => services.classification.create(field({ field: 'x', transfers: ['DE'] }))).toThrow(
      /transfers.0 \("DE"\): list only countries outside the EEA/,
    );
  });

  it('shows a renamed system on its fields', () => {
    const system = services.systems.findSystem('CRM')!;

    const renamed = services.systems.updateSystem(system.id, {
      name: 'Salesforce',
      owner: 'Sales',
    });

    expect(renamed).toMatchObject({ name: 'Salesforce', owner: 'Sales', fieldCount: 1 });
    expect(services.classification.list({ system: 'Salesforce' }).rows[0]?.field).toBe('email');
    expect(services.classification.list({ system: 'CRM' }).total).toBe(0);
    const last = [...vault.audit.entries()].at(-1);
    expect(last).toMatchObject({
      action: 'classification.system.update',
      before: expect.objectContaining({ name: 'CRM' }),
      after: expect.objectContaining({ name: 'Salesforce' }),
    });
  });

  it('moves a field to another dataset', () => {
    const entry = services.classification.list({ search: 'email' }).rows[0]!;

    const moved = services.classification.update(entry.id, { system: 'ERP', dataset: 'people' });

    expect(moved).toMatchObject({ id: entry.id, system: 'ERP', dataset: 'people' });
    expect(moved.datasetId).not.toBe(entry.datasetId);
  });

  it('keeps a system that still has datasets', () => {
    const erp = services.systems.findSystem('ERP')!;

    expect(() => services.systems.deleteSystem(erp.id)).toThrow(/still has 1 datasets/);
  });

  it('deletes an empty dataset and system', () => {
    const salesforce = services.systems.findSystem('Salesforce')!;
    const [contacts] = services.systems.listDatasets(salesforce.id);

    services.systems.deleteDataset(contacts!.id);
    services.systems.deleteSystem(salesforce.id);

    expect(services.systems.findSystem('Salesforce')).toBeNull();
  });

  it('creates a dataset of a kind', () => {
    const erp = services.systems.findSystem('ERP')!;

    const bucket = services.systems.createDataset({
      systemId: erp.id,
      name: 'exports',
      kind: 'bucket',
    });

    expect(bucket).toMatchObject({ system: 'ERP', kind: 'bucket', fieldCount: 0 });
    expect(() => services.systems.createDataset({ systemId: erp.id, name: 'exports' })).toThrow(
      /already has a dataset named "exports"/,
    );
  });
});

describe('custom classification scale', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  const FOUR_LEVELS = {
    levels: [
      { name: 'OPEN', color: '#2e6b30' },
      { name: 'INTERNAL', color: '#3D5A80' },
      { name: 'RESTRICTED', label: 'Restricted', color: '#A65300', requiresEncryption: true },
      { name: 'SECRET', color: '#6A1B9A', requiresEncryption: true },
    ],
  };

  beforeAll(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
    services.classification.importEntries(
      [
        field({ field: 'a', level: 'PUBLIC' }),
        field({ field: 'b', level: 'INTERNAL' }),
        field({ field: 'c', level: 'CONFIDENTIAL' }),
        field({ field: 'd', level: 'SENSITIVE' }),
        field({ field: 'e', level: 'TOP_SECRET' }),
      ],
      'seed',
    );
  });

  afterAll(() => {
    vault.close();
    context.cleanup();
  });

  it('starts with the default scale', () => {
    const scale = services.classificationScale.get();

    expect(scale.isDefault).toBe(true);
    expect(scale.levels.map((level) => [level.name, level.requiresEncryption])).toEqual([
      ['PUBLIC', false],
      ['INTERNAL', false],
      ['CONFIDENTIAL', false],
      ['SENSITIVE', true],
      ['TOP_SECRET', true],
    ]);
  });

  it('rejects a scale that would orphan entries', () => {
    expect(() => services.classificationScale.set(FOUR_LEVELS, { PUBLIC: 'OPEN' })).toThrow(
      /Entries use levels the new scale drops: CONFIDENTIAL \(1 entries\), SENSITIVE \(1 entries\), TOP_SECRET \(1 entries\)/,
    );
    expect(services.classificationScale.get().isDefault).toBe(true);
  });

  it('previews a remap without storing it', () => {
    const auditBefore = vault.audit.count();

    const preview = services.classificationScale.preview(FOUR_LEVELS, {
      PUBLIC: 'OPEN',
      CONFIDENTIAL: 'RESTRICTED',
      SENSITIVE: 'SECRET',
      TOP_SECRET: 'SECRET',
    });

    expect(preview.remapped).toHaveLength(4);
    expect(preview.kept).toBe(1);
    expect(vault.audit.count()).toBe(auditBefore);
    expect(services.classificationScale.get().isDefault).toBe(true);
  });

  it('remaps every entry in one transaction', () => {
    const auditBefore = vault.audit.count();

    const result = services.classificationScale.set(FOUR_LEVELS, {
      PUBLIC: 'OPEN',
      CONFIDENTIAL: 'RESTRICTED',
      SENSITIVE: 'SECRET',
      TOP_SECRET: 'SECRET',
    });

    expect(result.remapped).toEqual([
      { from: 'CONFIDENTIAL', to: 'RESTRICTED', entries: 1 },
      { from: 'PUBLIC', to: 'OPEN', entries: 1 },
      { from: 'SENSITIVE', to: 'SECRET', entries: 1 },
      { from: 'TOP_SECRET', to: 'SECRET', entries: 1 },
    ]);
    expect(result.scale.levels.map((level) => level.name)).toEqual([
      'OPEN',
      'INTERNAL',
      'RESTRICTED',
      'SECRET',
    ]);
    expect(result.scale.levels[0]?.color).toBe('#2E6B30');
    const levels = services.classification
      .list({ sortBy: 'field' })
      .rows.map((entry) => entry.level);
    expect(levels).toEqual(['OPEN', 'INTERNAL', 'RESTRICTED', 'SECRET', 'SECRET']);
    // One audit entry per moved entry, then one for the scale.
    const added = [...vault.audit.entries()].slice(auditBefore);
    expect(added.map((entry) => entry.action)).toEqual([
      ...Array(4).fill('classification.update'),
      'classification.scale.update',
    ]);
    expect(vault.audit.verify().ok).toBe(true);
  });

  it('keeps the default names working through aliases', () => {
    const created = services.classification.create(field({ field: 'f', level: 'sensitive' }));

    expect(created.level).toBe('SECRET');
    expect(services.classificationScale.resolve('TOP_SECRET')).toBe('SECRET');
    expect(() => services.classification.create(field({ field: 'g', level: 'BOGUS' }))).toThrow(
      /level \("BOGUS"\): not on the vault's classification scale; use one of OPEN, INTERNAL, RESTRICTED, SECRET/,
    );
  });

  it('sorts by the rank of the custom levels', () => {
    const page = services.classification.list({ sortBy: 'level', sortDirection: 'desc' });

    expect(page.rows.map((entry) => entry.level)).toEqual([
      'SECRET',
      'SECRET',
      'SECRET',
      'RESTRICTED',
      'INTERNAL',
      'OPEN',
    ]);
  });

  it('flags custom levels that require encryption', () => {
    expect(services.classificationPolicy.countByRule().encryption_missing).toBe(4);
  });

  it('rejects a scale that leaves a default name unmapped', () => {
    expect(() =>
      services.classificationScale.set({
        levels: [
          { name: 'OPEN', color: '#000000' },
          { name: 'INTERNAL', color: '#000000' },
          { name: 'RESTRICTED', color: '#000000' },
          { name: 'SECRET', color: '#000000' },
          { name: 'ULTRA', color: '#000000' },
        ],
        aliases: { SENSITIVE: 'NOPE' },
      }),
    ).toThrow(/Alias SENSITIVE points to NOPE, which is not on the new scale/);
  });
});

describe('policy findings', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeAll(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
    const complete = {
      personalData: true,
      category: 'email' as const,
      owner: 'Sales',
      purpose: 'Customer care',
      legalBasis: 'contract' as const,
      retention: 'P6Y',
    };
    services.classification.importEntries(
      [
        field({ field: 'compliant', ...complete }),
        field({ field: 'no_basis', ...complete, legalBasis: null }),
        field({ field: 'no_purpose', ...complete, purpose: '' }),
        field({ field: 'no_retention', ...complete, retention: null }),
        field({ field: 'health', ...complete, category: 'health' }),
        field({
          field: 'health_ok',
          ...complete,
          category: 'health',
          specialCategoryCondition: 'explicit_consent',
        }),
        field({ field: 'no_owner', ...complete, owner: '' }),
        field({ field: 'secret', ...complete, level: 'TOP_SECRET' }),
        field({ field: 'secret_ok', ...complete, level: 'TOP_SECRET', encryptionInPlace: true }),
        field({ field: 'mask', ...complete, maskingRequired: true }),
        field({ field: 'overdue', ...complete, nextReviewOn: '2024-01-31' }),
        field({ field: 'due_later', ...complete, nextReviewOn: '2024-03-01' }),
        field({ field: 'transfer', ...complete, transfers: ['US'] }),
        field({
          field: 'transfer_none',
          ...complete,
          transfers: ['IN'],
          transferSafeguard: 'none',
        }),
        field({ field: 'transfer_ok', ...complete, transfers: ['US'], transferSafeguard: 'sccs' }),
        field({ field: 'not_personal', level: 'INTERNAL', owner: 'IT' }),
      ],
      'seed',
    );
  });

  afterAll(() => {
    vault.close();
    context.cleanup();
  });

  it('counts findings by rule', () => {
    expect(services.classificationPolicy.countByRule('2024-02-15')).toEqual({
      encryption_missing: 1,
      masking_missing: 1,
      legal_basis_missing: 1,
      purpose_missing: 1,
      retention_missing: 1,
      special_category_condition_missing: 1,
      owner_missing: 1,
      review_overdue: 1,
      transfer_safeguard_missing: 2,
    });
  });

  it('names the field and rule of each finding', () => {
    const page = services.classificationPolicy.list({ today: '2024-02-15', limit: 100 });

    expect(page.total).toBe(10);
    expect(page.rows.map((finding) => `${finding.rule}:${finding.field}`)).toEqual([
      'encryption_missing:secret',
      'masking_missing:mask',
      'legal_basis_missing:no_basis',
      'purpose_missing:no_purpose',
      'retention_missing:no_retention',
      'special_category_condition_missing:health',
      'owner_missing:no_owner',
      'review_overdue:overdue',
      'transfer_safeguard_missing:transfer',
      'transfer_safeguard_missing:transfer_none',
    ]);
    expect(page.rows[0]?.message).toBe(
      'Level TOP_SECRET requires encryption at rest, but encryption is not in place.',
    );
    expect(page.rows.at(-1)?.message).toMatch(/^Transfers to IN have no safeguard/);
  });

  it('filters findings by rule and system', () => {
    const page = services.classificationPolicy.list({
      rule: 'transfer_safeguard_missing',
      system: 'CRM',
    });

    expect(page.total).toBe(2);
    expect(services.classificationPolicy.list({ system: 'Other' }).total).toBe(0);
  });

  it('filters the map by rule', () => {
    const page = services.classification.list({ finding: 'review_overdue', today: '2024-03-02' });

    expect(page.rows.map((entry) => entry.field).sort()).toEqual(['due_later', 'overdue']);
  });

  it('feeds the report summary', () => {
    const summary = services.summary('2024-02-15');

    expect(summary.classificationFindingsByRule.transfer_safeguard_missing).toBe(2);
    expect(summary.classificationFindingsByRule.review_overdue).toBe(1);
  });

  it('uses the system owner for fields without one', () => {
    const crm = services.systems.findSystem('CRM')!;
    services.systems.updateSystem(crm.id, { owner: 'CRM team' });

    expect(services.classificationPolicy.countByRule('2024-02-15').owner_missing).toBe(0);
  });
});

describe('map history', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;
  const moments: string[] = [];

  /** Records the current instant between two audit timestamps. */
  async function mark(): Promise<void> {
    await sleep(5);
    moments.push(new Date().toISOString());
    await sleep(5);
  }

  beforeAll(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
    await mark();
    const email = services.classification.create(field({ field: 'email', owner: 'Sales' }));
    await mark();
    services.classification.update(email.id, { level: 'SENSITIVE', purpose: 'Newsletter' });
    const phone = services.classification.create(field({ field: 'phone' }));
    await mark();
    services.systems.updateSystem(email.systemId, { name: 'Salesforce' });
    services.classification.delete(phone.id);
    await mark();
  });

  afterAll(() => {
    vault.close();
    context.cleanup();
  });

  it('rebuilds the map at each moment', () => {
    const [before, created, changed, renamed] = moments.map((moment) =>
      services.classificationHistory.asOf(moment!),
    );

    expect(before?.fields).toEqual([]);
    expect(created?.fields.map((entry) => [entry.system, entry.field, entry.level])).toEqual([
      ['CRM', 'email', 'CONFIDENTIAL'],
    ]);
    expect(changed?.fields.map((entry) => [entry.system, entry.field, entry.level])).toEqual([
      ['CRM', 'email', 'SENSITIVE'],
      ['CRM', 'phone', 'CONFIDENTIAL'],
    ]);
    expect(renamed?.fields.map((entry) => [entry.system, entry.field, entry.purpose])).toEqual([
      ['Salesforce', 'email', 'Newsletter'],
    ]);
  });

  it('reads a date as the end of that day', () => {
    expect(services.classificationHistory.asOf('2000-01-01').fields).toEqual([]);
    expect(services.classificationHistory.asOf('2999-12-31').fields).toHaveLength(1);
  });

  it('lists added, removed and changed fields', () => {
    const diff = services.classificationHistory.diff(moments[1]!, moments[3]!);

    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        id: expect.any(Number),
        system: 'Salesforce',
        dataset: 'contacts',
        field: 'email',
        changes: [
          { attribute: 'system', before: 'CRM', after: 'Salesforce' },
          { attribute: 'level', before: 'CONFIDENTIAL', after: 'SENSITIVE' },
          { attribute: 'purpose', before: '', after: 'Newsletter' },
        ],
      },
    ]);
  });

  it('shows a field that came and went', () => {
    const added = services.classificationHistory.diff(moments[1]!, moments[2]!);
    const removed = services.classificationHistory.diff(moments[2]!, moments[3]!);

    expect(added.added.map((entry) => entry.field)).toEqual(['phone']);
    expect(removed.removed.map((entry) => entry.field)).toEqual(['phone']);
  });

  it('rejects text that is no date', () => {
    expect(() => services.classificationHistory.asOf('yesterday')).toThrow(
      /"yesterday" is not a date/,
    );
  });

  it.each(['2026-02-30', '2026-13-01', '2026-02-30T10:00:00Z'])(
    'rejects impossible date %s',
    (when) => {
      expect(() => services.classificationHistory.asOf(when)).toThrow(
        `"${when}" is not a calendar date; write YYYY-MM-DD`,
      );
    },
  );
});

describe('record of processing activities', () => {
  let context: TempVaultContext;
  let vault: Vault;
  let services: ComplianceServices;

  beforeAll(async () => {
    ({ context, vault, services } = await openPassphraseVault(ACTOR));
    services.classification.importEntries(
      [
        field({
          field: 'email',
          personalData: true,
          category: 'email',
          purpose: 'Customer care',
          legalBasis: 'contract',
          dataSubjects: ['customers'],
          recipients: ['Mail provider'],
          transfers: ['US'],
          transferSafeguard: 'sccs',
          retention: 'P6Y',
          retentionTrigger: 'end_of_contract',
          encryptionRequired: true,
          encryptionInPlace: true,
        }),
        field({
          field: 'allergies',
          personalData: true,
          category: 'health',
          purpose: 'Customer care',
          legalBasis: 'consent',
          specialCategoryCondition: 'explicit_consent',
          dataSubjects: ['customers', 'children'],
          retention: 'P6Y',
          retentionTrigger: 'end_of_contract',
          maskingRequired: true,
        }),
        field({
          system: 'HR',
          dataset: 'staff',
          field: 'name',
          personalData: true,
          category: 'name',
          purpose: 'Payroll',
        }),
        field({ field: 'catalogue', personalData: false }),
      ],
      'seed',
    );
    const crm = services.systems.findSystem('CRM')!;
    services.systems.updateSystem(crm.id, { location: 'EU (Frankfurt)' });
    services.recordOfProcessing.setController({ name: 'Example GmbH', dpo: 'dpo@example.com' });
  });

  afterAll(() => {
    vault.close();
    context.cleanup();
  });

  it('derives one activity per system', () => {
    const record = services.recordOfProcessing.record();

    expect(record.controller).toEqual({
      name: 'Example GmbH',
      contact: '',
      dpo: 'dpo@example.com',
      representative: '',
    });
    expect(record.activities.map((activity) => activity.name)).toEqual(['CRM', 'HR']);
    expect(record.activities[0]).toEqual({
      name: 'CRM',
      systems: ['CRM'],
      locations: ['EU (Frankfurt)'],
      purposes: ['Customer care'],
      legalBases: ['consent', 'contract'],
      dataSubjects: ['children', 'customers'],
      personalDataCategories: ['email', 'health'],
      specialCategories: ['health'],
      art9Conditions: ['explicit_consent'],
      recipients: ['Mail provider'],
      transfers: [{ country: 'US', safeguards: ['sccs'] }],
      retention: [{ period: 'P6Y', trigger: 'end_of_contract', fields: 2 }],
      security: {
        fields: 2,
        encryptionRequired: 1,
        encryptionInPlace: 1,
        maskingRequired: 1,
        maskingInPlace: 0,
      },
      fields: 2,
    });
  });

  it('groups by purpose on request', () => {
    const record = services.recordOfProcessing.record('purpose');

    expect(record.activities.map((activity) => [activity.name, activity.systems])).toEqual([
      ['Customer care', ['CRM']],
      ['Payroll', ['HR']],
    ]);
  });

  it('records controller changes in the audit trail', () => {
    const last = [...vault.audit.entries()].at(-1);

    expect(last).toMatchObject({
      action: 'settings.controller.update',
      after: expect.objectContaining({ name: 'Example GmbH' }),
    });
  });
});
