import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import type { AppHarness } from './app-harness.js';

const SARIF_FIXTURE = fileURLToPath(
  new URL('../../fixtures/own/desktop/webapp.sarif', import.meta.url),
);

/**
 * Sample records for screenshots and list tests: a small, believable vault. Subject references
 * are made-up ticket ids, never real personal data.
 */
export async function seedSampleRecords(app: AppHarness): Promise<void> {
  const entries = [
    ['CRM', 'customers', 'email', 'CONFIDENTIAL', 'email', true, 'P6Y', 'contract'],
    ['CRM', 'customers', 'full_name', 'CONFIDENTIAL', 'name', true, 'P6Y', 'contract'],
    ['CRM', 'customers', 'date_of_birth', 'SENSITIVE', 'date_of_birth', true, 'P6Y', 'contract'],
    ['CRM', 'customers', 'segment', 'INTERNAL', null, false, null, null],
    [
      'HR',
      'employees',
      'national_id',
      'SENSITIVE',
      'national_id',
      true,
      'P10Y',
      'legal_obligation',
    ],
    ['HR', 'employees', 'health_notes', 'TOP_SECRET', 'health', true, 'P3Y', 'legal_obligation'],
    ['HR', 'employees', 'iban', 'SENSITIVE', 'bank_account', true, 'P10Y', 'contract'],
    ['Web shop', 'orders', 'order_total', 'INTERNAL', null, false, 'P10Y', 'legal_obligation'],
    [
      'Web shop',
      'orders',
      'shipping_address',
      'CONFIDENTIAL',
      'postal_address',
      true,
      'P2Y',
      'contract',
    ],
    ['Web shop', 'catalogue', 'product_name', 'PUBLIC', null, false, null, null],
  ] as const;
  for (const [
    system,
    dataset,
    field,
    level,
    category,
    personalData,
    retention,
    legalBasis,
  ] of entries) {
    await app.call('classification:create', {
      system,
      dataset,
      field,
      level,
      category,
      personalData,
      retention,
      legalBasis,
      owner: system === 'HR' ? 'People team' : 'Data office',
    });
  }

  const requests = [
    ['access', '2025-01-06', 'TCK-1042', 'completed'],
    ['erasure', '2025-02-11', 'TCK-1077', 'in_progress'],
    ['rectification', '2025-03-03', 'TCK-1102', 'received'],
    ['portability', '2099-01-15', 'TCK-1130', 'received'],
    ['objection', '2025-01-20', 'TCK-1051', 'rejected'],
  ] as const;
  for (const [type, receivedOn, subjectRef, status] of requests) {
    await app.call('privacy:create', { type, receivedOn, subjectRef, status });
  }

  const incidents = [
    ['Phishing wave against finance', 'high', 'containment', 'phishing', 'potentially'],
    ['Lost laptop with unencrypted exports', 'critical', 'analysis', 'lost device', 'yes'],
    ['Malware on a build agent', 'medium', 'eradication', 'malware', 'no'],
    ['Misdirected e-mail with one invoice', 'low', 'closed', 'misdelivery', 'yes'],
  ] as const;
  for (const [title, severity, status, category, personalData] of incidents) {
    await app.call('incidents:create', {
      title,
      severity,
      status,
      category,
      personalData,
      occurredOn: '2025-02',
    });
  }

  // Findings have no create channel; they arrive by import, through the dialog's grant.
  app.shell.answerNextOpen(SARIF_FIXTURE);
  const chosen = await app.call<{ path: string }>('files:chooseImportFile', {
    kind: 'findingsJson',
  });
  await app.call('findings:import', { jobId: randomUUID(), path: chosen.path, format: 'sarif' });
}
