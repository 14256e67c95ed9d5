import { auditChannels } from './audit.js';
import { classificationChannels } from './classification.js';
import { dashboardChannels } from './dashboard.js';
import { dataMapChannels } from './data-map.js';
import type { ChannelDefinition } from './define.js';
import { fileChannels } from './files.js';
import { findingChannels } from './findings.js';
import { incidentChannels } from './incidents.js';
import { jobChannels } from './jobs.js';
import { mapHistoryChannels } from './map-history.js';
import { privacyChannels } from './privacy.js';
import { reportChannels } from './reports.js';
import { reviewChannels } from './review.js';
import { ropaChannels } from './ropa.js';
import { scaleChannels } from './scale.js';
import { settingsChannels } from './settings.js';
import { vaultChannels } from './vault.js';

/**
 * Every channel between renderer and main, grouped by domain. window.api.<domain>.<action> calls
 * the channel at IPC_CONTRACT[domain][action], whose name is "<domain>:<action>".
 */
export const IPC_CONTRACT = {
  vault: vaultChannels,
  classification: classificationChannels,
  dataMap: dataMapChannels,
  review: reviewChannels,
  ropa: ropaChannels,
  history: mapHistoryChannels,
  scale: scaleChannels,
  privacy: privacyChannels,
  incidents: incidentChannels,
  findings: findingChannels,
  audit: auditChannels,
  dashboard: dashboardChannels,
  reports: reportChannels,
  settings: settingsChannels,
  files: fileChannels,
  jobs: jobChannels,
} as const;

export type IpcContract = typeof IPC_CONTRACT;
export type DomainName = keyof IpcContract;

export interface ContractEntry {
  domain: DomainName;
  action: string;
  definition: ChannelDefinition;
}

/** Lists every channel of the contract with its domain and action. */
export function contractEntries(): ContractEntry[] {
  return (Object.keys(IPC_CONTRACT) as DomainName[]).flatMap((domain) =>
    Object.entries(IPC_CONTRACT[domain]).map(([action, definition]) => ({
      domain,
      action,
      definition: definition as ChannelDefinition,
    })),
  );
}

/** Returns the contract's shape as plain data: the action names of each domain. */
export function contractShape(): Record<string, string[]> {
  return Object.fromEntries(
    (Object.keys(IPC_CONTRACT) as DomainName[]).map((domain) => [
      domain,
      Object.keys(IPC_CONTRACT[domain]),
    ]),
  );
}
