import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';

import type { SessionStatus } from '../../../../shared/ipc/vault.js';
import { useSession } from '../../state/session';
import { CenteredPanel } from './CenteredPanel';

export interface UnlockScreenProps {
  status: SessionStatus;
}

type Method = 'keychain' | 'recoveryKey' | 'passphrase';

/** Shows the locked vault's unlock choices: the keychain, the recovery key or a passphrase. */
export function UnlockScreen({ status }: UnlockScreenProps) {
  const busy = useSession((state) => state.busy);
  const error = useSession((state) => state.error);
  const { unlockWithKeychain, unlockWithRecoveryKey, unlockWithPassphrase } = useSession();
  const [method, setMethod] = useState<Method>(
    status.keychain === 'key stored' ? 'keychain' : 'recoveryKey',
  );
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (method === 'keychain') void unlockWithKeychain();
    if (method === 'recoveryKey') void unlockWithRecoveryKey(recoveryKey);
    if (method === 'passphrase') void unlockWithPassphrase(passphrase);
  };

  return (
    <CenteredPanel title="Unlock the vault" subtitle="The vault is locked. Choose how to open it.">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Vault file: <code>{status.path}</code>
        <br />
        Keychain:{' '}
        {status.keychain === 'key stored'
          ? 'a key is stored'
          : status.keychain === 'no key'
            ? 'no key stored for this vault'
            : 'not reachable'}
      </Typography>
      <Tabs
        value={method}
        onChange={(_event, value: Method) => setMethod(value)}
        aria-label="Unlock method"
        sx={{ mb: 2 }}
      >
        <Tab value="keychain" label="Keychain" />
        <Tab value="recoveryKey" label="Recovery key" />
        <Tab value="passphrase" label="Passphrase" />
      </Tabs>
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        {method === 'keychain' && (
          <Typography variant="body2">
            Opens the vault with the key stored in the OS keychain ({status.keychainDetail}).
          </Typography>
        )}
        {method === 'recoveryKey' && (
          <TextField
            label="Recovery key"
            value={recoveryKey}
            onChange={(event) => setRecoveryKey(event.target.value)}
            helperText="Groups of five letters and digits, as shown when the vault was created. The key is stored in the keychain again."
            autoComplete="off"
            slotProps={{ htmlInput: { spellCheck: false } }}
            required
          />
        )}
        {method === 'passphrase' && (
          <TextField
            label="Passphrase"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            helperText="For a vault created in passphrase mode."
            required
          />
        )}
        {error !== null && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </Button>
        </Box>
      </Stack>
    </CenteredPanel>
  );
}
