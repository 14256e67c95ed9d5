import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';

import type { FindingRow } from '../../api/types';
import { DetailDrawer } from '../../components/DetailDrawer';
import { FieldList } from '../../components/FieldList';
import { SeverityChip } from '../../components/SeverityChip';
import { formatTimestamp } from '../../labels';

export interface FindingDrawerProps {
  finding: FindingRow | null;
  onClose(): void;
}

/**
 * Shows one finding as the scanner reported it. Its help link comes from an imported file, so it
 * is a plain link, which main opens in the browser only when it is an https: link.
 */
export function FindingDrawer({ finding, onClose }: FindingDrawerProps) {
  return (
    <DetailDrawer open={finding !== null} title={finding?.ruleId ?? 'Finding'} onClose={onClose}>
      {finding !== null && (
        <>
          <Typography sx={{ mb: 2 }}>{finding.title}</Typography>
          <FieldList
            items={[
              { label: 'Severity', value: <SeverityChip severity={finding.severity} /> },
              { label: 'Status', value: finding.status },
              { label: 'Tool', value: finding.tool },
              { label: 'Source format', value: finding.source },
              { label: 'Rule', value: finding.ruleId },
              { label: 'Location', value: finding.location || 'Not given' },
              { label: 'Target', value: finding.target || 'Not given' },
              {
                label: 'Score',
                value: finding.score === null ? 'Not scored' : String(finding.score),
              },
              { label: 'First seen', value: formatTimestamp(finding.firstSeenAt) },
              { label: 'Last seen', value: formatTimestamp(finding.lastSeenAt) },
              {
                label: 'Guidance',
                value:
                  finding.helpUri === null ? (
                    'None given'
                  ) : (
                    <Link href={finding.helpUri} target="_blank" rel="noreferrer noopener">
                      {finding.helpUri}
                    </Link>
                  ),
              },
            ]}
          />
        </>
      )}
    </DetailDrawer>
  );
}
