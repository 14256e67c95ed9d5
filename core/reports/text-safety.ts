/** Excel's maximum number of characters in one cell. */
export const MAX_CELL_TEXT_LENGTH = 32_767;

const TRUNCATION_MARK = ' [truncated]';

/**
 * Characters that make a spreadsheet application read a cell as a formula, as listed by the
 * OWASP CSV injection guidance.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Characters outside XML 1.0's Char production: C0 controls other than tab, line feed and carriage
 * return, U+FFFE, U+FFFF and unpaired surrogates. DEL (U+007F) is legal XML, but exceljs 4.4 drops
 * it while encoding, so it is removed here to keep the written text equal to this function's
 * result.
 */
const XML_ILLEGAL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlIllegalCharacters(text: string): string {
  return text.replace(XML_ILLEGAL_CHARACTERS, '');
}

/** Prefixes an apostrophe to text that a spreadsheet would otherwise evaluate as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

/**
 * Prepares any text for a cell: removes characters illegal in XML, cuts it to Excel's cell limit
 * with a visible mark, and neutralises a leading formula trigger. Stripping comes first so that a
 * control character cannot hide a trigger behind it.
 */
export function toSafeCellText(text: string): string {
  const legal = stripXmlIllegalCharacters(text);
  const neutral = neutraliseFormula(legal);
  if (neutral.length <= MAX_CELL_TEXT_LENGTH) {
    return neutral;
  }
  return `${cutAtCodePoint(neutral, MAX_CELL_TEXT_LENGTH - TRUNCATION_MARK.length)}${TRUNCATION_MARK}`;
}

/** Cuts text to at most maxLength UTF-16 units without splitting a surrogate pair. */
export function cutAtCodePoint(text: string, maxLength: number): string {
  if (text.length <= maxLength) {
    return text;
  }

  const lastKept = text.charCodeAt(maxLength - 1);
  const endsInHighSurrogate = lastKept >= 0xd800 && lastKept <= 0xdbff;
  return text.slice(0, endsInHighSurrogate ? maxLength - 1 : maxLength);
}
