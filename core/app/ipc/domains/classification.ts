import { basename } from 'node:path';

import { SynapseError } from '../../../../shared/errors.js';
import type { ScanPreview } from '../../../../shared/ipc/classification.js';
import { parseClassificationCsv } from '../../../importers/csv-classification.js';
import { scanSqlite, scanToClassificationInputs } from '../../../importers/sqlite-scan.js';
import type { VaultSession } from '../../session.js';
import { readImportFile } from '../granted-file.js';
import type { JobRegistry } from '../jobs.js';
import type { PathGrants } from '../path-grants.js';
import type { DomainImplementation } from '../types.js';
import { previewClassificationCsv, toImporterMapping } from './csv-preview.js';

export interface ClassificationDomainDependencies {
  session: VaultSession;
  grants: PathGrants;
  jobs: JobRegistry;
}

export function classificationDomain(
  deps: ClassificationDomainDependencies,
): DomainImplementation<'classification'> {
  const { session, grants, jobs } = deps;
  const service = () => session.services.classification;

  return {
    list: (query) => service().list(query),
    get: ({ id }) => {
      const entry = service().repository.get(id);
      if (entry === null)
        throw new SynapseError('NOT_FOUND', `No classification entry with id ${id}.`);
      return entry;
    },
    create: (input) => service().create(input),
    update: ({ id, changes }) => service().update(id, changes),
    delete: ({ id }) => {
      service().delete(id);
      return { id };
    },

    importPreview: async ({ path, mapping }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      const bytes = await readImportFile(file);
      return previewClassificationCsv(file, bytes, toImporterMapping(mapping));
    },

    importConfirm: ({ jobId, path, mapping }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      return jobs.run(context, jobId, 'classification import', async (job) => {
        const bytes = await readImportFile(file, job);

        job.progress('parsing', 0, 1);
        const importerMapping = toImporterMapping(mapping);
        const parsed = parseClassificationCsv(
          file,
          bytes,
          importerMapping === undefined ? {} : { mapping: importerMapping },
        );
        job.progress('parsing', 1, 1);

        job.throwIfCancelled();
        return service().importEntries(parsed.records, basename(file), (done, total) =>
          job.progress('storing', done, total),
        );
      });
    },

    scanPreview: ({ path, system }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      const result = scanSqlite(file);
      const preview: ScanPreview = {
        file,
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

    scanApply: ({ jobId, path, system, exclude }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      return jobs.run(context, jobId, 'database scan', async (job) => {
        const excluded = new Set(
          exclude.map(({ table, column }) => JSON.stringify([table, column])),
        );
        const result = scanSqlite(file, {
          onProgress: (done, total) => job.progress('reading', done, total),
        });
        const kept = {
          ...result,
          columns: result.columns.filter(
            (column) => !excluded.has(JSON.stringify([column.table, column.column])),
          ),
        };

        job.throwIfCancelled();
        return service().importEntries(
          scanToClassificationInputs(kept, system),
          `scan of ${basename(file)}`,
          (done, total) => job.progress('storing', done, total),
        );
      });
    },
  };
}

/** The system a scanned database is filed under by default: its file name without extension. */
function defaultSystemName(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '') || basename(file);
}
