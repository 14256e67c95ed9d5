import {
  isKnownTimeZone,
  vaultSettingsInputSchema,
  type VaultSettings,
  type VaultSettingsInput,
} from '../../shared/domain/settings.js';
import { todayIn } from '../privacy/deadline.js';
import { parseInput } from '../validation.js';
import type { Vault } from '../vault/vault.js';

const TIME_ZONE_KEY = 'settings.time_zone';
const COUNTRY_KEY = 'settings.country';

/** Returns the operating system's IANA time zone, or UTC when the runtime cannot tell. */
export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone !== undefined && isKnownTimeZone(zone) ? zone : 'UTC';
}

/**
 * Vault-wide settings kept in vault_meta, so every machine that opens the vault counts deadlines
 * the same way. Each change writes its audit entry in the same transaction.
 */
export class SettingsService {
  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
    private readonly fallbackTimeZone: string = systemTimeZone(),
  ) {}

  get(): VaultSettings {
    const stored = this.vault.getMeta(TIME_ZONE_KEY);
    // A zone this runtime's ICU does not know (written by a newer one) falls back to the system's.
    const usable = stored !== null && isKnownTimeZone(stored) ? stored : null;
    return {
      timeZone: usable ?? this.fallbackTimeZone,
      country: this.vault.getMeta(COUNTRY_KEY),
      timeZoneIsDefault: usable === null,
    };
  }

  update(input: VaultSettingsInput): VaultSettings {
    const draft = parseInput(vaultSettingsInputSchema, input, 'settings');

    return this.vault.transaction(() => {
      const before = this.get();
      this.vault.setMeta(TIME_ZONE_KEY, draft.timeZone);
      if (draft.country === null) {
        this.vault.db.prepare('DELETE FROM vault_meta WHERE key = ?').run(COUNTRY_KEY);
      } else {
        this.vault.setMeta(COUNTRY_KEY, draft.country);
      }
      const after = this.get();
      this.vault.audit.append({
        actor: this.actor,
        action: 'settings.update',
        entityType: 'settings',
        before: { timeZone: before.timeZone, country: before.country },
        after: { timeZone: after.timeZone, country: after.country },
      });
      return after;
    });
  }

  /** Today's calendar date in the vault's time zone, the date deadlines are counted against. */
  today(now: Date = new Date()): string {
    return todayIn(this.get().timeZone, now);
  }
}
