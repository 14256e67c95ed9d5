import type { z } from 'zod';

import type {
  auditEntrySchema,
  classificationEntrySchema,
  incidentSchema,
  privacyRequestSchema,
  securityFindingSchema,
} from '../../../shared/ipc/records.js';

export type ClassificationRow = z.infer<typeof classificationEntrySchema>;
export type PrivacyRequestRow = z.infer<typeof privacyRequestSchema>;
export type IncidentRow = z.infer<typeof incidentSchema>;
export type FindingRow = z.infer<typeof securityFindingSchema>;
export type AuditRow = z.infer<typeof auditEntrySchema>;
