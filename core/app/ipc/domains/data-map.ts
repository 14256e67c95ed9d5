import type { VaultSession } from '../../session.js';
import type { DomainImplementation } from '../types.js';

/** Implements the channels for systems, datasets, bulk edits and policy findings. */
export function dataMapDomain(session: VaultSession): DomainImplementation<'dataMap'> {
  const systems = () => session.services.systems;
  const policy = () => session.services.classificationPolicy;

  return {
    listSystems: () => systems().listSystems(),
    createSystem: (input) => systems().createSystem(input),
    updateSystem: ({ id, changes }) => systems().updateSystem(id, changes),
    listDatasets: ({ systemId }) => systems().listDatasets(systemId),
    createDataset: (input) => systems().createDataset(input),
    updateDataset: ({ id, changes }) => systems().updateDataset(id, changes),
    bulkUpdate: ({ ids, changes }) => session.services.classification.bulkUpdate(ids, changes),
    countFindings: () => policy().countByRule(),
    listFindings: (query) => policy().list(query),
  };
}

/** Implements the review queue channels of discovery scans. */
export function reviewDomain(session: VaultSession): DomainImplementation<'review'> {
  const review = () => session.services.classificationReview;

  return {
    listRuns: ({ limit }) => review().listRuns(limit),
    listProposals: (query) => review().listProposals(query),
    accept: ({ id, changes }) => review().accept(id, changes),
    reject: ({ id }) => review().reject(id),
    diffRun: ({ runId }) => review().diffRun(runId),
  };
}
