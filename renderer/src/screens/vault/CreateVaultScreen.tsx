import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';

import { newPassphraseSchema } from '../../../../shared/ipc/vault.js';
import { useSession } from '../../state/session';
import { CenteredPanel } from './CenteredPanel';

export interface CreateVaultScreenProps {
  vaultPath: string;
  keychainState: string;
}

/** First start: creates the encrypted vault, keyed by the OS keychain or by a passphrase. */
export function CreateVaultScreen({ vaultPath, keychainState }: CreateVaultScreenProps) {
  const create = useSession((state) => state.create);
  const busy = useSession((state) => state.busy);
  const error = useSession((state) => state.error);
  const [mode, setMode] = useState<'keychain' | 'passphrase'>(
    keychainState === 'unavailable' ? 'passphrase' : 'keychain',
  );
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ passphrase?: string; confirmation?: string }>(
    {},
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'keychain') {
      void create({ mode: 'keychain' });
      return;
    }
    const checked = newPassphraseSchema.safeParse(passphrase);
    const errors = {
      passphrase: checked.success ? undefined : checked.error.issues[0]?.message,
      confirmation: confirmation === passphrase ? undefined : 'the passphrases do not match',
    };
    setFieldErrors(errors);
    if (errors.passphrase === undefined && errors.confirmation === undefined) {
      void create({ mode: 'passphrase', passphrase });
    }
  };

  return (
    <CenteredPanel
      title="Create your vault"
      subtitle="Every record lives in one encrypted file on this computer. Choose how the key is kept."
    >
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        <Typography variant="body2" color="text.secondary">
          Vault file: <code>{vaultPath}</code>
        </Typography>
        <FormLabel id="key-mode-label">Key storage</FormLabel>
        <RadioGroup
          aria-labelledby="key-mode-label"
          value={mode}
          onChange={(event) => setMode(event.target.value as 'keychain' | 'passphrase')}
        >
          <FormControlLabel
            value="keychain"
            control={<Radio />}
            disabled={keychainState === 'unavailable'}
            label="OS keychain (recommended): the console opens the vault without a prompt"
          />
          <FormControlLabel
            value="passphrase"
            control={<Radio />}
            label="Passphrase: nothing is stored, you type the passphrase at every start"
          />
        </RadioGroup>
        {keychainState === 'unavailable' && (
          <Alert severity="warning">
            The OS keychain is not reachable, so only passphrase mode is available.
          </Alert>
        )}
        {mode === 'passphrase' && (
          <>
            <TextField
              label="Passphrase"
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              error={fieldErrors.passphrase !== undefined}
              helperText={fieldErrors.passphrase ?? 'At least 12 characters.'}
              required
            />
            <TextField
              label="Repeat the passphrase"
              type="password"
              autoComplete="new-password"
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
              error={fieldErrors.confirmation !== undefined}
              helperText={fieldErrors.confirmation ?? ' '}
              required
            />
          </>
        )}
        {error !== null && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <Button type="submit" variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
          {busy ? 'Creating the vault…' : 'Create vault'}
        </Button>
      </Stack>
    </CenteredPanel>
  );
}
