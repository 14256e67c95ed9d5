import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

import { SynapseError } from '../../shared/errors.js';

/**
 * Escapes LIKE wildcards so a quick search for "100%" or "a_b" matches those characters literally.
 * The statements pair it with ESCAPE '\'.
 */
export function likePattern(search: string | undefined): string | null {
  if (search === undefined || search.trim() === '') return null;
  return `%${search.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Prepares list statements whose ORDER BY comes from a fixed table of column names. Identifiers
 * cannot be bound as parameters, so the only text joined into SQL is from these constants; every
 * value the user supplies is bound.
 */
export class SortedStatements {
  private readonly cache = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly selectSql: string,
    private readonly sortColumns: Readonly<Record<string, string>>,
    private readonly defaultSort: string,
    /** The row id column that breaks ties; qualify it when the SELECT joins tables. */
    private readonly idColumn: string = 'id',
  ) {}

  get(sortBy: string | undefined, direction: 'asc' | 'desc'): Statement {
    const key = sortBy ?? this.defaultSort;
    const column = this.sortColumns[key];
    if (column === undefined) {
      throw new SynapseError(
        'INVALID_INPUT',
        `Cannot sort by "${key}". Sort by one of: ${Object.keys(this.sortColumns).join(', ')}.`,
      );
    }

    const cacheKey = `${key}:${direction}`;
    let statement = this.cache.get(cacheKey);
    if (statement === undefined) {
      const order = direction === 'desc' ? 'DESC' : 'ASC';
      statement = this.db.prepare(
        `${this.selectSql} ORDER BY ${column} ${order}, ${this.idColumn} ${order} ` +
          'LIMIT @limit OFFSET @offset',
      );
      this.cache.set(cacheKey, statement);
    }
    return statement;
  }
}
