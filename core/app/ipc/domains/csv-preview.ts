import { parse } from 'csv-parse/sync';

import { InvalidInputError } from '../../../../shared/errors.js';
import type { CsvPreview } from '../../../../shared/ipc/classification.js';
import {
  classificationMappingSchema,
  mapHeaders,
  type ClassificationMapping,
} from '../../../importers/classification-mapping.js';
import { parseClassificationCsv } from '../../../importers/csv-classification.js';
import { decodeCsvBytes, detectDelimiter } from '../../../importers/csv-text.js';

/** Records shown in a preview; enough to check the mapping without sending the whole file. */
export const PREVIEW_SAMPLE_SIZE = 10;

/** Converts the wizard's mapping to the importer's, filling the defaults zod adds. */
export function toImporterMapping(mapping: unknown): ClassificationMapping | undefined {
  return mapping === undefined ? undefined : classificationMappingSchema.parse(mapping);
}

/**
 * Reads a classification CSV as the import would, and returns its headers, how each maps, and the
 * first records. A file that cannot be imported as mapped yields a preview with the problem,
 * because the user fixes it in the next wizard step.
 */
export function previewClassificationCsv(
  file: string,
  bytes: Buffer,
  mapping: ClassificationMapping | undefined,
): CsvPreview {
  const headers = readHeaders(file, bytes);
  const mappedHeaders: CsvPreview['mappedHeaders'] = Object.fromEntries(
    headers.map((header) => [header, null]),
  );

  try {
    for (const [index, field] of mapHeaders(file, headers, mapping)) {
      const header = headers[index];
      if (header !== undefined) mappedHeaders[header] = field;
    }
    const parsed = parseClassificationCsv(file, bytes, mapping === undefined ? {} : { mapping });
    return {
      file,
      headers,
      mappedHeaders,
      recordCount: parsed.records.length,
      sample: parsed.records.slice(0, PREVIEW_SAMPLE_SIZE).map((record) => ({
        system: record.system,
        dataset: record.dataset,
        field: record.field,
        level: record.level,
        category: record.category ?? null,
        personalData: record.personalData ?? false,
      })),
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { file, headers, mappedHeaders, recordCount: 0, sample: [], problem: error.message };
  }
}

function readHeaders(file: string, bytes: Buffer): string[] {
  const { text } = decodeCsvBytes(file, bytes);
  try {
    const [first] = parse(text, {
      delimiter: detectDelimiter(text),
      to_line: 1,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    return (first ?? []).map((header) => header.trim()).filter((header) => header !== '');
  } catch {
    // The full parse reports the syntax error with its line; the preview shows that message.
    return [];
  }
}
