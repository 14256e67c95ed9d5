import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import { SynapseError } from '../../shared/errors.js';
import {
  AUDIT_COLUMNS,
  DATA_MAP_COLUMNS,
  FINDING_COLUMNS,
  INCIDENT_COLUMNS,
  privacyRequestColumns,
  type ColumnDefinition,
} from './columns.js';
import { ReportWorkbook, type CellInput } from './report-workbook.js';
import { ROPA_COLUMNS, ROPA_SHEET_TITLE, ropaRows } from './ropa-columns.js';
import type { ReportSource, ReportSummary } from './source.js';
import { SUMMARY_COLUMNS, summaryRows } from './summary-rows.js';

/** Sheets of the compliance report, in the order they appear in the workbook. */
export const REPORT_SECTIONS = [
  'summary',
  'dataMap',
  'privacyRequests',
  'incidents',
  'findings',
  'auditTrail',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_TITLES: Record<ReportSection, string> = {
  summary: 'Summary',
  dataMap: 'Data Map',
  privacyRequests: 'Privacy Requests',
  incidents: 'Incidents',
  findings: 'Security Findings',
  auditTrail: 'Audit Trail',
};

export interface ComplianceReportOptions {
  /** Writes personal data as stored. The caller records an audit entry for such a report. */
  unmasked?: boolean;
  /** Sheets to include, always written in REPORT_SECTIONS order. All of them by default. */
  sections?: readonly ReportSection[];
  /** Receives the running count of rows written, header rows excluded. */
  onProgress?: (rowsWritten: number) => void;
  /** Aborting cancels the report with a CANCELLED error and leaves no file behind. */
  signal?: AbortSignal;
}

export interface ReportResult {
  /** Absolute path of the finished workbook. */
  file: string;
  /** Sheet names in workbook order, continuation sheets included. */
  sheets: string[];
  /** Data rows per sheet, header rows excluded. */
  rows: Record<string, number>;
  masked: boolean;
}

/** Internal limits that tests lower to reach edge cases without a million rows. */
export interface ReportLimits {
  maxDataRowsPerSheet?: number;
}

/**
 * Writes the compliance workbook to `outFile`. Rows stream from the source to disk, so the report
 * size does not bound memory. The workbook is written to a temporary file in the same folder and
 * renamed into place only when complete, so a failed or cancelled report leaves no partial file
 * and never replaces an earlier report half-way.
 */
export async function writeComplianceReport(
  source: ReportSource,
  outFile: string,
  options: ComplianceReportOptions = {},
  limits: ReportLimits = {},
): Promise<ReportResult> {
  const file = path.resolve(outFile);
  const sections = selectSections(options.sections);
  const masked = options.unmasked !== true;

  // Opening the file before any row is read makes a missing folder fail at once, and 'wx' never
  // overwrites a file that happens to have the temporary name.
  const tempFile = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(tempFile, 'wx');
  const output = handle.createWriteStream();
  // The stream emits 'close' after an error or destroy() too, so this settles on every path.
  const closed = new Promise<void>((resolve) => output.once('close', () => resolve()));

  const workbook = new ReportWorkbook(output, {
    policy: { masked },
    onProgress: options.onProgress,
    signal: options.signal,
    maxDataRowsPerSheet: limits.maxDataRowsPerSheet,
  });

  let summary: ReportSummary | undefined;
  const context: SectionContext = {
    workbook,
    source,
    masked,
    summary: () => (summary ??= source.summary()),
  };

  try {
    for (const section of sections) {
      await writeSection(context, section);
    }
    await workbook.commit();
    await closed;

    await rename(tempFile, file);
  } catch (error) {
    workbook.abort();
    output.destroy();
    await closed;
    await rm(tempFile, { force: true });
    throw error;
  }

  return { file, sheets: workbook.sheets, rows: workbook.rows, masked };
}

function selectSections(requested: readonly ReportSection[] | undefined): ReportSection[] {
  if (requested === undefined) {
    return [...REPORT_SECTIONS];
  }

  const unknown = requested.filter((section) => !REPORT_SECTIONS.includes(section));
  if (unknown.length > 0) {
    throw new SynapseError(
      'INVALID_INPUT',
      `Unknown report section ${unknown.join(', ')}; use one of ${REPORT_SECTIONS.join(', ')}.`,
    );
  }
  if (requested.length === 0) {
    throw new SynapseError(
      'INVALID_INPUT',
      `No report section selected; choose at least one of ${REPORT_SECTIONS.join(', ')}.`,
    );
  }
  return REPORT_SECTIONS.filter((section) => requested.includes(section));
}

interface SectionContext {
  workbook: ReportWorkbook;
  source: ReportSource;
  masked: boolean;
  /** The source's summary, computed once: it feeds the Summary sheet and the days left. */
  summary: () => ReportSummary;
}

async function writeSection(context: SectionContext, section: ReportSection): Promise<void> {
  const { workbook, source } = context;
  const title = SECTION_TITLES[section];
  const dataSheet = { autoFilter: true };

  switch (section) {
    case 'summary': {
      const rows = summaryRows(context.summary(), context.masked).map((row): CellInput[] => [
        { kind: 'verbatim', value: row.figure },
        { kind: row.kind, value: row.value },
      ]);
      await workbook.writeSheet(title, SUMMARY_COLUMNS, rows, { autoFilter: false });
      return;
    }
    case 'dataMap':
      // The Art. 30 record is derived from the map, so it comes with the map's section.
      await workbook.writeSheet(
        title,
        DATA_MAP_COLUMNS,
        toCells(source.classificationEntries(), DATA_MAP_COLUMNS),
        dataSheet,
      );
      await workbook.writeSheet(
        ROPA_SHEET_TITLE,
        ROPA_COLUMNS,
        toCells(ropaRows(source.recordOfProcessing()), ROPA_COLUMNS),
        dataSheet,
      );
      return;
    case 'privacyRequests': {
      const columns = privacyRequestColumns(context.summary().asOf);
      await workbook.writeSheet(
        title,
        columns,
        toCells(source.privacyRequests(), columns),
        dataSheet,
      );
      return;
    }
    case 'incidents':
      await workbook.writeSheet(
        title,
        INCIDENT_COLUMNS,
        toCells(source.incidents(), INCIDENT_COLUMNS),
        dataSheet,
      );
      return;
    case 'findings':
      await workbook.writeSheet(
        title,
        FINDING_COLUMNS,
        toCells(source.findings(), FINDING_COLUMNS),
        dataSheet,
      );
      return;
    case 'auditTrail':
      await workbook.writeSheet(
        title,
        AUDIT_COLUMNS,
        toCells(source.auditEntries(), AUDIT_COLUMNS),
        dataSheet,
      );
      return;
  }
}

function* toCells<Row>(
  records: Iterable<Row>,
  columns: readonly ColumnDefinition<Row>[],
): Generator<CellInput[]> {
  for (const record of records) {
    yield columns.map((column) => ({ kind: column.kind, value: column.value(record) }));
  }
}
