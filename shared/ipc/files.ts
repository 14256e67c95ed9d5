import { z } from 'zod';

import { channel } from './define.js';

/** Kinds of file the import and scan wizards open; each has its own dialog filter. */
export const IMPORT_FILE_KINDS = [
  'classificationFile',
  'scanSource',
  'verisJson',
  'findingsJson',
] as const;
export const importFileKindSchema = z.enum(IMPORT_FILE_KINDS);
export type ImportFileKind = z.infer<typeof importFileKindSchema>;

/**
 * A file the user picked in a native dialog. Main records the path for the calling window, and
 * later calls naming a path are accepted only for paths recorded this way.
 */
export const chosenFileSchema = z.object({ path: z.string(), name: z.string() });
export type ChosenFile = z.infer<typeof chosenFileSchema>;

/** A path the renderer hands back to main; main checks it against the window's granted paths. */
export const grantedPathSchema = z.string().min(1, 'path is required').max(4096);

export const fileChannels = {
  /** Shows the native open dialog; returns null when the user cancels. */
  chooseImportFile: channel(
    'files:chooseImportFile',
    z.strictObject({ kind: importFileKindSchema }),
    chosenFileSchema.nullable(),
  ),
};
