import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

export interface FigureCardProps {
  label: string;
  value: number;
  detail: string;
  onOpen(): void;
}

/** Shows one headline figure, which opens its list. */
export function FigureCard({ label, value, detail, onOpen }: FigureCardProps) {
  return (
    <Paper sx={{ flex: '1 1 180px', minWidth: 180 }}>
      <ButtonBase
        onClick={onOpen}
        sx={{
          width: '100%',
          p: 2,
          flexDirection: 'column',
          alignItems: 'flex-start',
          textAlign: 'left',
          borderRadius: 1,
        }}
      >
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h4" component="p">
          {value.toLocaleString()}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {detail}
        </Typography>
      </ButtonBase>
    </Paper>
  );
}
