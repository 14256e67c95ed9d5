import type { FindingSeverity } from '../../shared/domain/findings.js';

/**
 * Maps a CVSS-style score (0 to 10) to a severity with the CVSS v3 qualitative bands, which is also
 * how GitHub code scanning reads the SARIF property `security-severity`.
 */
export function severityFromScore(score: number): FindingSeverity {
  if (score >= 9) {
    return 'critical';
  }
  if (score >= 7) {
    return 'high';
  }
  if (score >= 4) {
    return 'medium';
  }
  return score > 0 ? 'low' : 'info';
}

/** Maps a SARIF 2.1.0 `level` (error, warning, note, none) to a severity. */
export function severityFromSarifLevel(level: string): FindingSeverity | null {
  switch (level) {
    case 'error':
      return 'high';
    case 'warning':
      return 'medium';
    case 'note':
      return 'low';
    case 'none':
      return 'info';
    default:
      return null;
  }
}

/**
 * Maps a severity word used by scanners (Bandit's LOW/MEDIUM/HIGH/UNDEFINED, npm audit's
 * info/low/moderate/high/critical, Trivy's UNKNOWN/LOW/MEDIUM/HIGH/CRITICAL) to a severity.
 */
export function severityFromWord(word: string): FindingSeverity | null {
  switch (word.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
      return 'low';
    case 'info':
    case 'undefined':
    case 'unknown':
      return 'info';
    default:
      return null;
  }
}

/** Severities from least to most severe, for stepping a severity down. */
export const SEVERITY_ORDER: readonly FindingSeverity[] = [
  'info',
  'low',
  'medium',
  'high',
  'critical',
];
