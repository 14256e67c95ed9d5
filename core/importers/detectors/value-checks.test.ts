import { describe, expect, it } from 'vitest';

import {
  containsContactDetails,
  isEmail,
  isFreeText,
  isHexDigest,
  isIban,
  isIpAddress,
  isPasswordHash,
  isPaymentCardNumber,
  isPersonName,
  isPhoneNumber,
  isPlausibleBirthDate,
  isPostalCode,
  isStreetLine,
  isUkNino,
  isUsSsn,
  passesLuhn,
} from './value-checks.js';

describe('payment cards', () => {
  it.each(['4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005', '6011111111111117'])(
    'accepts test card %s',
    (value) => {
      expect(isPaymentCardNumber(value)).toBe(true);
    },
  );

  it.each([
    ['4111 1111 1111 1112', 'Luhn fails'],
    ['1234567812345670', 'no scheme prefix'],
    ['411111111111', 'too short'],
    ['4111-1111-1111-1111-1111', 'too long'],
    ['4111 1111 1111 111a', 'not digits'],
  ])('rejects %s (%s)', (value) => {
    expect(isPaymentCardNumber(value)).toBe(false);
  });

  it('computes Luhn', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });
});

describe('IBAN', () => {
  it.each(['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'fr1420041010050500013m02606'])(
    'accepts %s',
    (value) => {
      expect(isIban(value)).toBe(true);
    },
  );

  it.each(['DE89 3704 0044 0532 0130 01', 'GB82WEST1234', 'XX00ABCDEFGHIJKLMNOP'])(
    'rejects %s',
    (value) => {
      expect(isIban(value)).toBe(false);
    },
  );
});

describe('national identification numbers', () => {
  it.each(['123-45-6789', '078-05-1120'])('accepts SSN %s', (value) => {
    expect(isUsSsn(value)).toBe(true);
  });

  it.each(['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000', '123456789'])(
    'rejects SSN %s',
    (value) => {
      expect(isUsSsn(value)).toBe(false);
    },
  );

  it.each(['AB 12 34 56 C', 'ab123456d'])('accepts NINO %s', (value) => {
    expect(isUkNino(value)).toBe(true);
  });

  it.each(['GB123456A', 'DA123456A', 'AO123456A', 'AB123456E', 'AB12345C'])(
    'rejects NINO %s',
    (value) => {
      expect(isUkNino(value)).toBe(false);
    },
  );
});

describe('credentials', () => {
  it.each([
    '$2b$12$KIXQJ1ZkPq1yQ9Zk1y6l8eJ0o7m7b8q9r0s1t2u3v4w5x6y7z8A9B',
    '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
    'pbkdf2_sha256$600000$salt$hash=',
    '$6$rounds=5000$salt$hash',
  ])('accepts password hash %s', (value) => {
    expect(isPasswordHash(value)).toBe(true);
  });

  it.each(['hunter2', '$2b$12$short', 'd41d8cd98f00b204e9800998ecf8427e'])(
    'rejects %s as hash',
    (value) => {
      expect(isPasswordHash(value)).toBe(false);
    },
  );

  it('recognises hex digests', () => {
    expect(isHexDigest('d41d8cd98f00b204e9800998ecf8427e')).toBe(true);
    expect(isHexDigest('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe(
      true,
    );
    expect(isHexDigest('d41d8cd98f00b204e9800998ecf8427')).toBe(false);
  });
});

describe('contact details', () => {
  it.each(['luisg@embraer.com.br', 'a.b+tag@example.co.uk', 'jürgen@müller.de'])(
    'accepts e-mail %s',
    (value) => {
      expect(isEmail(value)).toBe(true);
    },
  );

  it.each(['not an email', 'a@b', '@example.com', 'a@@example.com'])(
    'rejects e-mail %s',
    (value) => {
      expect(isEmail(value)).toBe(false);
    },
  );

  it.each(['+55 (12) 3923-5555', '+1 (780) 428-9482', '+49 0711 2842222', '020 7946 0958'])(
    'accepts phone %s strictly',
    (value) => {
      expect(isPhoneNumber(value, true)).toBe(true);
    },
  );

  it.each(['2021-01-01', '1234567', '12.05.2021', '+123', 'call me'])(
    'rejects phone %s strictly',
    (value) => {
      expect(isPhoneNumber(value, true)).toBe(false);
    },
  );

  it('accepts plain digits by name', () => {
    expect(isPhoneNumber('07112842222', false)).toBe(true);
    expect(isPhoneNumber('07112842222', true)).toBe(false);
  });

  it.each(['192.168.1.20', '2001:db8::1'])('accepts IP %s', (value) => {
    expect(isIpAddress(value)).toBe(true);
  });

  it.each(['256.1.1.1', '1.2.3', 'localhost'])('rejects IP %s', (value) => {
    expect(isIpAddress(value)).toBe(false);
  });

  it('finds contact details in free text', () => {
    expect(
      containsContactDetails('Please call the customer back on +44 20 7946 0958 tomorrow'),
    ).toBe(true);
    expect(containsContactDetails('Send the contract to jane.doe@example.org')).toBe(true);
    expect(containsContactDetails('Delivered on time, no issues reported')).toBe(false);
  });
});

describe('addresses, names and dates', () => {
  it.each([
    'Av. Brigadeiro Faria Lima, 2170',
    'Theodor-Heuss-Straße 34',
    '1498 rue Bélanger',
    '11120 Jasper Ave NW',
  ])('accepts street line %s', (value) => {
    expect(isStreetLine(value)).toBe(true);
  });

  it.each(['Rock', 'General Manager', '1234'])('rejects street line %s', (value) => {
    expect(isStreetLine(value)).toBe(false);
  });

  it.each(['12227-000', 'H2G 1A7', '70174', 'SW1A 1AA'])('accepts postal code %s', (value) => {
    expect(isPostalCode(value)).toBe(true);
  });

  it.each(['Luís', 'Gonçalves', "O'Brien", 'Anne-Marie de la Cruz'])(
    'accepts person name %s',
    (value) => {
      expect(isPersonName(value)).toBe(true);
    },
  );

  it.each(['luís', 'R2-D2', 'a', 'One Two Three Four Five'])('rejects person name %s', (value) => {
    expect(isPersonName(value)).toBe(false);
  });

  it('checks dates of birth', () => {
    const today = new Date('2025-06-01T00:00:00Z');

    expect(isPlausibleBirthDate('1962-02-18 00:00:00', today)).toBe(true);
    expect(isPlausibleBirthDate('18.02.1962', today)).toBe(true);
    expect(isPlausibleBirthDate('1850-01-01', today)).toBe(false);
    expect(isPlausibleBirthDate('2030-01-01', today)).toBe(false);
    expect(isPlausibleBirthDate('yesterday', today)).toBe(false);
  });

  it('recognises free text', () => {
    expect(isFreeText('Customer asked to be called back after the holidays.')).toBe(true);
    expect(isFreeText('Short note')).toBe(false);
  });
});
