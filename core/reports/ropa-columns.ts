import { LEGAL_BASIS_POINTS } from '../../shared/domain/classification.js';
import {
  ART9_CONDITION_POINTS,
  TRANSFER_SAFEGUARD_ARTICLES,
} from '../../shared/domain/processing.js';
import type {
  ControllerDetails,
  ProcessingActivity,
  RecordOfProcessing,
} from '../../shared/domain/ropa.js';
import type { ColumnDefinition } from './columns.js';

/** One row of the Art. 30 Record sheet: an activity with the controller it belongs to. */
export interface RopaRow {
  controller: ControllerDetails;
  activity: ProcessingActivity;
}

export const ROPA_SHEET_TITLE = 'Art. 30 Record';

/**
 * Columns of the Art. 30 Record sheet, in the order of Art. 30(1) points (a) to (g). Each row
 * repeats the controller, because Art. 30(1)(a) belongs to every activity of the record.
 */
export const ROPA_COLUMNS: readonly ColumnDefinition<RopaRow>[] = [
  { header: 'Activity', width: 28, kind: 'text', value: (row) => row.activity.name },
  {
    header: 'Controller (a)',
    width: 36,
    kind: 'text',
    value: (row) => controllerText(row.controller),
  },
  { header: 'Systems', width: 28, kind: 'text', value: (row) => row.activity.systems.join('; ') },
  {
    header: 'Location',
    width: 24,
    kind: 'text',
    value: (row) => row.activity.locations.join('; '),
  },
  {
    header: 'Purposes (b)',
    width: 36,
    kind: 'text',
    value: (row) => row.activity.purposes.join('; '),
  },
  {
    header: 'Legal bases',
    width: 28,
    kind: 'verbatim',
    value: (row) =>
      row.activity.legalBases.map((basis) => `${basis} (${LEGAL_BASIS_POINTS[basis]})`).join('; '),
  },
  {
    header: 'Data subjects (c)',
    width: 24,
    kind: 'verbatim',
    value: (row) => row.activity.dataSubjects.join(', '),
  },
  {
    header: 'Personal data (c)',
    width: 32,
    kind: 'verbatim',
    value: (row) => row.activity.personalDataCategories.join(', '),
  },
  {
    header: 'Special categories (Art. 9, 10)',
    width: 24,
    kind: 'verbatim',
    value: (row) => row.activity.specialCategories.join(', '),
  },
  {
    header: 'Art. 9(2) conditions',
    width: 24,
    kind: 'verbatim',
    value: (row) =>
      row.activity.art9Conditions.map((condition) => ART9_CONDITION_POINTS[condition]).join('; '),
  },
  {
    header: 'Recipients (d)',
    width: 32,
    kind: 'text',
    value: (row) => row.activity.recipients.join('; '),
  },
  {
    header: 'Transfers and safeguards (e)',
    width: 36,
    kind: 'verbatim',
    value: (row) => transfersText(row.activity),
  },
  {
    header: 'Retention (f)',
    width: 32,
    kind: 'text',
    value: (row) => retentionText(row.activity),
  },
  {
    header: 'Security measures (g)',
    width: 40,
    kind: 'verbatim',
    value: (row) => securityText(row.activity),
  },
  { header: 'Fields', width: 8, kind: 'integer', value: (row) => row.activity.fields },
];

export function* ropaRows(record: RecordOfProcessing): Generator<RopaRow> {
  for (const activity of record.activities) {
    yield { controller: record.controller, activity };
  }
}

function controllerText(controller: ControllerDetails): string {
  return [
    controller.name,
    controller.contact,
    controller.dpo === '' ? '' : `DPO: ${controller.dpo}`,
    controller.representative === '' ? '' : `Representative: ${controller.representative}`,
  ]
    .filter((part) => part !== '')
    .join('; ');
}

function transfersText(activity: ProcessingActivity): string {
  return activity.transfers
    .map(({ country, safeguards }) => {
      const named = safeguards.map((safeguard) =>
        safeguard === null ? 'safeguard not recorded' : TRANSFER_SAFEGUARD_ARTICLES[safeguard],
      );
      return `${country}: ${named.join(', ')}`;
    })
    .join('; ');
}

function retentionText(activity: ProcessingActivity): string {
  return activity.retention
    .map(({ period, trigger, fields }) => {
      const start = trigger === null ? '' : ` from ${trigger}`;
      return `${period ?? 'not recorded'}${start} (${fields} ${fields === 1 ? 'field' : 'fields'})`;
    })
    .join('; ');
}

function securityText(activity: ProcessingActivity): string {
  const { security } = activity;
  return (
    `encrypted at rest: ${security.encryptionInPlace} of ${security.fields} fields ` +
    `(${security.encryptionRequired} required); masked: ${security.maskingInPlace} ` +
    `(${security.maskingRequired} required)`
  );
}
