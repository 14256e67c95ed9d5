// The Chinook sample database and what a discovery scan must find in it, shared by the SQLite,
// CSV and XLSX scan tests. The CSV and XLSX copies are written from the database by each test.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';

import { fixturePath } from './fixtures.js';

export const CHINOOK = fixturePath('real/chinook/Chinook_Sqlite.sqlite');

/** Every Chinook column that contains or links to personal data, with the category expected. */
export const CHINOOK_PERSONAL_COLUMNS: Record<string, string> = {
  'Customer.CustomerId': 'other_personal',
  'Customer.FirstName': 'name',
  'Customer.LastName': 'name',
  'Customer.Address': 'postal_address',
  'Customer.City': 'postal_address',
  'Customer.State': 'postal_address',
  'Customer.Country': 'postal_address',
  'Customer.PostalCode': 'postal_address',
  'Customer.Phone': 'phone',
  'Customer.Fax': 'phone',
  'Customer.Email': 'email',
  'Customer.SupportRepId': 'other_personal',
  'Employee.EmployeeId': 'other_personal',
  'Employee.LastName': 'name',
  'Employee.FirstName': 'name',
  'Employee.Title': 'other_personal',
  'Employee.ReportsTo': 'other_personal',
  'Employee.BirthDate': 'date_of_birth',
  'Employee.HireDate': 'other_personal',
  'Employee.Address': 'postal_address',
  'Employee.City': 'postal_address',
  'Employee.State': 'postal_address',
  'Employee.Country': 'postal_address',
  'Employee.PostalCode': 'postal_address',
  'Employee.Phone': 'phone',
  'Employee.Fax': 'phone',
  'Employee.Email': 'email',
  'Invoice.CustomerId': 'other_personal',
  'Invoice.BillingAddress': 'postal_address',
  'Invoice.BillingCity': 'postal_address',
  'Invoice.BillingState': 'postal_address',
  'Invoice.BillingCountry': 'postal_address',
  'Invoice.BillingPostalCode': 'postal_address',
};

/** Columns that must not be flagged: the catalogue, and a company name (not a natural person). */
export const CHINOOK_NOT_PERSONAL = [
  'Album.Title',
  'Artist.Name',
  'Genre.Name',
  'MediaType.Name',
  'Playlist.Name',
  'Track.Name',
  'Track.Composer',
  'Customer.Company',
  'Invoice.InvoiceDate',
  'Invoice.Total',
];

/** Reads every Chinook table read-only: its column names and rows, in storage order. */
export function readChinookTables(): { name: string; columns: string[]; rows: unknown[][] }[] {
  const db = new Database(CHINOOK, { readonly: true, fileMustExist: true });
  try {
    const names = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return names.map((name) => {
      const statement = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw(true);
      const columns = statement.columns().map((column) => column.name);
      return { name, columns, rows: statement.all() as unknown[][] };
    });
  } finally {
    db.close();
  }
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes one CSV file per Chinook table into the folder; returns the file paths. */
export function writeChinookCsvFiles(folder: string): string[] {
  return readChinookTables().map((table) => {
    const file = join(folder, `${table.name}.csv`);
    const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    return file;
  });
}

/** Writes one workbook with a sheet per Chinook table; BLOBs and nulls become empty cells. */
export async function writeChinookWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const table of readChinookTables()) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.columns);
    for (const row of table.rows) {
      sheet.addRow(row.map((value) => (Buffer.isBuffer(value) || value === null ? '' : value)));
    }
  }
  await workbook.xlsx.writeFile(file);
}
