import { basename } from 'node:path';

import type { SecurityFindingInput } from '../../../../shared/domain/findings.js';
import type { FindingFormat } from '../../../../shared/ipc/findings.js';
import { parseBandit } from '../../../importers/bandit.js';
import { parseNpmAudit } from '../../../importers/npm-audit.js';
import { parseSarif } from '../../../importers/sarif.js';
import { parseScorecard } from '../../../importers/scorecard.js';
import { readImportFile } from '../granted-file.js';
import type { DomainImplementation } from '../types.js';
import { PREVIEW_SAMPLE_SIZE } from './preview.js';
import type { RecordDomainDependencies } from './incidents.js';

const PARSERS: Record<
  FindingFormat,
  (file: string, bytes: Buffer) => { records: SecurityFindingInput[] }
> = {
  sarif: parseSarif,
  scorecard: parseScorecard,
  'npm-audit': parseNpmAudit,
  bandit: parseBandit,
};

export function findingDomain(deps: RecordDomainDependencies): DomainImplementation<'findings'> {
  const { session, grants, jobs } = deps;
  const service = () => session.services.findings;

  return {
    list: (query) => service().list(query),

    importPreview: async ({ path, format }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      const { records } = PARSERS[format](file, await readImportFile(file));
      return {
        file,
        recordCount: records.length,
        sample: records.slice(0, PREVIEW_SAMPLE_SIZE).map((record) => ({
          tool: record.tool,
          ruleId: record.ruleId,
          title: record.title,
          severity: record.severity,
        })),
      };
    },

    import: ({ jobId, path, format }, context) => {
      const file = grants.require(context.windowId, path, 'read');
      return jobs.run(context, jobId, 'findings import', async (job) => {
        const bytes = await readImportFile(file, job);

        job.progress('parsing', 0, 1);
        const { records } = PARSERS[format](file, bytes);
        job.progress('parsing', 1, 1);

        job.throwIfCancelled();
        job.progress('storing', 0, records.length);
        const summary = service().importFindings(records, basename(file));
        job.progress('storing', records.length, records.length);
        return summary;
      });
    },
  };
}
