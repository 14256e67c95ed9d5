import { basename, extname } from 'node:path';

import type { ClassificationImportFormat } from '../../../../shared/domain/classification-import.js';
import type { ScanSourceKind } from '../../../../shared/domain/classification-review.js';
import { InvalidInputError } from '../../../../shared/errors.js';
import type { ScanPreview } from '../../../../shared/ipc/classification.js';
import { scanCsvFile, scanXlsxFile } from '../../../importers/file-scan.js';
import { scanSqlite, type SqliteScanResult } from '../../../importers/sqlite-scan.js';
import type { VaultSession } from '../../session.js';
import { readImportFile } from '../granted-file.js';
import type { JobRegistry, JobRun } from '../jobs.js';
import type { PathGrants } from '../path-grants.js';
import type { DomainImplementation } from '../types.js';
import { decideScanProposals } from './scan-decisions.js';

export interface ClassificationDomainDependencies {
  session: VaultSession;
  grants: PathGrants;
  jobs: JobRegistry;
}

const SCAN_KIND_BY_EXTENSION: Readonly<Record<string, ScanSourceKind>> = {
  '.sqlite': 'sqlite',
  '.sqlite3': 'sqlite',
  '.db': 'sqlite',
  '.db3': 'sqlite',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
};

export function classificationDomain(
  deps: ClassificationDomainDependencies,
): DomainImplementation<'classification'> {
  const { session, grants, jobs } = deps;
  const service = () => session.services.classification;
  const imports = () => session.services.classificationImports;

  return {
    list: (query) => service().list(query),
    get: ({ id }) => service().get(id),
    scale: () => session.services.classificationScale.get(),
    create: (input) => service().create(input),
    update: ({ id, changes }) => service().update(id, changes),
    delete: ({ id }) => {
      service().delete(id);
      return { id };
    },

    importPreview: async ({ path, mapping, sheet }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      const format = importFormatOf(file);
      const bytes = await readImportFile(file);
      return imports().preview(file, bytes, {
        format,
        mapping,
        ...(sheet === undefined ? {} : { sheet }),
      });
    },

    importConfirm: ({ jobId, path, mapping, sheet, mode }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      const format = importFormatOf(file);
      return jobs.run(context, jobId, 'classification import', async (job) => {
        const bytes = await readImportFile(file, job);
        job.throwIfCancelled();
        return imports().commit(file, bytes, {
          format,
          mode,
          mapping,
          ...(sheet === undefined ? {} : { sheet }),
          onProgress: (done, total) => job.progress('storing', done, total),
        });
      });
    },

    listMappings: () => imports().listMappings(),
    saveMapping: ({ name, mapping }) => imports().saveMapping(name, mapping),

    scanPreview: async ({ path, kind, system }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      const sourceKind = kind ?? scanKindOf(file);
      const result = await scanFile(file, sourceKind);
      const preview: ScanPreview = {
        file,
        kind: sourceKind,
        system: system ?? defaultSystemName(file),
        tables: result.tables.length,
        columns: result.columns.map((column) => ({
          table: column.table,
          column: column.column,
          declaredType: column.declaredType,
          personalData: column.personalData,
          category: column.category,
          level: column.level,
          confidence: column.confidence,
          reasons: column.reasons,
          maskedExamples: column.maskedExamples,
        })),
        skippedTables: result.skippedTables,
      };
      return preview;
    },

    scanApply: ({ jobId, path, kind, system, exclude, decide }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      return jobs.run(context, jobId, 'scan', async (job) => {
        const sourceKind = kind ?? scanKindOf(file);
        const result = await scanFile(file, sourceKind, job);

        job.throwIfCancelled();
        const recorded = session.services.classificationReview.recordScan({
          kind: sourceKind,
          file,
          system,
          result,
        });
        if (!decide) {
          const runId = recorded.run.id;
          return { runId, accepted: 0, rejected: 0, alreadyDecided: 0, queued: recorded.queued };
        }
        return decideScanProposals(session.services, recorded.run.id, exclude, job);
      });
    },
  };
}

/**
 * Picks csv or xlsx from the file extension. The importer can do the same, but its message for
 * an unknown extension names command-line options.
 */
function importFormatOf(file: string): ClassificationImportFormat {
  const kind = SCAN_KIND_BY_EXTENSION[extname(file).toLowerCase()];
  if (kind === 'csv' || kind === 'xlsx') return kind;
  throw new InvalidInputError(
    { file },
    'is not a CSV file or an Excel workbook; choose a .csv, .tsv, .txt or .xlsx file',
  );
}

/** Picks the scan source kind from the file extension. */
function scanKindOf(file: string): ScanSourceKind {
  const kind = SCAN_KIND_BY_EXTENSION[extname(file).toLowerCase()];
  if (kind === undefined) {
    throw new InvalidInputError(
      { file },
      'is not a file the scan reads; choose an SQLite database (.sqlite, .db), a CSV file or an ' +
        'Excel workbook (.xlsx)',
    );
  }
  return kind;
}

/** Scans a database or data file read-only; sampled values stay in this process. */
async function scanFile(
  file: string,
  kind: ScanSourceKind,
  job?: JobRun,
): Promise<SqliteScanResult> {
  const onProgress = (done: number, total: number) => job?.progress('reading', done, total);
  if (kind === 'sqlite') return scanSqlite(file, { onProgress });
  const bytes = await readImportFile(file, job);
  return kind === 'csv'
    ? scanCsvFile(file, bytes, { onProgress })
    : scanXlsxFile(file, bytes, { onProgress });
}

/** Returns the system a scanned file is filed under by default: its name without extension. */
function defaultSystemName(file: string): string {
  return basename(file, extname(file)) || basename(file);
}
