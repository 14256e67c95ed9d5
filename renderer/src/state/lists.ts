import type { AuditQuery } from '../../../shared/domain/audit-query.js';
import type { ClassificationQuery } from '../../../shared/domain/classification-query.js';
import type { FindingQuery } from '../../../shared/domain/finding-query.js';
import type { IncidentQuery } from '../../../shared/domain/incident-query.js';
import type { PrivacyQuery } from '../../../shared/domain/privacy-query.js';
import { api, unwrap } from '../api/client';
import type {
  AuditRow,
  ClassificationRow,
  FindingRow,
  IncidentRow,
  PrivacyRequestRow,
} from '../api/types';
import { createListStore } from './list-store';

/** Rows per page when a list first opens. */
export const DEFAULT_PAGE_SIZE = 50;

export const useClassificationList = createListStore<ClassificationRow, ClassificationQuery>(
  (query) => unwrap(api().classification.list(query)),
  { limit: DEFAULT_PAGE_SIZE, sortBy: 'system', sortDirection: 'asc' },
);

export const usePrivacyList = createListStore<PrivacyRequestRow, PrivacyQuery>(
  (query) => unwrap(api().privacy.list(query)),
  { limit: DEFAULT_PAGE_SIZE, sortBy: 'dueOn', sortDirection: 'asc' },
);

export const useIncidentList = createListStore<IncidentRow, IncidentQuery>(
  (query) => unwrap(api().incidents.list(query)),
  { limit: DEFAULT_PAGE_SIZE, sortBy: 'createdAt', sortDirection: 'desc' },
);

export const useFindingList = createListStore<FindingRow, FindingQuery>(
  (query) => unwrap(api().findings.list(query)),
  { limit: DEFAULT_PAGE_SIZE, sortBy: 'severity', sortDirection: 'desc' },
);

export const useAuditList = createListStore<AuditRow, AuditQuery>(
  (query) => unwrap(api().audit.list(query)),
  { limit: DEFAULT_PAGE_SIZE, sortDirection: 'desc' },
);
