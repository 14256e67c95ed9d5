import { contractEntries, type DomainName } from '../../../shared/ipc/contract.js';
import type { VaultSession } from '../session.js';
import type { DesktopShell } from './desktop-shell.js';
import { classificationDomain } from './domains/classification.js';
import { dataMapDomain, reviewDomain } from './domains/data-map.js';
import { fileDomain, jobDomain, reportDomain } from './domains/files.js';
import { findingDomain } from './domains/findings.js';
import { incidentDomain } from './domains/incidents.js';
import { historyDomain, ropaDomain, scaleDomain } from './domains/map-records.js';
import { auditDomain, dashboardDomain, settingsDomain } from './domains/overview.js';
import { privacyDomain } from './domains/privacy.js';
import { vaultDomain } from './domains/vault.js';
import { wrapChannel } from './envelope.js';
import { JobRegistry } from './jobs.js';
import { PathGrants } from './path-grants.js';
import type { ChannelHandler, ContractImplementation, HandlerContext } from './types.js';
import { VaultGate } from './vault-gate.js';

export interface HandlerDependencies {
  session: VaultSession;
  shell: DesktopShell;
}

/**
 * Channels that never touch the vault connection, so they run without waiting for the gate: a
 * dialog can open and a job can be cancelled while a report is being written.
 */
const UNGATED_CHANNELS = new Set([
  'files:chooseImportFile',
  'reports:chooseDestination',
  'ropa:chooseDestination',
  'reports:showInFolder',
  'jobs:cancel',
]);

export interface HandlerTable {
  /** One handler per channel name of the contract. */
  readonly handlers: ReadonlyMap<string, ChannelHandler>;
  /** Cancels a closed window's jobs and drops the paths it was granted. */
  forgetWindow(windowId: number): void;
  /** Cancels every job, waits for running vault work, then locks the vault (WAL checkpoint). */
  shutdown(): Promise<void>;
}

/**
 * Builds the handler of every channel over one vault session. This module and everything it
 * imports stay free of Electron, so main registers these handlers with ipcMain and the e2e
 * harness calls the very same handlers from Playwright.
 */
export function createHandlerTable(deps: HandlerDependencies): HandlerTable {
  const { session, shell } = deps;
  const grants = new PathGrants();
  const jobs = new JobRegistry();
  const gate = new VaultGate();
  const openWindows = new Set<number>();

  const implementation: ContractImplementation = {
    vault: vaultDomain(session),
    classification: classificationDomain({ session, grants, jobs }),
    dataMap: dataMapDomain(session),
    review: reviewDomain(session),
    ropa: ropaDomain({ session, shell, grants }),
    history: historyDomain(session),
    scale: scaleDomain(session),
    privacy: privacyDomain(session),
    incidents: incidentDomain({ session, grants, jobs }),
    findings: findingDomain({ session, grants, jobs }),
    audit: auditDomain(session),
    dashboard: dashboardDomain(session),
    reports: reportDomain({ session, shell, grants, jobs }),
    settings: settingsDomain(session),
    files: fileDomain({ session, shell, grants, jobs }),
    jobs: jobDomain(jobs),
  };

  const handlers = new Map<string, ChannelHandler>();
  for (const { domain, action, definition } of contractEntries()) {
    const work = implementationOf(implementation, domain, action);
    const gated = !UNGATED_CHANNELS.has(definition.name);
    const run = (input: unknown, context: HandlerContext) => {
      openWindows.add(context.windowId);
      return gated ? gate.run(() => work(input, context)) : work(input, context);
    };
    handlers.set(definition.name, wrapChannel(definition, run));
  }

  return {
    handlers,
    forgetWindow(windowId) {
      jobs.cancelWindow(windowId);
      grants.forgetWindow(windowId);
      openWindows.delete(windowId);
    },
    async shutdown() {
      for (const windowId of openWindows) jobs.cancelWindow(windowId);
      await gate.run(() => session.lock());
    },
  };
}

function implementationOf(
  implementation: ContractImplementation,
  domain: DomainName,
  action: string,
): (input: unknown, context: HandlerContext) => unknown {
  const domainImplementation = implementation[domain] as Record<
    string,
    (input: unknown, context: HandlerContext) => unknown
  >;
  const work = domainImplementation[action];
  if (work === undefined) {
    throw new Error(`No implementation for IPC channel ${domain}.${action}`);
  }
  return work.bind(domainImplementation);
}
