import type { DashboardSummary } from '../../../../shared/ipc/dashboard.js';
import { AuditQueries } from '../../../audit/audit-query.js';
import type { VaultSession } from '../../session.js';
import type { DomainImplementation } from '../types.js';
import { settingsOf } from './privacy.js';

export function auditDomain(session: VaultSession): DomainImplementation<'audit'> {
  return {
    list: (query) => new AuditQueries(session.services.vault.db).list(query),
    verify: () => session.services.vault.audit.verify(),
  };
}

export function dashboardDomain(session: VaultSession): DomainImplementation<'dashboard'> {
  return {
    summary: (): DashboardSummary => {
      const services = session.services;
      const summary = services.summary(settingsOf(session).today());
      const byLevel = services.classification.repository.countByLevel();
      const classificationByLevel: Record<string, number> = {};
      for (const level of services.classificationScale.get().levels) {
        classificationByLevel[level.name] = byLevel[level.name] ?? 0;
      }
      return { ...summary, classificationByLevel };
    },
  };
}

export function settingsDomain(session: VaultSession): DomainImplementation<'settings'> {
  return {
    get: () => settingsOf(session).get(),
    set: (input) => settingsOf(session).update(input),
  };
}
