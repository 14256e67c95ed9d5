import type { Components, Theme } from '@mui/material/styles';

/** Per-component customisations, combined with the primitives once in theme.ts. */
export const components: Components<Omit<Theme, 'components'>> = {
  MuiCssBaseline: {
    styleOverrides: {
      // Keyboard users see where focus is on every control, not only on MUI's own.
      ':focus-visible': { outline: '3px solid currentColor', outlineOffset: 2 },
      body: { overflow: 'hidden' },
    },
  },
  MuiButtonBase: {
    defaultProps: { disableRipple: false },
    styleOverrides: {
      root: ({ theme }) => ({
        '&.Mui-focusVisible': {
          outline: `3px solid ${theme.palette.primary.main}`,
          outlineOffset: 2,
        },
      }),
    },
  },
  MuiButton: {
    defaultProps: { disableElevation: true },
  },
  MuiPaper: {
    defaultProps: { elevation: 0 },
    styleOverrides: {
      root: ({ theme }) => ({ border: `1px solid ${theme.palette.divider}` }),
    },
  },
  MuiDrawer: {
    styleOverrides: {
      paper: { borderRadius: 0 },
    },
  },
  MuiTextField: {
    defaultProps: { size: 'small', fullWidth: true },
  },
  MuiFormControl: {
    defaultProps: { size: 'small' },
  },
  MuiChip: {
    defaultProps: { size: 'small' },
  },
  MuiLink: {
    defaultProps: { underline: 'always' },
  },
  MuiTooltip: {
    defaultProps: { arrow: true },
  },
};
