import { describe, expect, it } from 'vitest';

import {
  MAX_CELL_TEXT_LENGTH,
  cutAtCodePoint,
  neutraliseFormula,
  stripXmlIllegalCharacters,
  toSafeCellText,
} from './text-safety.js';

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'prefixes %j',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['plain', ' =1+1', "'=1+1", '', '1-2', 'a=b'])('keeps %j', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('stripXmlIllegalCharacters', () => {
  it('removes controls but keeps tab and line breaks', () => {
    expect(stripXmlIllegalCharacters('a\u0000b\u0008c\u000Bd\u001Fe\u007Ff\t\n\rg')).toBe(
      'abcdef\t\n\rg',
    );
  });

  it('removes noncharacters and lone surrogates', () => {
    expect(stripXmlIllegalCharacters('a\uFFFEb\uFFFFc\uD800d\uDC00e')).toBe('abcde');
  });

  it('keeps surrogate pairs', () => {
    expect(stripXmlIllegalCharacters('smile 😀')).toBe('smile 😀');
  });
});

describe('toSafeCellText', () => {
  it('neutralises a trigger hidden behind a control character', () => {
    expect(toSafeCellText('\u0000=1+1')).toBe("'=1+1");
  });

  it('cuts long text to the cell limit', () => {
    const text = toSafeCellText('x'.repeat(MAX_CELL_TEXT_LENGTH + 10));
    expect(text).toHaveLength(MAX_CELL_TEXT_LENGTH);
    expect(text.endsWith(' [truncated]')).toBe(true);
  });

  it('keeps text at the limit whole', () => {
    const text = 'x'.repeat(MAX_CELL_TEXT_LENGTH);
    expect(toSafeCellText(text)).toBe(text);
  });
});

describe('cutAtCodePoint', () => {
  it('does not split a surrogate pair', () => {
    expect(cutAtCodePoint('ab😀', 3)).toBe('ab');
    expect(cutAtCodePoint('ab😀', 4)).toBe('ab😀');
  });
});
