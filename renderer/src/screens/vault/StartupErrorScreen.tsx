import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

import { CenteredPanel } from './CenteredPanel';

export interface StartupErrorScreenProps {
  message: string;
  code: string | null;
  onRetry(): void;
}

/** Shown when the console cannot even read the vault's status. */
export function StartupErrorScreen({ message, code, onRetry }: StartupErrorScreenProps) {
  return (
    <CenteredPanel
      title="The console cannot open its vault"
      subtitle="Nothing was changed. Read the message below, fix the cause, then try again."
    >
      <Stack spacing={2}>
        <Alert severity="error" role="alert">
          {message}
        </Alert>
        {code !== null && (
          <Typography variant="body2" color="text.secondary">
            Error code: {code}
          </Typography>
        )}
        <Button variant="contained" onClick={onRetry} sx={{ alignSelf: 'flex-start' }}>
          Try again
        </Button>
      </Stack>
    </CenteredPanel>
  );
}
