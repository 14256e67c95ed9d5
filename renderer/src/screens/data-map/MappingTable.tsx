import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';

import { MAPPABLE_FIELDS } from '../../../../shared/ipc/classification.js';
import type { MappableField } from '../../../../shared/domain/classification-import.js';
import { fieldLabel } from '../../labels';

export type ColumnChoices = Record<string, MappableField | ''>;

export interface MappingTableProps {
  headers: string[];
  choices: ColumnChoices;
  onChange(header: string, field: MappableField | ''): void;
  disabled?: boolean;
}

/** Shows one row per file column, each with the entry field it fills. */
export function MappingTable({ headers, choices, onChange, disabled }: MappingTableProps) {
  return (
    <Table size="small" aria-label="Column mapping">
      <TableHead>
        <TableRow>
          <TableCell>File column</TableCell>
          <TableCell>Entry field</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {headers.map((header) => (
          <TableRow key={header}>
            <TableCell>{header}</TableCell>
            <TableCell>
              <TextField
                select
                label={`Field for ${header}`}
                value={choices[header] ?? ''}
                disabled={disabled}
                onChange={(event) => onChange(header, event.target.value as MappableField | '')}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              >
                <MenuItem value="">Not imported</MenuItem>
                {MAPPABLE_FIELDS.map((field) => (
                  <MenuItem key={field} value={field}>
                    {fieldLabel(field)}
                  </MenuItem>
                ))}
              </TextField>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
