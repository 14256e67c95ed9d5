import { z } from 'zod';

/** Paging, sorting and quick search for list views; filters are added per domain. */
export const listQuerySchema = z.object({
  search: z.string().trim().max(200).optional(),
  sortBy: z.string().max(50).optional(),
  sortDirection: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
  limit: number;
}
