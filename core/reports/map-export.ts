import type { ClassificationEntry } from '../../shared/domain/classification.js';
import type { RecordOfProcessing } from '../../shared/domain/ropa.js';
import { writeFileAtomically } from './atomic-file.js';
import { DATA_MAP_COLUMNS } from './columns.js';
import { writeCsvRows } from './csv-writer.js';
import { ReportWorkbook, type CellInput } from './report-workbook.js';
import { ROPA_COLUMNS, ROPA_SHEET_TITLE, ropaRows } from './ropa-columns.js';
import { SUMMARY_COLUMNS } from './summary-rows.js';

export const MAP_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type MapExportFormat = (typeof MAP_EXPORT_FORMATS)[number];

export interface ExportResult {
  file: string;
  rows: number;
  masked: boolean;
}

/**
 * Writes the classification map as one XLSX sheet or one CSV file, with the Data Map sheet's
 * columns and the report's rules: personal data in text masked unless `unmasked`, formula
 * triggers neutralised in both formats. Leaves no partial file behind on failure.
 */
export async function writeClassificationMap(
  entries: Iterable<ClassificationEntry>,
  outFile: string,
  options: { format: MapExportFormat; unmasked?: boolean },
): Promise<ExportResult> {
  const policy = { masked: options.unmasked !== true };
  let rows = 0;

  const file = await writeFileAtomically(outFile, async (output) => {
    if (options.format === 'csv') {
      rows = await writeCsvRows(output, DATA_MAP_COLUMNS, entries, policy);
      return;
    }
    const workbook = new ReportWorkbook(output, { policy });
    try {
      await workbook.writeSheet('Data Map', DATA_MAP_COLUMNS, toCells(entries), {
        autoFilter: true,
      });
      await workbook.commit();
    } catch (error) {
      workbook.abort();
      throw error;
    }
    rows = workbook.rows['Data Map'] ?? 0;
  });
  return { file, rows, masked: policy.masked };
}

/**
 * Writes the Art. 30 record as a workbook: a Controller sheet with the controller's details and
 * the Art. 30 Record sheet with one row per processing activity.
 */
export async function writeRecordOfProcessing(
  record: RecordOfProcessing,
  outFile: string,
  options: { unmasked?: boolean } = {},
): Promise<ExportResult> {
  const policy = { masked: options.unmasked !== true };
  let rows = 0;

  const file = await writeFileAtomically(outFile, async (output) => {
    const workbook = new ReportWorkbook(output, { policy });
    try {
      await workbook.writeSheet('Controller', SUMMARY_COLUMNS, controllerCells(record), {
        autoFilter: false,
      });
      const activities = [...ropaRows(record)].map((row) =>
        ROPA_COLUMNS.map((column): CellInput => ({ kind: column.kind, value: column.value(row) })),
      );
      await workbook.writeSheet(ROPA_SHEET_TITLE, ROPA_COLUMNS, activities, { autoFilter: true });
      await workbook.commit();
    } catch (error) {
      workbook.abort();
      throw error;
    }
    rows = workbook.rows[ROPA_SHEET_TITLE] ?? 0;
  });
  return { file, rows, masked: policy.masked };
}

function controllerCells(record: RecordOfProcessing): CellInput[][] {
  const { controller } = record;
  const lines: [string, CellInput][] = [
    ['Generated at (UTC)', { kind: 'timestamp', value: record.generatedAt }],
    ['Activities grouped by', { kind: 'verbatim', value: record.groupBy }],
    ['Controller', { kind: 'text', value: controller.name }],
    ['Controller contact', { kind: 'text', value: controller.contact }],
    ['Data protection officer', { kind: 'text', value: controller.dpo }],
    ['Representative in the Union', { kind: 'text', value: controller.representative }],
  ];
  return lines.map(([figure, value]) => [{ kind: 'verbatim', value: figure }, value]);
}

function* toCells(entries: Iterable<ClassificationEntry>): Generator<CellInput[]> {
  for (const entry of entries) {
    yield DATA_MAP_COLUMNS.map((column) => ({ kind: column.kind, value: column.value(entry) }));
  }
}
