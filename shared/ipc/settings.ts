import { z } from 'zod';

import { vaultSettingsInputSchema } from '../domain/settings.js';
import { channel, noInput } from './define.js';

export const vaultSettingsSchema = z.object({
  timeZone: z.string(),
  country: z.string().nullable(),
  timeZoneIsDefault: z.boolean(),
});

export const settingsChannels = {
  get: channel('settings:get', noInput, vaultSettingsSchema),
  set: channel('settings:set', vaultSettingsInputSchema, vaultSettingsSchema),
};
