// Writes or reads a compliance report in a child process whose TZ the parent test chooses, and
// prints the result as JSON on stdout.
//   write FILE        writes the hostile report to FILE
//   read FILE ...     reads each FILE with exceljs and prints every date cell as an ISO string
import ExcelJS from 'exceljs';

import { writeComplianceReport } from '../../core/reports/compliance-report.js';
import { hostileReportSource } from './fake-report-source.js';

interface ChildOutput {
  timeZone: string;
  /** Minutes from local time to UTC on 1 January 2024, as Date#getTimezoneOffset returns them. */
  offsetMinutes: number;
  /** Per file, each date cell keyed as "Sheet!A1", with its instant and number format. */
  files: Record<string, Record<string, { iso: string; numFmt: string }>>;
}

async function main(): Promise<void> {
  const [mode, ...files] = process.argv.slice(2);
  if (mode === undefined || files.length === 0) {
    throw new Error('usage: report-timezone-child.ts write|read FILE...');
  }

  const output: ChildOutput = {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetMinutes: new Date(2024, 0, 1).getTimezoneOffset(),
    files: {},
  };

  for (const file of files) {
    if (mode === 'write') {
      await writeComplianceReport(hostileReportSource(), file);
    } else {
      output.files[file] = await readDateCells(file);
    }
  }
  console.log(JSON.stringify(output));
}

async function readDateCells(file: string): Promise<ChildOutput['files'][string]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);

  const cells: ChildOutput['files'][string] = {};
  workbook.eachSheet((worksheet) => {
    worksheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value instanceof Date) {
          cells[`${worksheet.name}!${cell.address}`] = {
            iso: cell.value.toISOString(),
            numFmt: cell.numFmt,
          };
        }
      });
    });
  });
  return cells;
}

await main();
