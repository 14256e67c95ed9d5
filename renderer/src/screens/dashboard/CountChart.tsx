import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** Bar count above which the chart lays its bars out horizontally. */
const HORIZONTAL_FROM = 6;

export interface CountBar {
  key: string;
  label: string;
  count: number;
  color: string;
}

export interface CountChartProps {
  title: string;
  /** Says what a click on a bar opens, for the chart's accessible description. */
  opens: string;
  bars: CountBar[];
  onSelect(key: string): void;
}

/**
 * Shows a bar chart of counts whose bars open the matching list. The chart itself is not focusable,
 * so the same choices sit below it as buttons, for keyboard and screen-reader users.
 */
export function CountChart({ title, opens, bars, onSelect }: CountChartProps) {
  const theme = useTheme();
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  const description = bars.map((bar) => `${bar.label}: ${bar.count}`).join(', ');
  // Many bars get horizontal bars, so their labels have room instead of overlapping.
  const horizontal = bars.length > HORIZONTAL_FROM;
  const tick = { fill: theme.palette.text.secondary, fontSize: 12 };

  return (
    <Paper
      component="section"
      aria-label={title}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      <Box
        role="img"
        aria-label={`${title}. ${description}.`}
        sx={{ height: horizontal ? 24 * bars.length + 40 : 200 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={bars}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={{ top: 8, right: 8, left: horizontal ? 8 : -16, bottom: 0 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              stroke={theme.palette.divider}
              vertical={horizontal}
              horizontal={!horizontal}
            />
            <XAxis
              {...(horizontal
                ? { type: 'number' as const, allowDecimals: false }
                : { type: 'category' as const, dataKey: 'label' })}
              tick={tick}
              stroke={theme.palette.divider}
            />
            <YAxis
              {...(horizontal
                ? { type: 'category' as const, dataKey: 'label', width: 150, interval: 0 }
                : { type: 'number' as const, allowDecimals: false })}
              tick={tick}
              stroke={theme.palette.divider}
            />
            <Tooltip
              cursor={{ fill: theme.palette.action.hover }}
              contentStyle={{
                background: theme.palette.background.paper,
                border: `1px solid ${theme.palette.divider}`,
                color: theme.palette.text.primary,
              }}
            />
            <Bar
              dataKey="count"
              name="Count"
              isAnimationActive={false}
              onClick={(_data, index) => {
                const bar = bars[index];
                if (bar !== undefined) onSelect(bar.key);
              }}
            >
              {bars.map((bar) => (
                <Cell key={bar.key} fill={bar.color} cursor="pointer" />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Box
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}
        aria-label={`Open ${opens}`}
        role="group"
      >
        {bars.map((bar) => (
          <ButtonBase
            key={bar.key}
            onClick={() => onSelect(bar.key)}
            aria-label={`${bar.label}: ${bar.count}. Open ${opens} filtered by ${bar.label}`}
            sx={{
              gap: 0.75,
              px: 1,
              py: 0.5,
              borderRadius: 1,
              '&:hover': { bgcolor: 'action.hover' },
            }}
          >
            <Box
              aria-hidden
              sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: bar.color }}
            />
            <Typography variant="body2">
              {bar.label}: <strong>{bar.count.toLocaleString()}</strong>
            </Typography>
          </ButtonBase>
        ))}
      </Box>
      <Typography variant="caption" color="text.secondary">
        Total {total.toLocaleString()}. Select a bar to open {opens}.
      </Typography>
    </Paper>
  );
}
