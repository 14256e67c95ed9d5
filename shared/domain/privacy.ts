import { z } from 'zod';

/** Data-subject rights of GDPR Arts. 15 to 22, keyed by the request a data subject makes. */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'automated_decision',
] as const;
export const requestTypeSchema = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof requestTypeSchema>;

export const REQUEST_ARTICLES: Record<RequestType, string> = {
  access: 'Art. 15',
  rectification: 'Art. 16',
  erasure: 'Art. 17',
  restriction: 'Art. 18',
  portability: 'Art. 20',
  objection: 'Art. 21',
  automated_decision: 'Art. 22',
};

export const REQUEST_STATUSES = ['received', 'in_progress', 'completed', 'rejected'] as const;
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export const isoDateSchema = z.iso.date({ message: 'date must be a calendar date as YYYY-MM-DD' });

export const privacyRequestInputSchema = z.object({
  type: requestTypeSchema,
  receivedOn: isoDateSchema,
  subjectRef: z
    .string()
    .trim()
    .min(1, 'subject reference is required')
    .max(200, 'subject reference must be at most 200 characters'),
  status: requestStatusSchema.default('received'),
  notes: z.string().max(5000).default(''),
});
export type PrivacyRequestInput = z.input<typeof privacyRequestInputSchema>;
export type PrivacyRequestDraft = z.output<typeof privacyRequestInputSchema>;

export interface PrivacyRequest extends PrivacyRequestDraft {
  id: number;
  dueOn: string;
  createdAt: string;
  updatedAt: string;
}
