import Alert from '@mui/material/Alert';

import type { ImportSummary } from '../../../shared/ipc/records.js';

export interface ImportResultProps {
  summary: ImportSummary;
}

/** Shows what an import stored, in one sentence. */
export function ImportResult({ summary }: ImportResultProps) {
  return (
    <Alert severity="success" role="status">
      Import finished: {summary.inserted.toLocaleString()} new, {summary.updated.toLocaleString()}{' '}
      updated, {summary.unchanged.toLocaleString()} already up to date. Each change is in the audit
      trail.
    </Alert>
  );
}
