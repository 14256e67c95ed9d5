import { basename, extname } from 'node:path';

import type { MapExportKind } from '../../../../shared/ipc/ropa.js';
import {
  exportClassificationMapFile,
  exportRecordOfProcessingFile,
} from '../../classification-map.js';
import type { VaultSession } from '../../session.js';
import type { DesktopShell, FileFilter } from '../desktop-shell.js';
import type { PathGrants } from '../path-grants.js';
import type { DomainImplementation } from '../types.js';

export interface MapRecordsDependencies {
  session: VaultSession;
  shell: DesktopShell;
  grants: PathGrants;
}

interface ExportDialog {
  title: string;
  baseName: string;
  extension: '.xlsx' | '.csv';
  filters: FileFilter[];
}

const XLSX_FILTER: FileFilter = { name: 'Excel workbooks', extensions: ['xlsx'] };

const EXPORT_DIALOGS: Readonly<Record<MapExportKind, ExportDialog>> = {
  ropa: {
    title: 'Save the record of processing activities',
    baseName: 'record-of-processing',
    extension: '.xlsx',
    filters: [XLSX_FILTER],
  },
  mapXlsx: {
    title: 'Save the data map',
    baseName: 'data-map',
    extension: '.xlsx',
    filters: [XLSX_FILTER],
  },
  mapCsv: {
    title: 'Save the data map',
    baseName: 'data-map',
    extension: '.csv',
    filters: [{ name: 'CSV files', extensions: ['csv'] }],
  },
};

/**
 * Implements the Art. 30 record channels and the data map's exports. Exports write only to a path
 * the save dialog granted to the calling window.
 */
export function ropaDomain(deps: MapRecordsDependencies): DomainImplementation<'ropa'> {
  const { session, shell, grants } = deps;
  const ropa = () => session.services.recordOfProcessing;

  return {
    getController: () => ropa().getController(),
    setController: (input) => ropa().setController(input),
    record: ({ groupBy }) => ropa().record(groupBy),

    chooseDestination: async ({ kind }, context) => {
      const dialog = EXPORT_DIALOGS[kind];
      const defaultName = `${dialog.baseName}-${new Date().toISOString().slice(0, 10)}${dialog.extension}`;
      const chosen = await shell.chooseFileToSave(context.windowId, {
        title: dialog.title,
        defaultName,
        filters: dialog.filters,
      });
      if (chosen === null) return null;

      // Linux dialogs may return the name without the extension, which decides the format.
      const withExtension =
        extname(chosen).toLowerCase() === dialog.extension
          ? chosen
          : `${chosen}${dialog.extension}`;
      const path = grants.grant(context.windowId, withExtension, 'write');
      return { path, name: basename(path) };
    },

    // NOTE: both exports run without a job, so they send no progress and cannot be cancelled.
    // Other vault calls wait at the gate until the file is written.
    exportRecord: async ({ path, groupBy }, context) => {
      const file = grants.require(context.windowId, path, 'write');
      const result = await exportRecordOfProcessingFile(session.services, file, { groupBy });
      grants.grant(context.windowId, result.file, 'reveal');
      return result;
    },

    exportMap: async ({ path }, context) => {
      const file = grants.require(context.windowId, path, 'write');
      const result = await exportClassificationMapFile(session.services, file);
      grants.grant(context.windowId, result.file, 'reveal');
      return result;
    },
  };
}

/** Implements the history channels: the map rebuilt from the audit trail. */
export function historyDomain(session: VaultSession): DomainImplementation<'history'> {
  const history = () => session.services.classificationHistory;
  return {
    asOf: ({ when }) => history().asOf(when),
    diff: ({ from, to }) => history().diff(from, to),
  };
}

/** Implements the scale channels: a new scale, with the remap of the levels in use. */
export function scaleDomain(session: VaultSession): DomainImplementation<'scale'> {
  const scale = () => session.services.classificationScale;
  return {
    preview: ({ scale: input, remap }) => scale().preview(input, remap),
    set: ({ scale: input, remap }) => scale().set(input, remap),
  };
}
