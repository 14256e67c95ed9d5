import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import {
  REPORT_SECTIONS,
  type ReportResult,
  type ReportSection,
} from '../../../../shared/ipc/reports.js';
import { api, errorMessage, unwrap } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { PageHeader } from '../../components/PageHeader';
import { useJobRunner } from '../../components/use-job-runner';
import { toastError } from '../../state/toasts';

const SECTION_LABELS: Record<ReportSection, string> = {
  summary: 'Summary: headline figures and deadlines',
  dataMap: 'Data Map: every classification entry',
  privacyRequests: 'Privacy Requests: with days left to respond',
  incidents: 'Incidents',
  findings: 'Security Findings',
  auditTrail: 'Audit Trail: every change, with its hash',
};

/** Builds the Excel compliance report, saved where the user chooses in the native dialog. */
export function ReportsScreen() {
  const [sections, setSections] = useState<ReportSection[]>([...REPORT_SECTIONS]);
  const [unmasked, setUnmasked] = useState(false);
  const [destination, setDestination] = useState<{ path: string; name: string } | null>(null);
  const job = useJobRunner<ReportResult>();

  const toggle = (section: ReportSection) =>
    setSections((current) =>
      current.includes(section)
        ? current.filter((value) => value !== section)
        : [...current, section],
    );

  const build = async () => {
    let chosen: { path: string; name: string } | null;
    try {
      chosen = await unwrap(api().reports.chooseDestination());
    } catch (error) {
      toastError(error);
      return;
    }
    if (chosen === null) return;
    setDestination(chosen);
    await job.run((jobId) => api().reports.build({ jobId, path: chosen.path, sections, unmasked }));
  };

  const showInFolder = async (path: string) => {
    try {
      await unwrap(api().reports.showInFolder({ path }));
    } catch (error) {
      toastError(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title="Reports"
        subtitle="An Excel workbook of the vault's records for auditors, the DPO or management."
      />
      <Paper sx={{ p: 3, maxWidth: 760 }}>
        <Stack spacing={3}>
          <Box>
            <FormLabel component="legend" id="sections-label">
              Sheets
            </FormLabel>
            <FormGroup aria-labelledby="sections-label">
              {REPORT_SECTIONS.map((section) => (
                <FormControlLabel
                  key={section}
                  control={
                    <Checkbox
                      checked={sections.includes(section)}
                      onChange={() => toggle(section)}
                    />
                  }
                  label={SECTION_LABELS[section]}
                />
              ))}
            </FormGroup>
            {sections.length === 0 && (
              <Typography color="error" variant="body2" role="alert">
                Choose at least one sheet.
              </Typography>
            )}
          </Box>
          <Box>
            <FormLabel id="masking-label">Personal data</FormLabel>
            <RadioGroup
              aria-labelledby="masking-label"
              value={unmasked ? 'unmasked' : 'masked'}
              onChange={(event) => setUnmasked(event.target.value === 'unmasked')}
            >
              <FormControlLabel
                value="masked"
                control={<Radio />}
                label="Masked: data subject references are partly hidden (recommended)"
              />
              <FormControlLabel
                value="unmasked"
                control={<Radio />}
                label="Unmasked: personal data as stored"
              />
            </RadioGroup>
            {unmasked && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                An unmasked report puts personal data in a file outside the encrypted vault. The
                export is recorded in the audit trail; store and share the file accordingly.
              </Alert>
            )}
          </Box>
          <Box>
            <Button
              variant="contained"
              onClick={() => void build()}
              disabled={sections.length === 0 || job.jobId !== null}
            >
              Choose where to save and build
            </Button>
          </Box>
          {job.jobId !== null && (
            <JobProgress
              jobId={job.jobId}
              label={`Writing ${destination?.name ?? 'the report'}`}
              onCancel={job.cancel}
            />
          )}
          {job.error !== null && (
            <Alert severity={job.cancelled ? 'info' : 'error'} role="alert">
              {job.error}
            </Alert>
          )}
          {job.result !== null && (
            <Alert
              severity="success"
              role="status"
              action={
                <Button color="inherit" onClick={() => void showInFolder(job.result?.file ?? '')}>
                  Show in folder
                </Button>
              }
            >
              Report written to {job.result.file}
              {job.result.masked ? ' (personal data masked)' : ' (personal data NOT masked)'}:{' '}
              {job.result.sheets
                .map((sheet) => `${sheet} ${job.result?.rows[sheet] ?? 0} rows`)
                .join(', ')}
              .
            </Alert>
          )}
        </Stack>
      </Paper>
    </>
  );
}
