import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useEffect } from 'react';

import { AppShell } from './components/AppShell';
import { Toasts } from './components/Toasts';
import { AuditScreen } from './screens/audit/AuditScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { DataMapScreen } from './screens/data-map/DataMapScreen';
import { IncidentsScreen } from './screens/incidents/IncidentsScreen';
import { PostureScreen } from './screens/posture/PostureScreen';
import { PrivacyScreen } from './screens/privacy/PrivacyScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { CreateVaultScreen } from './screens/vault/CreateVaultScreen';
import { RecoveryKeyScreen } from './screens/vault/RecoveryKeyScreen';
import { StartupErrorScreen } from './screens/vault/StartupErrorScreen';
import { UnlockScreen } from './screens/vault/UnlockScreen';
import { listenToJobProgress } from './state/jobs';
import { useNavigation, type ScreenId } from './state/navigation';
import { useScale } from './state/scale';
import { useSession } from './state/session';

const SCREEN_COMPONENTS: Record<ScreenId, () => React.JSX.Element> = {
  dashboard: DashboardScreen,
  dataMap: DataMapScreen,
  privacy: PrivacyScreen,
  incidents: IncidentsScreen,
  posture: PostureScreen,
  audit: AuditScreen,
  reports: ReportsScreen,
  settings: SettingsScreen,
};

/** Start-up flow first (error, create, recovery key, unlock), then the console. */
export function App() {
  const phase = useSession((state) => state.phase);
  const status = useSession((state) => state.status);
  const error = useSession((state) => state.error);
  const errorCode = useSession((state) => state.errorCode);
  const recoveryKey = useSession((state) => state.recoveryKey);
  const start = useSession((state) => state.start);
  const confirmRecoveryKeySaved = useSession((state) => state.confirmRecoveryKeySaved);
  const screen = useNavigation((state) => state.screen);

  useEffect(() => {
    try {
      listenToJobProgress();
    } catch {
      // Without the bridge, start() below shows the error screen.
    }
    void start();
  }, [start]);

  useEffect(() => {
    if (phase === 'ready') void useScale.getState().load();
  }, [phase]);

  const Screen = SCREEN_COMPONENTS[screen];

  return (
    <>
      {phase === 'loading' && (
        <Box
          role="status"
          aria-label="Opening the vault"
          sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100vh' }}
        >
          <CircularProgress aria-label="Opening the vault" />
        </Box>
      )}
      {phase === 'error' && (
        <StartupErrorScreen
          message={error ?? 'Unknown error'}
          code={errorCode}
          onRetry={() => void start()}
        />
      )}
      {phase === 'create' && status !== null && (
        <CreateVaultScreen vaultPath={status.path} keychainState={status.keychain} />
      )}
      {phase === 'recoveryKey' && recoveryKey !== null && (
        <RecoveryKeyScreen recoveryKey={recoveryKey} onConfirmed={confirmRecoveryKeySaved} />
      )}
      {phase === 'unlock' && status !== null && <UnlockScreen status={status} />}
      {phase === 'ready' && (
        <AppShell>
          <Screen key={screen} />
        </AppShell>
      )}
      <Toasts />
    </>
  );
}
