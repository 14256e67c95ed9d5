import { basename } from 'node:path';

import { exportComplianceReport } from '../../report.js';
import type { VaultSession } from '../../session.js';
import { IMPORT_DIALOGS, REPORT_DIALOG, type DesktopShell } from '../desktop-shell.js';
import type { JobRegistry } from '../jobs.js';
import type { PathGrants } from '../path-grants.js';
import type { DomainImplementation } from '../types.js';
import { settingsOf } from './privacy.js';

export interface ShellDomainDependencies {
  session: VaultSession;
  shell: DesktopShell;
  grants: PathGrants;
  jobs: JobRegistry;
}

export function fileDomain(deps: ShellDomainDependencies): DomainImplementation<'files'> {
  const { shell, grants } = deps;
  return {
    chooseImportFile: async ({ kind }, context) => {
      const chosen = await shell.chooseFileToOpen(context.windowId, IMPORT_DIALOGS[kind]);
      if (chosen === null) return null;
      const path = grants.grant(context.windowId, chosen, 'read');
      return { path, name: basename(path) };
    },
  };
}

export function jobDomain(jobs: JobRegistry): DomainImplementation<'jobs'> {
  return {
    cancel: ({ jobId }, context) => ({ cancelled: jobs.cancel(context.windowId, jobId) }),
  };
}

export function reportDomain(deps: ShellDomainDependencies): DomainImplementation<'reports'> {
  const { session, shell, grants, jobs } = deps;
  return {
    chooseDestination: async (_input, context) => {
      const defaultName = `synapse-compliance-report-${new Date().toISOString().slice(0, 10)}.xlsx`;
      const chosen = await shell.chooseFileToSave(context.windowId, {
        ...REPORT_DIALOG,
        defaultName,
      });
      if (chosen === null) return null;
      const path = grants.grant(context.windowId, withXlsxExtension(chosen), 'write');
      return { path, name: basename(path) };
    },

    build: ({ jobId, path, sections, unmasked }, context) => {
      const file = grants.require(context.windowId, path, 'write');
      return jobs.run(context, jobId, 'report', async (job) => {
        const services = session.services;
        const asOf = settingsOf(session).today();
        const total = expectedRows(services.summary(asOf).counts, sections);

        const result = await exportComplianceReport(services, file, {
          unmasked,
          sections,
          asOf,
          signal: job.signal,
          onProgress: (rows) => job.progress('writing', rows, Math.max(total, rows)),
        });
        grants.grant(context.windowId, result.file, 'reveal');
        return result;
      });
    },

    showInFolder: ({ path }, context) => {
      shell.showItemInFolder(grants.require(context.windowId, path, 'reveal'));
      return null;
    },
  };
}

/** Adds .xlsx when the save dialog returned a name without it (Linux dialogs do). */
function withXlsxExtension(path: string): string {
  return path.toLowerCase().endsWith('.xlsx') ? path : `${path}.xlsx`;
}

/** Data rows the selected sheets will hold, for the progress bar's total. */
function expectedRows(
  counts: {
    classificationEntries: number;
    privacyRequests: number;
    incidents: number;
    findings: number;
    auditEntries: number;
  },
  sections: readonly string[],
): number {
  const perSection: Record<string, number> = {
    dataMap: counts.classificationEntries,
    privacyRequests: counts.privacyRequests,
    incidents: counts.incidents,
    findings: counts.findings,
    auditTrail: counts.auditEntries,
  };
  return sections.reduce((sum, section) => sum + (perSection[section] ?? 0), 0);
}
