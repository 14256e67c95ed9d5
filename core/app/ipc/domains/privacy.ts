import type { VaultSession } from '../../session.js';
import { SettingsService } from '../../../settings/service.js';
import type { DomainImplementation } from '../types.js';

export function privacyDomain(session: VaultSession): DomainImplementation<'privacy'> {
  const service = () => session.services.privacy;

  return {
    list: (query) => {
      // Overdue and due-soon are relative to today in the vault's time zone, not the machine's.
      const needsDate = query.due !== undefined && query.asOf === undefined;
      const asOf = needsDate ? settingsOf(session).today() : query.asOf;
      return service().list(asOf === undefined ? query : { ...query, asOf });
    },
    create: (input) => service().add(input),
    update: ({ id, changes }) => service().update(id, changes),
  };
}

export function settingsOf(session: VaultSession): SettingsService {
  const services = session.services;
  return new SettingsService(services.vault, services.actor);
}
