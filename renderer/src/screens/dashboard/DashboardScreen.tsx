import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import { useTheme } from '@mui/material/styles';
import { useEffect } from 'react';

import { POLICY_RULES, type PolicyRule } from '../../../../shared/domain/classification-policy.js';
import { FINDING_SEVERITIES, type FindingSeverity } from '../../../../shared/domain/findings.js';
import { INCIDENT_SEVERITIES, type IncidentSeverity } from '../../../../shared/domain/incidents.js';
import { PageHeader } from '../../components/PageHeader';
import { useResolvedScheme } from '../../components/SeverityChip';
import { POLICY_RULE_LABELS } from '../../labels';
import { useDashboard } from '../../state/dashboard';
import {
  useClassificationList,
  useFindingList,
  useIncidentList,
  usePrivacyList,
} from '../../state/lists';
import { useNavigation } from '../../state/navigation';
import { useLevels } from '../../state/scale';
import { severityColors } from '../../theme/primitives';
import { readableOn } from '../../theme/readable';
import { CountChart } from './CountChart';
import { FigureCard } from './FigureCard';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Headline figures and four charts, each opening its list with the matching filter. */
export function DashboardScreen() {
  const summary = useDashboard((state) => state.summary);
  const loading = useDashboard((state) => state.loading);
  const error = useDashboard((state) => state.error);
  const load = useDashboard((state) => state.load);
  const navigate = useNavigation((state) => state.navigate);
  const scheme = useResolvedScheme();
  const levels = useLevels();
  const theme = useTheme();

  useEffect(() => {
    void load();
  }, [load]);

  const openIncidents = (severity?: IncidentSeverity) => {
    useIncidentList.getState().preset({ open: true, severity });
    navigate('incidents');
  };
  const openRequests = (due?: 'overdue' | 'dueSoon') => {
    usePrivacyList.getState().preset({ due });
    navigate('privacy');
  };
  const openFindings = (severity?: FindingSeverity) => {
    useFindingList.getState().preset({ status: 'open', severity });
    navigate('posture');
  };
  const openDataMap = (filters: { level?: string; finding?: PolicyRule } = {}) => {
    useClassificationList.getState().preset(filters);
    navigate('dataMap');
  };

  const colors = severityColors[scheme];
  const openIncidentTotal =
    summary === null
      ? 0
      : Object.values(summary.openIncidentsBySeverity).reduce((a, b) => a + b, 0);
  const openFindingTotal =
    summary === null ? 0 : Object.values(summary.openFindingsBySeverity).reduce((a, b) => a + b, 0);

  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={
          summary === null
            ? 'Compliance figures of this vault.'
            : `Figures as of ${summary.asOf}, counted in the vault.`
        }
        actions={<Button onClick={() => void load()}>Refresh</Button>}
      />
      {loading && summary === null && <LinearProgress aria-label="Loading the dashboard" />}
      {error !== null && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={() => void load()}>
              Retry
            </Button>
          }
        >
          {error}
        </Alert>
      )}
      {summary !== null && (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <FigureCard
              label="Data map entries"
              value={summary.counts.classificationEntries}
              detail={`${summary.counts.personalDataFields.toLocaleString()} hold personal data`}
              onOpen={() => openDataMap()}
            />
            <FigureCard
              label="Requests overdue"
              value={summary.requestsOverdue}
              detail={`${summary.requestsDueWithin7Days.toLocaleString()} due within 7 days`}
              onOpen={() => openRequests('overdue')}
            />
            <FigureCard
              label="Open incidents"
              value={openIncidentTotal}
              detail={`${summary.counts.incidents.toLocaleString()} recorded in total`}
              onOpen={() => openIncidents()}
            />
            <FigureCard
              label="Open findings"
              value={openFindingTotal}
              detail={`${summary.counts.findings.toLocaleString()} recorded in total`}
              onOpen={() => openFindings()}
            />
          </Box>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            <CountChart
              title="Open incidents by severity"
              opens="the incident list"
              bars={[...INCIDENT_SEVERITIES].reverse().map((severity) => ({
                key: severity,
                label: capitalize(severity),
                count: summary.openIncidentsBySeverity[severity] ?? 0,
                color: colors[severity],
              }))}
              onSelect={(key) => openIncidents(key as IncidentSeverity)}
            />
            <CountChart
              title="Privacy request deadlines"
              opens="the request list"
              bars={[
                {
                  key: 'overdue',
                  label: 'Overdue',
                  count: summary.requestsOverdue,
                  color: colors.high,
                },
                {
                  key: 'dueSoon',
                  label: 'Due in 7 days',
                  count: summary.requestsDueWithin7Days,
                  color: colors.medium,
                },
              ]}
              onSelect={(key) => openRequests(key as 'overdue' | 'dueSoon')}
            />
            <CountChart
              title="Open findings by severity"
              opens="the findings list"
              bars={[...FINDING_SEVERITIES].reverse().map((severity) => ({
                key: severity,
                label: capitalize(severity),
                count: summary.openFindingsBySeverity[severity] ?? 0,
                color: colors[severity],
              }))}
              onSelect={(key) => openFindings(key as FindingSeverity)}
            />
            <CountChart
              title="Data map entries by level"
              opens="the data map"
              bars={levels.map((level) => ({
                key: level.name,
                label: level.label || level.name,
                count: summary.classificationByLevel[level.name] ?? 0,
                color: readableOn(level.color, theme.palette.background.paper),
              }))}
              onSelect={(key) => openDataMap({ level: key })}
            />
            <CountChart
              title="Data map policy findings"
              opens="the data map"
              bars={POLICY_RULES.map((rule) => ({
                key: rule,
                label: POLICY_RULE_LABELS[rule],
                count: summary.classificationFindingsByRule[rule] ?? 0,
                color: theme.palette.secondary.main,
              }))}
              onSelect={(key) => openDataMap({ finding: key as PolicyRule })}
            />
          </Box>
        </Box>
      )}
    </>
  );
}
