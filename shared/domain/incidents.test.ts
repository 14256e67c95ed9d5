import { describe, expect, it } from 'vitest';

import { partialDateSchema } from './incidents.js';

describe('partialDateSchema', () => {
  it.each(['2024', '2024-02', '2024-02-29', '2023-12-31', '2019-01-01'])('accepts %s', (date) => {
    expect(partialDateSchema.safeParse(date).success).toBe(true);
  });

  it.each([
    '2025-13',
    '2025-00',
    '2023-02-29',
    '2024-04-31',
    '2024-01-00',
    '24',
    '2024-1',
    '2024/01',
  ])('rejects %s', (date) => {
    expect(partialDateSchema.safeParse(date).success).toBe(false);
  });
});
