import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';

import { useToasts } from '../state/toasts';

/** Shows queued messages one at a time; errors stay until dismissed. */
export function Toasts() {
  const toast = useToasts((state) => state.queue[0]);
  const dismiss = useToasts((state) => state.dismiss);

  if (toast === undefined) return null;
  return (
    <Snackbar
      key={toast.id}
      open
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      autoHideDuration={toast.severity === 'error' ? null : 5000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') dismiss(toast.id);
      }}
    >
      <Alert
        severity={toast.severity}
        variant="filled"
        onClose={() => dismiss(toast.id)}
        sx={{ maxWidth: 640 }}
      >
        {toast.message}
      </Alert>
    </Snackbar>
  );
}
