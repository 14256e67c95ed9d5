import { basename } from 'node:path';

import {
  classificationMappingSchema,
  importModeSchema,
  mappingNameSchema,
  type ClassificationImportFormat,
  type ClassificationImportPreview,
  type ClassificationImportResult,
  type ClassificationMapping,
  type ImportMode,
  type SavedMapping,
} from '../../shared/domain/classification-import.js';
import { InvalidInputError, SynapseError } from '../../shared/errors.js';
import {
  convertClassificationFile,
  previewClassificationImport,
  readClassificationTable,
  type ClassificationFileOptions,
} from '../importers/classification-file.js';
import type { ConvertedRows } from '../importers/classification-rows.js';
import { parseLevel, ValueError } from '../importers/classification-values.js';
import { parseInput } from '../validation.js';
import type { Vault } from '../vault/vault.js';
import type { ClassificationService } from './service.js';

/** Options of a preview or an import; `mapping` is a mapping or the name of a saved one. */
export interface ClassificationImportOptions extends Omit<
  ClassificationFileOptions,
  'mapping' | 'resolveLevel'
> {
  mapping?: ClassificationMapping | string;
}

export interface ClassificationImportCommitOptions extends ClassificationImportOptions {
  mode: ImportMode;
  onProgress?: (done: number, total: number) => void;
}

interface MappingRow {
  id: number;
  name: string;
  mapping: string;
  created_at: string;
  updated_at: string;
}

/** Invalid rows named in the message of a rejected all-or-nothing import. */
const ERRORS_IN_MESSAGE = 10;

/** Invalid rows the audit entry of a valid-rows import names by line. */
const ERRORS_IN_AUDIT = 100;

const MAPPING_ENTITY = 'import_mapping';

/**
 * Classification imports from CSV and XLSX in two steps: a preview that stores nothing, then an
 * import the user accepted, in one transaction, of every row or of the valid rows only. Column
 * mappings can be saved in the vault by name.
 */
export class ClassificationImportService {
  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
    private readonly classification: ClassificationService,
  ) {}

  preview(
    file: string,
    bytes: Buffer,
    options: ClassificationImportOptions = {},
  ): ClassificationImportPreview {
    return previewClassificationImport(file, bytes, this.fileOptions(options));
  }

  /**
   * Imports the file as previewed. With 'all-or-nothing', one invalid row rejects the file and
   * nothing is stored; with 'valid-rows', the valid rows are stored and the invalid ones listed.
   */
  commit(
    file: string,
    bytes: Buffer,
    options: ClassificationImportCommitOptions,
  ): ClassificationImportResult {
    const [result] = this.commitFiles([{ file, bytes }], options);
    return result!;
  }

  /**
   * Imports several files in one transaction. Every file is read and checked under the mode
   * before anything is written, so one rejected file stores none of them, and the error names it.
   */
  commitFiles(
    files: readonly { file: string; bytes: Buffer }[],
    options: ClassificationImportCommitOptions,
  ): ClassificationImportResult[] {
    const mode = parseInput(importModeSchema, options.mode, 'import mode');
    const fileOptions = this.fileOptions(options);
    const prepared = files.map(({ file, bytes }) => prepareFile(file, bytes, fileOptions, mode));

    return this.vault.transaction(() =>
      prepared.map(({ file, format, records, errors }) => {
        // The rejected lines go into the audit entry of each file.
        const summary = this.classification.importEntries(
          records.map((row) => row.record),
          basename(file),
          {
            ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
            auditDetails: {
              format,
              mode,
              rejected: errors.length,
              rejectedLines: errors.slice(0, ERRORS_IN_AUDIT).map((error) => error.line),
            },
          },
        );
        return {
          file,
          format,
          mode,
          records: records.length,
          rejected: errors.length,
          errors,
          ...summary,
        };
      }),
    );
  }

  listMappings(): SavedMapping[] {
    const rows = this.vault.db
      .prepare('SELECT * FROM import_mappings ORDER BY name')
      .all() as MappingRow[];
    return rows.map(toSavedMapping);
  }

  getMapping(name: string): SavedMapping {
    const row = this.vault.db.prepare('SELECT * FROM import_mappings WHERE name = ?').get(name) as
      MappingRow | undefined;
    if (row === undefined) {
      const names = this.listMappings().map((mapping) => mapping.name);
      throw new SynapseError(
        'NOT_FOUND',
        `No saved mapping named "${name}". ` +
          (names.length === 0 ? 'No mapping is saved yet.' : `Saved: ${names.join(', ')}.`),
      );
    }
    return toSavedMapping(row);
  }

  /** Saves a mapping under a name, replacing one saved under the same name. */
  saveMapping(name: string, mapping: unknown): SavedMapping {
    const validName = parseInput(mappingNameSchema, name, 'mapping name');
    const validMapping = parseInput(classificationMappingSchema, mapping, 'mapping');

    return this.vault.transaction(() => {
      const before = this.findMapping(validName);
      const now = new Date().toISOString();
      this.vault.db
        .prepare(
          `INSERT INTO import_mappings (name, mapping, created_at, updated_at)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
        )
        .run(validName, JSON.stringify(validMapping), now, now);
      const after = this.getMapping(validName);
      this.vault.audit.append({
        actor: this.actor,
        action: before === null ? 'classification.mapping.create' : 'classification.mapping.update',
        entityType: MAPPING_ENTITY,
        entityId: after.id,
        ...(before === null ? {} : { before }),
        after,
      });
      return after;
    });
  }

  deleteMapping(name: string): void {
    this.vault.transaction(() => {
      const before = this.getMapping(name);
      this.vault.db.prepare('DELETE FROM import_mappings WHERE id = ?').run(before.id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.mapping.delete',
        entityType: MAPPING_ENTITY,
        entityId: before.id,
        before,
      });
    });
  }

  private findMapping(name: string): SavedMapping | null {
    const row = this.vault.db.prepare('SELECT * FROM import_mappings WHERE name = ?').get(name) as
      MappingRow | undefined;
    return row === undefined ? null : toSavedMapping(row);
  }

  private fileOptions(options: ClassificationImportOptions): ClassificationFileOptions {
    const { mapping, ...rest } = options;
    const resolved = typeof mapping === 'string' ? this.getMapping(mapping).mapping : mapping;
    return { ...rest, mapping: resolved, resolveLevel: (text) => this.resolveLevel(text) };
  }

  /**
   * Reads a level cell against the vault's scale: its own names and aliases first, then the
   * default scale's names and synonyms ("restricted"), mapped onto the scale.
   */
  private resolveLevel(text: string): string | null {
    if (text.trim() === '') {
      return null;
    }
    const scale = this.classification.scale;
    const direct = scale.resolve(text);
    if (direct !== null) {
      return direct;
    }

    let viaDefault: string | null = null;
    try {
      const name = parseLevel(text);
      viaDefault = name === null ? null : scale.resolve(name);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
    }
    if (viaDefault === null) {
      const names = scale.get().levels.map((level) => level.name);
      throw new ValueError(
        `level "${text.trim()}" is not on the vault's classification scale; use one of ` +
          names.join(', '),
      );
    }
    return viaDefault;
  }
}

/** Reads and converts every row of a file and applies the mode, without storing anything. */
function prepareFile(
  file: string,
  bytes: Buffer,
  fileOptions: ClassificationFileOptions,
  mode: ImportMode,
): ConvertedRows & { file: string; format: ClassificationImportFormat } {
  const read = readClassificationTable(file, bytes, fileOptions);
  const converted = convertClassificationFile(read, fileOptions);
  const { records, errors } = converted;

  if (errors.length > 0 && mode === 'all-or-nothing') {
    throw rejectAll(file, errors, records.length);
  }
  if (records.length === 0) {
    throw new InvalidInputError(
      { file },
      `none of the ${errors.length} rows is valid, so nothing was stored; the first: line ` +
        `${errors[0]?.line}: ${errors[0]?.message}`,
    );
  }
  return { ...converted, file, format: read.format };
}

function rejectAll(
  file: string,
  errors: readonly { line: number; message: string }[],
  valid: number,
): InvalidInputError {
  const listed = errors
    .slice(0, ERRORS_IN_MESSAGE)
    .map((error) => `line ${error.line}: ${error.message}`)
    .join('; ');
  const more =
    errors.length > ERRORS_IN_MESSAGE ? `; and ${errors.length - ERRORS_IN_MESSAGE} more` : '';
  return new InvalidInputError(
    { file, line: errors[0]?.line ?? 1 },
    `${errors.length} of ${errors.length + valid} rows are invalid, so nothing was stored ` +
      `(mode all-or-nothing): ${listed}${more}. Fix those rows, or import with mode valid-rows ` +
      `to store the ${valid} valid rows.`,
  );
}

function toSavedMapping(row: MappingRow): SavedMapping {
  return {
    id: row.id,
    name: row.name,
    mapping: classificationMappingSchema.parse(JSON.parse(row.mapping)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
