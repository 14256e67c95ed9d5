import { createTheme, type Theme } from '@mui/material/styles';

import { components } from './components';
import { darkPalette, lightPalette, shape, typography } from './primitives';

/**
 * Creates the app's theme with a light and a dark scheme. With both schemes and no stored choice, MUI
 * follows the operating system's prefers-color-scheme and switches when it changes.
 */
export function createAppTheme(): Theme {
  return createTheme({
    colorSchemes: {
      light: { palette: lightPalette },
      dark: { palette: darkPalette },
    },
    typography,
    shape,
    components,
  });
}
