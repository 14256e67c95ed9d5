import { basename } from 'node:path';

import {
  writeComplianceReport,
  type ComplianceReportOptions,
  type ReportResult,
} from '../reports/compliance-report.js';
import { moduleLogger } from '../log/logger.js';
import type { ComplianceServices } from '../services.js';

const log = moduleLogger('report');

/**
 * Writes the Excel compliance report, then records the export in the audit trail. An unmasked
 * report puts personal data in a file outside the vault, so its audit entry records that.
 */
export async function exportComplianceReport(
  services: ComplianceServices,
  outFile: string,
  options: ComplianceReportOptions & { asOf?: string } = {},
): Promise<ReportResult> {
  const { asOf, ...reportOptions } = options;
  const masked = reportOptions.unmasked !== true;
  log.info({ masked, sections: reportOptions.sections ?? 'all' }, 'report started');
  let result: ReportResult;
  try {
    result = await writeComplianceReport(services.reportSource(asOf), outFile, reportOptions);
  } catch (error) {
    log.warn({ err: error, masked }, 'report failed; no file was left behind');
    throw error;
  }
  log.info({ masked, rows: result.rows }, 'report written');

  // Written after the rows were streamed: the vault connection cannot write while it iterates.
  services.vault.transaction(() => {
    services.vault.audit.append({
      actor: services.actor,
      action: result.masked ? 'report.export' : 'report.export_unmasked',
      entityType: 'report',
      after: {
        file: basename(result.file),
        masked: result.masked,
        sheets: result.sheets,
        rows: result.rows,
      },
    });
  });
  return result;
}
