import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { CenteredPanel } from './CenteredPanel';

export interface RecoveryKeyScreenProps {
  recoveryKey: string;
  onConfirmed(): void;
}

/**
 * Shows a new vault's recovery key, once. The console keeps no copy: after Continue the key is
 * dropped from memory, and only the person who wrote it down can use it.
 */
export function RecoveryKeyScreen({ recoveryKey, onConfirmed }: RecoveryKeyScreenProps) {
  const [saved, setSaved] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <CenteredPanel
      title="Save your recovery key"
      subtitle="This key opens the vault when the keychain entry or the passphrase is lost. It is shown only now."
    >
      <Stack spacing={2}>
        <Box
          aria-label="Recovery key"
          data-testid="recovery-key"
          sx={{
            fontFamily: '"Liberation Mono", "Consolas", monospace',
            fontSize: '1.05rem',
            letterSpacing: 0.5,
            wordBreak: 'break-all',
            p: 2,
            borderRadius: 1,
            border: 1,
            borderColor: 'divider',
            bgcolor: 'action.hover',
            userSelect: 'all',
          }}
        >
          {recoveryKey}
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
            Copy recovery key
          </Button>
          <Typography variant="body2" role="status" color="text.secondary">
            {copyState === 'copied'
              ? 'Copied. Paste it into your password manager, then clear the clipboard.'
              : copyState === 'failed'
                ? 'The clipboard is not available; select the key and copy it by hand.'
                : ''}
          </Typography>
        </Box>
        <Alert severity="warning">
          Store the key outside this computer, for example in a password manager or printed in a
          safe. Anyone with the key and the vault file can read every record.
        </Alert>
        <FormControlLabel
          control={
            <Checkbox checked={saved} onChange={(event) => setSaved(event.target.checked)} />
          }
          label="I have stored the recovery key somewhere safe"
        />
        <Button
          variant="contained"
          disabled={!saved}
          onClick={onConfirmed}
          sx={{ alignSelf: 'flex-start' }}
        >
          Continue to the console
        </Button>
      </Stack>
    </CenteredPanel>
  );
}
