import { z } from 'zod';

export const FINDING_SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const findingSeveritySchema = z.enum(FINDING_SEVERITIES);
export type FindingSeverity = z.infer<typeof findingSeveritySchema>;

export const FINDING_SOURCES = ['sarif', 'scorecard', 'npm-audit', 'bandit', 'manual'] as const;
export const findingSourceSchema = z.enum(FINDING_SOURCES);
export type FindingSource = z.infer<typeof findingSourceSchema>;

/** A security finding from a scanner or a posture check, deduplicated by its fingerprint. */
export const securityFindingInputSchema = z.object({
  source: findingSourceSchema,
  tool: z.string().trim().min(1).max(200),
  ruleId: z.string().trim().min(1).max(500),
  title: z.string().trim().min(1).max(2000),
  severity: findingSeveritySchema,
  location: z.string().max(2000).default(''),
  target: z.string().max(500).default(''),
  score: z.number().nullable().default(null),
  fingerprint: z.string().min(1).max(200),
  helpUri: z.string().max(2000).nullable().default(null),
  status: z.enum(['open', 'resolved']).default('open'),
});
export type SecurityFindingInput = z.input<typeof securityFindingInputSchema>;
export type SecurityFindingDraft = z.output<typeof securityFindingInputSchema>;

export interface SecurityFinding extends SecurityFindingDraft {
  id: number;
  firstSeenAt: string;
  lastSeenAt: string;
}
