import { cutAtCodePoint, stripXmlIllegalCharacters } from './text-safety.js';

/** Excel's maximum worksheet name length, in UTF-16 code units. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Excel reserves this name (in any letter case) for its change-tracking sheet. */
const RESERVED_NAME = 'History';

const FORBIDDEN_CHARACTERS = /[:\\/?*[\]]/g;

// Tabs and line breaks are legal XML but have no place on a sheet tab.
const CONTROL_CHARACTERS = /[\t\n\r]/g;

// Excel rejects a name that begins or ends with an apostrophe.
const EDGE_APOSTROPHES_AND_SPACES = /^[\s']+|[\s']+$/g;

/**
 * Turns any text into a valid worksheet name that no name in `existingNames` already uses. Excel's rules:
 * at most 31 characters, none of : \ / ? * [ ], not blank, no apostrophe at either end, not
 * "History", and unique in the workbook ignoring letter case. Forbidden characters become "-", a
 * clash gets a " (2)", " (3)" ... suffix, and a blank name becomes `fallback`.
 */
export function safeSheetName(
  name: string,
  existingNames: Iterable<string> = [],
  fallback = 'Sheet',
): string {
  const cleaned = cleanSheetName(name);
  const base = cleaned === '' ? cleanSheetName(fallback) || 'Sheet' : cleaned;

  const takenKeys = new Set([RESERVED_NAME, ...existingNames].map(comparisonKey));
  if (!takenKeys.has(comparisonKey(base))) {
    return base;
  }

  for (let counter = 2; ; counter += 1) {
    const suffix = ` (${counter})`;
    const candidate = `${truncateName(base, MAX_SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!takenKeys.has(comparisonKey(candidate))) {
      return candidate;
    }
  }
}

function cleanSheetName(name: string): string {
  const replaced = stripXmlIllegalCharacters(name)
    .replace(CONTROL_CHARACTERS, '')
    .replace(FORBIDDEN_CHARACTERS, '-');
  return truncateName(replaced.replace(EDGE_APOSTROPHES_AND_SPACES, ''), MAX_SHEET_NAME_LENGTH);
}

/** Cuts at a code point boundary, then trims again because the cut may expose a space or '. */
function truncateName(name: string, maxLength: number): string {
  return cutAtCodePoint(name, maxLength).replace(EDGE_APOSTROPHES_AND_SPACES, '');
}

function comparisonKey(name: string): string {
  return name.toUpperCase();
}
