import { z } from 'zod';

import { COUNTRY_CODES } from './countries.js';

/** True when the running ICU has data for the IANA time zone, such as "Europe/Berlin". */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'time zone is required')
  .max(100)
  .refine(isKnownTimeZone, 'time zone must be an IANA time zone such as Europe/Berlin');

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (code) => (COUNTRY_CODES as readonly string[]).includes(code),
    'country must be an ISO 3166-1 alpha-2 code such as DE or FR',
  );

/**
 * Vault-wide settings for deadlines. The time zone decides which calendar date is "today" for
 * overdue and due-soon counts; the country is kept for country-specific working-day rules.
 */
export const vaultSettingsInputSchema = z.object({
  timeZone: timeZoneSchema,
  country: countryCodeSchema.nullable(),
});
export type VaultSettingsInput = z.input<typeof vaultSettingsInputSchema>;

export interface VaultSettings {
  timeZone: string;
  country: string | null;
  /** True while no time zone was saved, so timeZone is the operating system's. */
  timeZoneIsDefault: boolean;
}
