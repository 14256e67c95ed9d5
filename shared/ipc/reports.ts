import { z } from 'zod';

import { channel, jobIdSchema, noInput } from './define.js';
import { chosenFileSchema, grantedPathSchema } from './files.js';

/** Sheets of the compliance report, in workbook order; the same list as core/reports. */
export const REPORT_SECTIONS = [
  'summary',
  'dataMap',
  'privacyRequests',
  'incidents',
  'findings',
  'auditTrail',
] as const;
export const reportSectionSchema = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const buildReportInputSchema = z.strictObject({
  jobId: jobIdSchema,
  /** A path the save dialog returned to this window. */
  path: grantedPathSchema,
  sections: z.array(reportSectionSchema).min(1, 'choose at least one section'),
  /** Writes personal data as stored instead of masked; recorded in the audit trail. */
  unmasked: z.boolean().default(false),
});
export type BuildReportInput = z.input<typeof buildReportInputSchema>;

export const reportResultSchema = z.object({
  file: z.string(),
  sheets: z.array(z.string()),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  masked: z.boolean(),
});
export type ReportResult = z.infer<typeof reportResultSchema>;

export const reportChannels = {
  /** Shows the native save dialog; returns null when the user cancels. */
  chooseDestination: channel('reports:chooseDestination', noInput, chosenFileSchema.nullable()),
  build: channel('reports:build', buildReportInputSchema, reportResultSchema),
  /** Reveals a report this window wrote in the system file manager. */
  showInFolder: channel(
    'reports:showInFolder',
    z.strictObject({ path: grantedPathSchema }),
    z.null(),
  ),
};
