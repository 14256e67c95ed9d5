import { describe, expect, it } from 'vitest';

import { maskValue } from './mask.js';

describe('maskValue', () => {
  it.each([
    ['email', 'luisg@embraer.com.br', 'l****@e****.br'],
    ['email', 'leonekohler@surfeu.de', 'l****@s****.de'],
    ['phone', '+1 (514) 721-4711', '+1 *** *** 11'],
    ['phone', '+420 2 4172 5555', '+420 *** *** 55'],
    ['phone', '0711 2842222', '*** *** 22'],
    ['payment_card', '4111 1111 1111 1234', '**** **** **** 1234'],
    ['bank_account', 'DE89 3704 0044 0532 0130 00', 'DE** **** 3000'],
    ['bank_account', '12345678', '******78'],
    ['national_id', '123-45-6789', '***-**-**89'],
    ['national_id', 'AB1', '***'],
    ['date_of_birth', '1962-02-18 00:00:00', '196*-**-**'],
    ['credentials', '$2b$12$KIXQJ1ZkPq1yQ9Zk1y6l8eJ0o7m7b8q9r0s1t2u3v4w5x6y7z8A9B', '$2b$****'],
    ['credentials', 'hunter2', '********'],
    ['online_identifier', '192.168.1.20', '192.168.*.*'],
    ['online_identifier', '2001:db8::1', '2001:****'],
    ['free_text', 'Called about the invoice', '[free text, 24 characters]'],
    ['name', 'Luís', 'L****'],
    ['postal_address', 'Theodor-Heuss-Straße 34', 'T****'],
    [null, 'anything', 'a****'],
  ] as const)('masks %s %s as %s', (category, value, masked) => {
    expect(maskValue(category, value)).toBe(masked);
  });

  it.each([
    ['email', 'luisg@embraer.com.br', ['luisg', 'embraer']],
    ['phone', '+1 (514) 721-4711', ['514', '721', '4711']],
    ['payment_card', '4111 1111 1111 1234', ['4111 1111']],
    ['credentials', 'hunter2', ['hunter']],
  ] as const)('hides the identifying part of %s', (category, value, hidden) => {
    const masked = maskValue(category, value);

    for (const part of hidden) {
      expect(masked).not.toContain(part);
    }
  });
});
