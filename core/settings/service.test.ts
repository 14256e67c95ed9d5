import { afterEach, describe, expect, it } from 'vitest';

import { tempVaultContext, type TempVaultContext } from '../../test/helpers/temp-vault.js';
import { createVault } from '../vault/lifecycle.js';
import type { Vault } from '../vault/vault.js';
import { SettingsService } from './service.js';

let context: TempVaultContext | null = null;
let vault: Vault | null = null;

afterEach(() => {
  vault?.close();
  context?.cleanup();
  vault = null;
  context = null;
});

async function openService(fallbackTimeZone = 'Europe/Paris'): Promise<SettingsService> {
  context = tempVaultContext();
  ({ vault } = await createVault({
    path: context.vaultPath,
    keyStore: context.keyStore,
    actor: 'test',
    passphrase: 'settings service test passphrase',
  }));
  return new SettingsService(vault, 'test', fallbackTimeZone);
}

describe('SettingsService', () => {
  it('defaults to the system time zone', async () => {
    const settings = await openService('Europe/Paris');
    expect(settings.get()).toEqual({
      timeZone: 'Europe/Paris',
      country: null,
      timeZoneIsDefault: true,
    });
  });

  it('stores time zone and country', async () => {
    const settings = await openService();
    const saved = settings.update({ timeZone: 'America/New_York', country: 'us' });

    expect(saved).toEqual({
      timeZone: 'America/New_York',
      country: 'US',
      timeZoneIsDefault: false,
    });
    expect(settings.get()).toEqual(saved);
  });

  it('clears the country with null', async () => {
    const settings = await openService();
    settings.update({ timeZone: 'UTC', country: 'FR' });
    expect(settings.update({ timeZone: 'UTC', country: null }).country).toBeNull();
  });

  it('rejects an unknown time zone', async () => {
    const settings = await openService();
    expect(() => settings.update({ timeZone: 'Europe/Atlantis', country: null })).toThrow(
      /IANA time zone/,
    );
  });

  it('rejects an unassigned country code', async () => {
    const settings = await openService();
    expect(() => settings.update({ timeZone: 'UTC', country: 'XX' })).toThrow(/ISO 3166-1/);
  });

  it('writes an audit entry per change', async () => {
    const settings = await openService('Europe/Paris');
    settings.update({ timeZone: 'Asia/Tokyo', country: 'JP' });

    const entries = [...(vault?.audit.entries() ?? [])];
    const last = entries.at(-1);
    expect(last?.action).toBe('settings.update');
    expect(last?.before).toEqual({ timeZone: 'Europe/Paris', country: null });
    expect(last?.after).toEqual({ timeZone: 'Asia/Tokyo', country: 'JP' });
  });

  it('counts today in the vault time zone', async () => {
    const settings = await openService();
    const instant = new Date('2025-03-01T02:30:00Z');

    settings.update({ timeZone: 'America/Los_Angeles', country: null });
    expect(settings.today(instant)).toBe('2025-02-28');
    settings.update({ timeZone: 'Asia/Tokyo', country: null });
    expect(settings.today(instant)).toBe('2025-03-01');
  });
});
