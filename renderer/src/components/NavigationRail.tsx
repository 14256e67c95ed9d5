import AssessmentIcon from '@mui/icons-material/AssessmentOutlined';
import DashboardIcon from '@mui/icons-material/DashboardOutlined';
import GppMaybeIcon from '@mui/icons-material/GppMaybeOutlined';
import HistoryIcon from '@mui/icons-material/HistoryOutlined';
import LockIcon from '@mui/icons-material/LockOutlined';
import PrivacyTipIcon from '@mui/icons-material/PrivacyTipOutlined';
import ReportIcon from '@mui/icons-material/ReportProblemOutlined';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import StorageIcon from '@mui/icons-material/StorageOutlined';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import { useRef, type KeyboardEvent, type ReactElement } from 'react';

import { SCREENS, useNavigation, type ScreenId } from '../state/navigation';

export const SCREEN_LABELS: Record<ScreenId, string> = {
  dashboard: 'Dashboard',
  dataMap: 'Data Map',
  privacy: 'Privacy Requests',
  incidents: 'Incidents',
  posture: 'Security Posture',
  audit: 'Audit Trail',
  reports: 'Reports',
  settings: 'Settings',
};

const SCREEN_ICONS: Record<ScreenId, ReactElement> = {
  dashboard: <DashboardIcon />,
  dataMap: <StorageIcon />,
  privacy: <PrivacyTipIcon />,
  incidents: <ReportIcon />,
  posture: <GppMaybeIcon />,
  audit: <HistoryIcon />,
  reports: <AssessmentIcon />,
  settings: <SettingsIcon />,
};

export interface NavigationRailProps {
  onLock(): void;
}

/**
 * Shows the rail of screens. Tab reaches the current screen's item. The arrow keys, Home and End
 * move between items, as in a toolbar, and Enter or Space opens the focused screen.
 */
export function NavigationRail({ onLock }: NavigationRailProps) {
  const screen = useNavigation((state) => state.screen);
  const navigate = useNavigation((state) => state.navigate);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  const moveFocus = (event: KeyboardEvent, index: number) => {
    const last = SCREENS.length - 1;
    const target =
      event.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    items.current[target]?.focus();
  };

  return (
    <Box
      component="nav"
      aria-label="Main"
      sx={{
        width: 104,
        flexShrink: 0,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'stretch',
        borderRight: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        py: 1,
        gap: 0.5,
        overflowY: 'auto',
      }}
    >
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'contents' }}>
        {SCREENS.map((id, index) => {
          const selected = id === screen;
          return (
            <Box component="li" key={id}>
              <ButtonBase
                ref={(element: HTMLButtonElement | null) => {
                  items.current[index] = element;
                }}
                tabIndex={selected ? 0 : -1}
                aria-current={selected ? 'page' : undefined}
                onClick={() => navigate(id)}
                onKeyDown={(event) => moveFocus(event, index)}
                sx={{
                  width: '100%',
                  flexDirection: 'column',
                  gap: 0.5,
                  py: 1,
                  px: 0.5,
                  borderRadius: 2,
                  color: selected ? 'primary.main' : 'text.secondary',
                  bgcolor: selected ? 'action.selected' : 'transparent',
                  '&:hover': { bgcolor: 'action.hover' },
                }}
              >
                {SCREEN_ICONS[id]}
                <Typography
                  variant="caption"
                  sx={{ lineHeight: 1.2, fontWeight: selected ? 700 : 500 }}
                >
                  {SCREEN_LABELS[id]}
                </Typography>
              </ButtonBase>
            </Box>
          );
        })}
      </Box>
      <Box sx={{ flex: 1 }} />
      <ButtonBase
        onClick={onLock}
        sx={{ flexDirection: 'column', gap: 0.5, py: 1, borderRadius: 2, color: 'text.secondary' }}
      >
        <LockIcon />
        <Typography variant="caption">Lock</Typography>
      </ButtonBase>
    </Box>
  );
}
