/**
 * Quotes a table or column name as an SQLite identifier: wraps it in double quotes and doubles any
 * double quote inside. SQL parameters cannot stand for identifiers, so names read from a scanned
 * database reach SQL text only through this function. A NUL character cannot be quoted (SQLite
 * ends the statement text there), so such a name is rejected.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) {
    throw new RangeError('an SQLite identifier cannot contain a NUL character');
  }
  return `"${name.replaceAll('"', '""')}"`;
}
