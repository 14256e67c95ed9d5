import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

import type { ImportPreview } from '../../../../shared/ipc/classification.js';
import { categoryLabel } from '../../labels';
import { levelLabelOf, useLevels } from '../../state/scale';

export interface ImportPreviewTablesProps {
  preview: ImportPreview;
}

/** Invalid rows listed by line; the count above the list covers all of them. */
const SHOWN_ERRORS = 5;

/** Shows the first entries as they would be stored, and the invalid rows with their lines. */
export function ImportPreviewTables({ preview }: ImportPreviewTablesProps) {
  const levels = useLevels();

  if (preview.problem !== null) {
    return (
      <Alert severity="error" role="alert">
        {preview.problem}
      </Alert>
    );
  }

  return (
    <>
      <Typography role="status">
        {preview.validCount.toLocaleString()} of {preview.rowCount.toLocaleString()} rows are valid
        entries. The first ones:
      </Typography>
      <Table size="small" aria-label="Preview of the first entries">
        <TableHead>
          <TableRow>
            <TableCell>Line</TableCell>
            <TableCell>System</TableCell>
            <TableCell>Dataset</TableCell>
            <TableCell>Field</TableCell>
            <TableCell>Level</TableCell>
            <TableCell>Personal data</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.rows.slice(0, 10).map(({ line, entry }) => (
            <TableRow key={line}>
              <TableCell>{line}</TableCell>
              <TableCell>{entry.system}</TableCell>
              <TableCell>{entry.dataset}</TableCell>
              <TableCell>{entry.field}</TableCell>
              <TableCell>{levelLabelOf(levels, entry.level)}</TableCell>
              <TableCell>
                {entry.personalData === true ? categoryLabel(entry.category ?? null) : 'No'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {preview.errorCount > 0 && (
        <Alert severity="warning">
          {preview.errorCount.toLocaleString()} rows are invalid:
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {preview.errors.slice(0, SHOWN_ERRORS).map((error) => (
              <li key={error.line}>
                line {error.line}: {error.message}
              </li>
            ))}
          </ul>
          {preview.errorCount > SHOWN_ERRORS &&
            `and ${(preview.errorCount - SHOWN_ERRORS).toLocaleString()} more.`}
        </Alert>
      )}
    </>
  );
}
