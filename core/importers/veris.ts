import { z } from 'zod';

import { incidentInputSchema, type IncidentInput } from '../../shared/domain/incidents.js';
import { InvalidInputError } from '../../shared/errors.js';
import {
  describeJsonFormat,
  formatJsonPath,
  isObject,
  parseJsonShape,
  type JsonImportOptions,
  readJsonInput,
  type JsonPathSegment,
} from './json-input.js';
import type { ParsedIncidents } from './types.js';
import {
  categoryOf,
  dataVarietiesOf,
  externalRefOf,
  occurredOnOf,
  personalDataOf,
  recordsAffectedOf,
  severityOf,
  statusOf,
  summaryOf,
  titleOf,
  type VerisIncident,
} from './veris-mapping.js';

const FORMAT_NAME = 'VERIS incident JSON';

/** The top-level fields VERIS requires and this importer reads. */
const REQUIRED_FIELDS = ['incident_id', 'timeline', 'action'] as const;

const durationSchema = z.looseObject({
  unit: z.string().optional(),
  value: z.number().optional(),
});

const MONTH_MESSAGE = 'month must be 1 to 12';
const DAY_MESSAGE = 'day must be 1 to 31';

/**
 * The impact.overall_rating values the severity mapping reads, and Unknown, which leaves the
 * severity to be derived from the other fields.
 */
const IMPACT_RATINGS = [
  'Catastrophic',
  'Damaging',
  'Painful',
  'Distracting',
  'Insignificant',
  'Unknown',
] as const;

// Only the fields the mapping reads are checked; VERIS 1.3.x and 1.4 add fields freely.
const verisIncidentSchema = z.looseObject({
  incident_id: z.string(),
  summary: z.string().optional(),
  reference: z.string().optional(),
  security_incident: z.string().optional(),
  timeline: z.looseObject({
    incident: z.looseObject({
      year: z
        .number()
        .int()
        .min(1000)
        .refine((year) => year <= new Date().getUTCFullYear() + 1, {
          error: (issue) =>
            `year ${String(issue.input)} is after next year; check the incident date`,
        }),
      month: z.number().int().min(1, MONTH_MESSAGE).max(12, MONTH_MESSAGE).optional(),
      day: z.number().int().min(1, DAY_MESSAGE).max(31, DAY_MESSAGE).optional(),
    }),
    discovery: durationSchema.optional(),
    containment: durationSchema.optional(),
  }),
  action: z.record(z.string(), z.unknown()),
  attribute: z
    .looseObject({
      confidentiality: z
        .looseObject({
          data_disclosure: z.string().optional(),
          data: z.array(z.looseObject({ variety: z.string() })).optional(),
          data_total: z
            .number()
            .int('data_total must be a whole number of records')
            .min(0, 'data_total must be 0 or more records')
            .optional(),
        })
        .optional(),
      availability: z.looseObject({ variety: z.array(z.string()).optional() }).optional(),
      integrity: z.looseObject({ variety: z.array(z.string()).optional() }).optional(),
    })
    .optional(),
  impact: z
    .looseObject({
      overall_rating: z
        .enum(IMPACT_RATINGS, {
          error: (issue) =>
            `overall_rating ${JSON.stringify(issue.input)} is not a VERIS impact rating; use ` +
            `one of ${IMPACT_RATINGS.join(', ')}`,
        })
        .optional(),
    })
    .optional(),
  victim: z
    .looseObject({ victim_id: z.string().optional(), industry: z.string().optional() })
    .optional(),
  plus: z.looseObject({ master_id: z.string().optional() }).optional(),
});

/**
 * Parses a VERIS 1.3.x or 1.4 incident file: one incident object, or an array of them. docs/
 * importers.md ("VERIS") documents how each field maps.
 */
export function parseVeris(
  file: string,
  bytes: Buffer | string,
  options: JsonImportOptions = {},
): ParsedIncidents {
  const document = readJsonInput(file, bytes, { formatName: FORMAT_NAME, ...options });

  const entries: { value: unknown; path: JsonPathSegment[] }[] = Array.isArray(document)
    ? document.map((value, index) => ({ value, path: [index] }))
    : [{ value: document, path: [] }];
  if (entries.length === 0) {
    throw new InvalidInputError(
      { file, jsonPath: '$' },
      'the array contains no VERIS incidents; expected at least one incident object',
    );
  }

  const records = entries.map(({ value, path }) => mapIncident(file, path, value));
  return { kind: 'incidents', file, records };
}

function mapIncident(file: string, path: JsonPathSegment[], value: unknown): IncidentInput {
  assertLooksLikeVeris(file, path, value);
  const incident: VerisIncident = parseJsonShape(
    file,
    path,
    verisIncidentSchema,
    value,
    'VERIS incident',
  );

  const mapped = {
    externalRef: externalRefOf(incident),
    title: titleOf(incident),
    summary: summaryOf(incident),
    category: categoryOf(incident),
    severity: severityOf(incident),
    status: statusOf(incident),
    occurredOn: occurredOnOf(incident),
    discoveredAt: null,
    containedAt: null,
    personalData: personalDataOf(incident),
    dataVarieties: dataVarietiesOf(incident),
    recordsAffected: recordsAffectedOf(incident),
    source: 'veris' as const,
  };

  const result = incidentInputSchema.safeParse(mapped);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidInputError(
      { file, jsonPath: formatJsonPath(path) },
      `the incident maps to an invalid record: ${issue?.path.join('.') ?? ''} ` +
        `${issue?.message ?? ''}`.trim(),
    );
  }
  return result.data;
}

function assertLooksLikeVeris(file: string, path: JsonPathSegment[], value: unknown): void {
  const jsonPath = formatJsonPath(path);
  if (!isObject(value)) {
    throw new InvalidInputError(
      { file, jsonPath },
      `not a VERIS incident: expected a JSON object, found ${describeType(value)}`,
    );
  }

  const missing = REQUIRED_FIELDS.filter((field) => !(field in value));
  if (missing.length === REQUIRED_FIELDS.length) {
    const looksLike = describeJsonFormat(value);
    throw new InvalidInputError(
      { file, jsonPath },
      `not a VERIS incident: missing ${missing.join(', ')}` +
        (looksLike !== null ? `; the file looks like ${looksLike}` : ''),
    );
  }
  if (missing.length > 0) {
    throw new InvalidInputError(
      { file, jsonPath },
      `invalid VERIS incident: missing required field ${missing.join(', ')}`,
    );
  }
}

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
