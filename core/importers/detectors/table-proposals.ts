import type { FieldProposal } from './propose.js';
import { proposeFieldClassification } from './propose.js';
import { isPersonTableName } from './tokens.js';

/**
 * Proposals for whole tables: a database table, a CSV file or a sheet. Deciding whether a table is
 * about people needs all of its columns, so the scanners collect a table's samples first and then
 * propose for each column here.
 */

/** The proposal for one column. Sampled values appear only masked, in maskedExamples. */
export interface ColumnProposal extends FieldProposal {
  table: string;
  column: string;
  declaredType: string;
  /** Non-null text and number values read from the column. */
  sampled: number;
}

/** Categories that, found by a column's own name or values, show that a table is about people. */
const PERSON_EVIDENCE = new Set(['name', 'email', 'date_of_birth', 'national_id']);
const PERSON_EVIDENCE_CONFIDENCE = 0.75;

export interface TableColumn {
  name: string;
  type: string;
  pk: number;
}

export interface ForeignKey {
  table: string;
  from: string;
}

export interface TableData {
  table: string;
  columns: TableColumn[];
  foreignKeys: ForeignKey[];
  samples: Map<string, string[]>;
  blobColumns: Set<string>;
}

/**
 * Finds the tables that describe people: those named like it, and those with a column whose own
 * name or values show names, e-mail addresses, dates of birth or national ids.
 */
export function findPersonTables(tables: readonly TableData[]): Set<string> {
  const personTables = new Set<string>();

  for (const data of tables) {
    if (isPersonTableName(data.table)) {
      personTables.add(data.table);
      continue;
    }
    const hasPersonEvidence = data.columns.some((column) => {
      const proposal = proposeFieldClassification(
        { dataset: data.table, field: column.name, personContext: false },
        data.samples.get(column.name) ?? [],
      );
      return (
        proposal.category !== null &&
        PERSON_EVIDENCE.has(proposal.category) &&
        proposal.confidence >= PERSON_EVIDENCE_CONFIDENCE
      );
    });
    if (hasPersonEvidence) {
      personTables.add(data.table);
    }
  }

  return personTables;
}

export function proposeTable(data: TableData, personTables: ReadonlySet<string>): ColumnProposal[] {
  const personContext = personTables.has(data.table);
  const primaryKeys = data.columns.filter((column) => column.pk > 0);

  return data.columns.map((column) => {
    const values = data.samples.get(column.name) ?? [];
    const referenced = data.foreignKeys.find(
      (key) => key.from === column.name && personTables.has(key.table),
    );
    const isPersonKey = personContext && primaryKeys.length === 1 && column.pk === 1;
    const personLink = referenced?.table ?? (isPersonKey ? data.table : null);

    const proposal = proposeFieldClassification(
      { dataset: data.table, field: column.name, personContext, personLink },
      values,
    );
    if (data.blobColumns.has(column.name)) {
      proposal.reasons.push('binary (BLOB) values were not inspected');
    }

    return {
      table: data.table,
      column: column.name,
      declaredType: column.type,
      sampled: values.length,
      ...proposal,
    };
  });
}
