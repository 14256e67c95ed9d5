import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';

import { App } from './App';
import { createAppTheme } from './theme/theme';

// zod compiles object parsers with new Function unless told not to. The Content Security Policy
// forbids eval, so the probe would log a CSP violation on every start.
z.config({ jitless: true });

const theme = createAppTheme();
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <App />
    </ThemeProvider>
  </StrictMode>,
);
