import { basename } from 'node:path';

import { parseVeris } from '../../../importers/veris.js';
import type { VaultSession } from '../../session.js';
import { readImportFile } from '../granted-file.js';
import type { JobRegistry } from '../jobs.js';
import type { PathGrants } from '../path-grants.js';
import type { DomainImplementation } from '../types.js';
import { PREVIEW_SAMPLE_SIZE } from './preview.js';

export interface RecordDomainDependencies {
  session: VaultSession;
  grants: PathGrants;
  jobs: JobRegistry;
}

export function incidentDomain(deps: RecordDomainDependencies): DomainImplementation<'incidents'> {
  const { session, grants, jobs } = deps;
  const service = () => session.services.incidents;

  return {
    list: (query) => service().list(query),
    create: (input) => service().add(input),
    update: ({ id, changes }) => service().update(id, changes),

    importPreview: async ({ path }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      const { records } = parseVeris(file, await readImportFile(file));
      return {
        file,
        recordCount: records.length,
        sample: records.slice(0, PREVIEW_SAMPLE_SIZE).map((record) => ({
          externalRef: record.externalRef ?? null,
          title: record.title,
          severity: record.severity,
          status: record.status ?? 'detected',
          occurredOn: record.occurredOn ?? null,
        })),
      };
    },

    import: ({ jobId, path }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      return jobs.run(context, jobId, 'incident import', async (job) => {
        const bytes = await readImportFile(file, job);

        job.progress('parsing', 0, 1);
        const { records } = parseVeris(file, bytes);
        job.progress('parsing', 1, 1);

        job.throwIfCancelled();
        job.progress('storing', 0, records.length);
        const summary = service().importIncidents(records, basename(file));
        job.progress('storing', records.length, records.length);
        return summary;
      });
    },
  };
}
