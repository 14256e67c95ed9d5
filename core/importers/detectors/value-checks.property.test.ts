import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isIban, isPaymentCardNumber, passesLuhn } from './value-checks.js';

/** Computes the Luhn check digit that makes `payload` followed by it pass. */
function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let index = 0; index < payload.length; index += 1) {
    // Counted from the right of the full number, the payload's last digit is doubled.
    let digit = Number(payload[payload.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Remainder of a decimal string, digit by digit, modulo 97. */
function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/** Builds an IBAN from a country code and BBAN with the ISO 13616 check digits. */
function ibanOf(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (char) =>
    String(char.charCodeAt(0) - 55),
  );
  const check = String(98 - mod97(numeric)).padStart(2, '0');
  return `${country}${check}${bban}`;
}

const digits = (minLength: number, maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength, maxLength }).map((list) => list.join(''));

/** Card payloads with a Visa (4) or Mastercard (51-55) prefix, 15 digits before the check digit. */
const cardPayload = fc
  .tuple(fc.constantFrom('4', '51', '52', '53', '54', '55'), digits(13, 14))
  .map(([prefix, rest]) => `${prefix}${rest}`.slice(0, 15));

const BBAN_LENGTHS: Record<string, number> = { DE: 18, GB: 18, FR: 23, NL: 14, ES: 20, IT: 23 };

const numericIban = fc
  .constantFrom(...Object.keys(BBAN_LENGTHS))
  .chain((country) =>
    digits(BBAN_LENGTHS[country]!, BBAN_LENGTHS[country]!).map((bban) => ibanOf(country, bban)),
  );

/** Replaces the digit at `index` with a different digit. */
function changeDigit(text: string, index: number, shift: number): string {
  const digit = Number(text[index]);
  const changed = (digit + 1 + (shift % 9)) % 10;
  return `${text.slice(0, index)}${changed}${text.slice(index + 1)}`;
}

describe('Luhn check', () => {
  it('passes every number with its check digit', () => {
    fc.assert(
      fc.property(digits(1, 30), (payload) => {
        expect(passesLuhn(`${payload}${luhnCheckDigit(payload)}`)).toBe(true);
      }),
    );
  });

  it('fails after any single digit changes', () => {
    fc.assert(
      fc.property(digits(1, 30), fc.nat(), fc.nat(), (payload, position, shift) => {
        const valid = `${payload}${luhnCheckDigit(payload)}`;
        const index = position % valid.length;

        expect(passesLuhn(changeDigit(valid, index, shift))).toBe(false);
      }),
    );
  });

  it('fails after swapping adjacent digits, except 0 and 9', () => {
    fc.assert(
      fc.property(digits(2, 30), fc.nat(), (payload, position) => {
        const valid = `${payload}${luhnCheckDigit(payload)}`;
        const index = position % (valid.length - 1);
        const [a, b] = [valid[index], valid[index + 1]];
        fc.pre(a !== b && !(`${a}${b}` === '09' || `${a}${b}` === '90'));

        const swapped = `${valid.slice(0, index)}${b}${a}${valid.slice(index + 2)}`;
        expect(passesLuhn(swapped)).toBe(false);
      }),
    );
  });
});

describe('isPaymentCardNumber', () => {
  it('accepts generated card numbers, with or without separators', () => {
    fc.assert(
      fc.property(cardPayload, fc.constantFrom('', ' ', '-'), (payload, separator) => {
        const number = `${payload}${luhnCheckDigit(payload)}`;
        const grouped = number.match(/.{1,4}/g)!.join(separator);

        expect(isPaymentCardNumber(grouped)).toBe(true);
      }),
    );
  });

  it('rejects them after one digit changes', () => {
    fc.assert(
      fc.property(
        cardPayload,
        fc.integer({ min: 2, max: 15 }),
        fc.nat(),
        (payload, index, shift) => {
          const number = `${payload}${luhnCheckDigit(payload)}`;

          expect(isPaymentCardNumber(changeDigit(number, index, shift))).toBe(false);
        },
      ),
    );
  });

  it('rejects numbers outside 13 to 19 digits', () => {
    fc.assert(
      fc.property(fc.oneof(digits(1, 11), digits(20, 30)), (payload) => {
        expect(isPaymentCardNumber(`4${payload}`)).toBe(false);
      }),
    );
  });
});

describe('isIban', () => {
  it('accepts generated IBANs, compact or in groups of four', () => {
    const alphanumeric = fc.constantFrom(...Object.keys(BBAN_LENGTHS)).chain((country) =>
      fc
        .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), {
          minLength: BBAN_LENGTHS[country]!,
          maxLength: BBAN_LENGTHS[country]!,
        })
        .map((chars) => ibanOf(country, chars.join(''))),
    );

    fc.assert(
      fc.property(alphanumeric, fc.boolean(), (iban, grouped) => {
        const text = grouped ? iban.match(/.{1,4}/g)!.join(' ') : iban;

        expect(isIban(text)).toBe(true);
        expect(isIban(text.toLowerCase())).toBe(true);
      }),
    );
  });

  it('rejects them after one digit changes', () => {
    fc.assert(
      fc.property(numericIban, fc.nat(), fc.nat(), (iban, position, shift) => {
        // Positions 2 and on are digits: the check digits and the numeric BBAN.
        const index = 2 + (position % (iban.length - 2));

        expect(isIban(changeDigit(iban, index, shift))).toBe(false);
      }),
    );
  });

  it('rejects wrong check digits', () => {
    fc.assert(
      fc.property(numericIban, fc.integer({ min: 1, max: 96 }), (iban, offset) => {
        const check = (Number(iban.slice(2, 4)) - 2 + offset) % 97;
        const wrong = `${iban.slice(0, 2)}${String(check + 2).padStart(2, '0')}${iban.slice(4)}`;
        fc.pre(wrong.slice(2, 4).length === 2 && wrong !== iban);

        expect(isIban(wrong)).toBe(false);
      }),
    );
  });
});
