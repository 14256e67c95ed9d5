import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface CenteredPanelProps {
  title: string;
  subtitle?: string;
  children: ReactNode;
}

/** Shows a start-up screen as a single panel in the middle of the window. */
export function CenteredPanel({ title, subtitle, children }: CenteredPanelProps) {
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        p: 3,
        overflowY: 'auto',
      }}
    >
      <Paper sx={{ width: '100%', maxWidth: 560, p: 4 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 2 }}>
          <Box component="img" src="./icon.svg" alt="" sx={{ width: 40, height: 40 }} />
          <Typography variant="overline" color="text.secondary">
            Synapse Compliance Console
          </Typography>
        </Box>
        <Typography variant="h4" component="h1" gutterBottom>
          {title}
        </Typography>
        {subtitle !== undefined && (
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {subtitle}
          </Typography>
        )}
        {children}
      </Paper>
    </Box>
  );
}
