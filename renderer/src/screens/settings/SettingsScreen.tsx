import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';

import { COUNTRY_CODES } from '../../../../shared/domain/countries.js';
import { vaultSettingsInputSchema } from '../../../../shared/domain/settings.js';
import { api, ApiError, errorMessage, unwrap } from '../../api/client';
import { FieldList } from '../../components/FieldList';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../state/session';
import { toastError, toastSuccess } from '../../state/toasts';
import { ScaleEditor } from './ScaleEditor';

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'Unknown';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper component="section" aria-label={title} sx={{ p: 3 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** Vault status, deadline settings and the recovery procedures. */
export function SettingsScreen() {
  const status = useSession((state) => state.status);
  const refreshStatus = useSession((state) => state.refreshStatus);
  const lock = useSession((state) => state.lock);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [isDefaultZone, setIsDefaultZone] = useState(false);
  const [errors, setErrors] = useState<{ timeZone?: string; country?: string }>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const countries = useMemo(
    () => [...COUNTRY_CODES].sort((a, b) => countryName(a).localeCompare(countryName(b))),
    [],
  );

  useEffect(() => {
    void refreshStatus();
    unwrap(api().settings.get())
      .then((settings) => {
        setTimeZone(settings.timeZone);
        setCountry(settings.country);
        setIsDefaultZone(settings.timeZoneIsDefault);
      })
      .catch((error: unknown) => setLoadError(errorMessage(error)));
  }, [refreshStatus]);

  const save = async () => {
    const checked = vaultSettingsInputSchema.safeParse({ timeZone: timeZone ?? '', country });
    if (!checked.success) {
      const next: typeof errors = {};
      for (const issue of checked.error.issues) {
        const key = issue.path[0] as 'timeZone' | 'country';
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = await unwrap(api().settings.set(checked.data));
      setIsDefaultZone(saved.timeZoneIsDefault);
      toastSuccess('Settings saved. Deadlines now count in the chosen time zone.');
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])));
      } else {
        toastError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="The vault on this computer and how deadlines are counted."
      />
      <Stack spacing={2} sx={{ maxWidth: 860 }}>
        <Section title="Vault">
          {status !== null && (
            <FieldList
              items={[
                { label: 'Location', value: <code>{status.path}</code> },
                { label: 'Size', value: formatBytes(status.sizeBytes) },
                { label: 'State', value: status.unlocked ? 'Unlocked' : 'Locked' },
                {
                  label: 'Key',
                  value: status.keyMode === 'passphrase' ? 'Passphrase mode' : 'OS keychain',
                },
                { label: 'Keychain', value: `${status.keychain} (${status.keychainDetail})` },
                { label: 'Schema version', value: status.schemaVersion ?? 'Unknown' },
              ]}
            />
          )}
          <Box sx={{ mt: 2 }}>
            <Button variant="outlined" onClick={() => void lock()}>
              Lock the vault now
            </Button>
          </Box>
        </Section>

        <Section title="Deadlines">
          {loadError !== null && <Alert severity="error">{loadError}</Alert>}
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Response deadlines are calendar dates. The time zone decides which date is today for
            overdue and due-soon counts; the country is kept for its public holidays.
          </Typography>
          <Stack spacing={2}>
            <Autocomplete
              options={timeZones}
              value={timeZone}
              onChange={(_event, value) => setTimeZone(value)}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Time zone"
                  error={errors.timeZone !== undefined}
                  helperText={
                    errors.timeZone ??
                    (isDefaultZone
                      ? "Not saved yet: the operating system's time zone is used."
                      : 'An IANA time zone.')
                  }
                />
              )}
            />
            <Autocomplete
              options={countries}
              value={country}
              getOptionLabel={(code) => `${countryName(code)} (${code})`}
              onChange={(_event, value) => setCountry(value)}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Country"
                  error={errors.country !== undefined}
                  helperText={errors.country ?? 'Where the controller is established.'}
                />
              )}
            />
            <Box>
              <Button
                variant="contained"
                onClick={() => void save()}
                disabled={saving || timeZone === null}
              >
                Save deadline settings
              </Button>
            </Box>
          </Stack>
        </Section>

        <Section title="Classification scale">
          <ScaleEditor />
        </Section>

        <Section title="If the keychain entry is lost">
          <Typography variant="body2" component="div">
            The vault key is stored in the OS keychain under the vault's path. When it is missing (a
            new computer, a reset keychain, a moved vault file), the console shows the unlock
            screen:
            <ol>
              <li>
                Choose <strong>Recovery key</strong> on the unlock screen.
              </li>
              <li>Type the recovery key shown when the vault was created, in groups of five.</li>
              <li>
                The console opens the vault and stores the key in this computer's keychain again.
              </li>
            </ol>
            Without the recovery key and without the keychain entry, the records cannot be read by
            anyone; there is no reset. Keep the recovery key outside this computer.
          </Typography>
        </Section>

        <Section title="Passphrase mode">
          <Typography variant="body2">
            A vault created in passphrase mode stores nothing in the keychain: its key is derived
            from the passphrase with Argon2id each time the vault opens, so the passphrase must be
            typed at every start. Choose it on machines without a trusted keychain. A forgotten
            passphrase is replaced only by unlocking with the recovery key, which then moves the
            vault to the keychain.
          </Typography>
        </Section>
      </Stack>
    </>
  );
}
