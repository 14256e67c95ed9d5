/** One row of a CSV file or a sheet: its cells as text and the line or row number it starts on. */
export interface TabularRow {
  line: number;
  cells: string[];
}

/** Rows split into the header row (the first row with a filled cell) and the rows after it. */
export interface TabularTable {
  header: TabularRow | null;
  rows: TabularRow[];
}

export function isBlankRow(row: TabularRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

/** Takes the first row with any filled cell as the header; blank rows before it are dropped. */
export function splitHeader(rows: readonly TabularRow[]): TabularTable {
  const index = rows.findIndex((row) => !isBlankRow(row));
  if (index < 0) {
    return { header: null, rows: [] };
  }
  return {
    header: { ...rows[index]!, cells: rows[index]!.cells.map((cell) => cell.trim()) },
    rows: rows.slice(index + 1),
  };
}
