import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { useEffect, useRef, type ReactNode } from 'react';

import { useNavigation } from '../state/navigation';
import { useSession } from '../state/session';
import { NavigationRail, SCREEN_LABELS } from './NavigationRail';

export interface AppShellProps {
  children: ReactNode;
}

/**
 * Shows the unlocked console: a skip link, the navigation rail and the current screen. Focus moves
 * to the screen's heading region when the screen changes, so keyboard and screen-reader users
 * land on the new content.
 */
export function AppShell({ children }: AppShellProps) {
  const screen = useNavigation((state) => state.screen);
  const lock = useSession((state) => state.lock);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = `${SCREEN_LABELS[screen]} - Synapse Compliance Console`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [screen]);

  return (
    <Box sx={{ display: 'flex', height: '100vh', bgcolor: 'background.default' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 2000,
          p: 1,
          bgcolor: 'background.paper',
          '&:focus': { top: 8 },
        }}
      >
        Skip to content
      </Link>
      <NavigationRail onLock={() => void lock()} />
      <Box
        component="main"
        id="main"
        ref={main}
        tabIndex={-1}
        aria-label={SCREEN_LABELS[screen]}
        sx={{
          flex: 1,
          minWidth: 0,
          display: 'flex',
          flexDirection: 'column',
          p: 3,
          overflow: 'auto',
          outline: 'none',
        }}
      >
        {children}
      </Box>
    </Box>
  );
}
