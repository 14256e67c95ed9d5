import type { PaletteOptions, ThemeOptions } from '@mui/material/styles';

// Design primitives: colours, type and shape. Every pair of text and background colour below
// meets WCAG AA contrast (4.5:1) in its scheme; the e2e suite checks this with axe-core.

export const brand = {
  navy: '#123a5e',
  teal: '#0b6e69',
  tealLight: '#5fd0c6',
  skyLight: '#9cc9f5',
} as const;

/** Colours per severity, shared by charts, chips and the dashboard in each scheme. */
export const severityColors = {
  light: {
    critical: '#8e1b1b',
    high: '#c62828',
    medium: '#a65300',
    low: '#2e6b30',
    info: '#3d5a80',
  },
  dark: {
    critical: '#ff8a80',
    high: '#ffab91',
    medium: '#ffd180',
    low: '#a5d6a7',
    info: '#90caf9',
  },
} as const;
export type SeverityName = keyof (typeof severityColors)['light'];

export const lightPalette: PaletteOptions = {
  primary: { main: brand.navy },
  secondary: { main: brand.teal },
  error: { main: '#b3261e' },
  warning: { main: '#8a4b00' },
  success: { main: '#1e6b34' },
  info: { main: '#275d8c' },
  background: { default: '#f4f6f9', paper: '#ffffff' },
  text: { primary: '#17212b', secondary: '#46525e' },
  divider: 'rgba(23, 33, 43, 0.14)',
  contrastThreshold: 4.5,
};

export const darkPalette: PaletteOptions = {
  primary: { main: brand.skyLight },
  secondary: { main: brand.tealLight },
  error: { main: '#ffb4ab' },
  warning: { main: '#ffcc80' },
  success: { main: '#a5d6a7' },
  info: { main: '#9cc9f5' },
  background: { default: '#0f1720', paper: '#17212b' },
  text: { primary: '#e6edf3', secondary: '#b3c0cc' },
  divider: 'rgba(230, 237, 243, 0.16)',
  contrastThreshold: 4.5,
};

export const typography: ThemeOptions['typography'] = {
  fontFamily: '"Inter", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
  h4: { fontSize: '1.6rem', fontWeight: 600 },
  h5: { fontSize: '1.3rem', fontWeight: 600 },
  h6: { fontSize: '1.1rem', fontWeight: 600 },
  button: { textTransform: 'none', fontWeight: 600 },
};

export const shape: ThemeOptions['shape'] = { borderRadius: 8 };
