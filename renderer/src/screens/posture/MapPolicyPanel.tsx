import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';

import { POLICY_RULES, type PolicyRule } from '../../../../shared/domain/classification-policy.js';
import { POLICY_RULE_LABELS } from '../../labels';
import { useDashboard } from '../../state/dashboard';
import { useClassificationList } from '../../state/lists';
import { useNavigation } from '../../state/navigation';

/**
 * Shows the data map's policy findings as part of the security posture: each rule with its count
 * of fields, opening the Data Map filtered to that rule.
 */
export function MapPolicyPanel() {
  const summary = useDashboard((state) => state.summary);
  const navigate = useNavigation((state) => state.navigate);

  useEffect(() => {
    void useDashboard.getState().load();
  }, []);

  const counts: Partial<Record<PolicyRule, number>> = summary?.classificationFindingsByRule ?? {};
  const total = POLICY_RULES.reduce((sum, rule) => sum + (counts[rule] ?? 0), 0);
  const open = (rule: PolicyRule) => {
    useClassificationList.getState().preset({ finding: rule });
    navigate('dataMap');
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} aria-labelledby="map-policy-title">
      <Typography id="map-policy-title" variant="subtitle1" component="h2">
        Data map policy findings: {total}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Fields that break a classification rule. Select a rule to open those fields.
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {POLICY_RULES.map((rule) => (
          <Chip
            key={rule}
            label={`${POLICY_RULE_LABELS[rule]}: ${counts[rule] ?? 0}`}
            variant={(counts[rule] ?? 0) > 0 ? 'filled' : 'outlined'}
            color={(counts[rule] ?? 0) > 0 ? 'warning' : 'default'}
            onClick={() => open(rule)}
          />
        ))}
      </Box>
    </Paper>
  );
}
