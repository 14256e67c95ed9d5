import { describe, expect, it } from 'vitest';

import { maskEmail, maskFreeText, maskJsonValue, maskPhone, maskSubjectRef } from './masking.js';

describe('maskEmail', () => {
  it.each([
    ['john.doe@example.com', 'j***@e***.com'],
    ['a@b.co.uk', 'a***@b***.uk'],
    ["o'brien@mail.example.org", 'o***@m***.org'],
    ['élise@exemple.fr', 'é***@e***.fr'],
    ['root@localhost', 'r***@l***'],
  ])('masks %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('masks text without an @ whole', () => {
    expect(maskEmail('nobody')).toBe('n***y');
  });
});

describe('maskPhone', () => {
  it.each([
    ['+44 20 7946 0958', '+***58'],
    ['(555) 123-4567', '***67'],
    ['555.123.4567', '***67'],
    ['123', '***'],
  ])('masks %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskSubjectRef', () => {
  it.each([
    ['john.doe@example.com', 'j***@e***.com'],
    ['  john.doe@example.com  ', 'j***@e***.com'],
    ['+1 (555) 123-4567', '+***67'],
    ['CUST-0042', 'C***2'],
    ['Jane Smith', 'J***h'],
    ['Bob', '***'],
    ['', '***'],
  ])('masks %j', (subjectRef, masked) => {
    expect(maskSubjectRef(subjectRef)).toBe(masked);
  });

  it('keeps surrogate pairs whole', () => {
    expect(maskSubjectRef('😀 customer 😀')).toBe('😀***😀');
  });

  it('masks a reference that contains an email', () => {
    expect(maskSubjectRef('Jane <jane@example.com>')).toBe('J***>');
  });
});

describe('maskFreeText', () => {
  it('masks emails and phone numbers', () => {
    const text = 'Mail jane.doe@example.com or call +44 20 7946 0958, or (555) 123-4567.';
    expect(maskFreeText(text)).toBe('Mail j***@e***.com or call +***58, or ***67.');
  });

  it.each([
    ['ISO date', 'Due 2024-05-01 at the latest'],
    ['ISO timestamp', 'Seen 2024-05-01T10:00:00.000Z and 2024-05-01 10:00:00+02:00'],
    ['day-first date', 'Received 15.01.2024 by post'],
    ['short number', 'Ticket 123456 closed'],
    ['hex hash', 'hash a3f1234567890bcd'],
    ['identifier', 'user abc1234567 logged in'],
    ['version', 'version v1.2345678'],
    ['path', 'see /tmp/1234567/report'],
  ])('keeps a %s', (_case, text) => {
    expect(maskFreeText(text)).toBe(text);
  });

  it('masks a phone number after a date', () => {
    expect(maskFreeText('On 2024-05-01 called 555 123 4567')).toBe('On 2024-05-01 called ***67');
  });

  it('masks seven-digit runs as phone numbers', () => {
    expect(maskFreeText('Ticket 1234567 closed')).toBe('Ticket ***67 closed');
  });

  it('leaves text without personal data alone', () => {
    expect(maskFreeText('=SUM(A1:A3) and +1+1')).toBe('=SUM(A1:A3) and +1+1');
  });
});

describe('maskJsonValue', () => {
  it('masks strings at any depth', () => {
    const value = {
      subjectRef: 'CUST-0042',
      notes: ['Call 555-123-4567', { contact: 'bob@corp.example' }],
      count: 1234567,
      open: true,
      closedAt: null,
    };
    expect(maskJsonValue(value)).toEqual({
      subjectRef: 'C***2',
      notes: ['Call ***67', { contact: 'b***@c***.example' }],
      count: 1234567,
      open: true,
      closedAt: null,
    });
  });

  it('leaves the input unchanged', () => {
    const value = { subjectRef: 'john.doe@example.com' };
    maskJsonValue(value);
    expect(value.subjectRef).toBe('john.doe@example.com');
  });

  it('masks an address split by a control character', () => {
    expect(maskJsonValue({ note: 'jane\u0000.doe@example.com' })).toEqual({
      note: 'j***@e***.com',
    });
  });

  it('writes dates as ISO strings', () => {
    expect(maskJsonValue({ at: new Date(Date.UTC(2024, 0, 1)) })).toEqual({
      at: '2024-01-01T00:00:00.000Z',
    });
  });
});
