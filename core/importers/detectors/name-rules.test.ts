import { describe, expect, it } from 'vitest';

import { matchName, nameGivesPersonContext } from './name-rules.js';
import { isPersonTableName, tokenize } from './tokens.js';

function categoryOf(name: string, personContext: boolean): string | null {
  return matchName(name, personContext)[0]?.category ?? null;
}

describe('tokenize', () => {
  it.each([
    ['BillingPostalCode', ['billing', 'postal', 'code']],
    ['first_name', ['first', 'name']],
    ['Column Name', ['column', 'name']],
    ['address2', ['address', '2']],
    ['HTMLParser', ['html', 'parser']],
    ['Prénom', ['prenom']],
  ])('splits %s', (name, tokens) => {
    expect(tokenize(name)).toEqual(tokens);
  });
});

describe('isPersonTableName', () => {
  it.each([
    'Customer',
    'customers',
    'tbl_Employees',
    'UserProfile',
    'patients',
    'Kunden',
    'beneficiaries',
  ])('treats %s as people', (name) => {
    expect(isPersonTableName(name)).toBe(true);
  });

  it.each(['Album', 'Track', 'Genre', 'MediaType', 'Playlist', 'Artist', 'Invoice', 'InvoiceLine'])(
    'treats %s as not people',
    (name) => {
      expect(isPersonTableName(name)).toBe(false);
    },
  );
});

describe('matchName', () => {
  it.each([
    ['FirstName', 'name'],
    ['last_name', 'name'],
    ['surname', 'name'],
    ['Vorname', 'name'],
    ['EmailAddress', 'email'],
    ['e_mail', 'email'],
    ['PhoneNumber', 'phone'],
    ['Fax', 'phone'],
    ['BirthDate', 'date_of_birth'],
    ['dob', 'date_of_birth'],
    ['ssn', 'national_id'],
    ['passport_number', 'national_id'],
    ['CardNumber', 'payment_card'],
    ['iban', 'bank_account'],
    ['password_hash', 'credentials'],
    ['api_key', 'credentials'],
    ['ip_address', 'online_identifier'],
    ['Address', 'postal_address'],
    ['street', 'postal_address'],
    ['diagnosis', 'health'],
    ['sexual_orientation', 'sex_life_or_orientation'],
    ['CustomerId', 'other_personal'],
  ])('finds %s as %s without context', (name, category) => {
    expect(categoryOf(name, false)).toBe(category);
  });

  it.each([
    ['Name', 'name'],
    ['City', 'postal_address'],
    ['PostalCode', 'postal_address'],
    ['Title', 'other_personal'],
    ['HireDate', 'other_personal'],
    ['notes', 'free_text'],
    ['mobile', 'phone'],
  ])('finds %s as %s in a table of people', (name, category) => {
    expect(categoryOf(name, true)).toBe(category);
    expect(categoryOf(name, false)).toBeNull();
  });

  it.each([
    'Title',
    'Name',
    'Composer',
    'Milliseconds',
    'UnitPrice',
    'GenreId',
    'AlbumId',
    'ArtistId',
  ])('ignores catalogue column %s', (name) => {
    expect(categoryOf(name, false)).toBeNull();
  });

  it.each(['CompanyName', 'company', 'ProductTitle', 'file_name', 'table_name'])(
    'ignores organisation name %s in a table of people',
    (name) => {
      expect(categoryOf(name, true)).toBeNull();
    },
  );

  it.each(['EmailAddress', 'ip_address', 'MacAddress', 'WalletAddress', 'web_address'])(
    'does not read %s as postal',
    (name) => {
      expect(matchName(name, true).some((match) => match.category === 'postal_address')).toBe(
        false,
      );
    },
  );

  it('halves strength for organisations', () => {
    expect(matchName('company_email', false)[0]?.strength).toBeCloseTo(0.4);
  });
});

describe('nameGivesPersonContext', () => {
  it.each(['BillingCity', 'shipping_zip', 'HomeCountry'])('accepts %s', (name) => {
    expect(nameGivesPersonContext(name)).toBe(true);
  });

  it.each(['City', 'StoreCountry'])('rejects %s', (name) => {
    expect(nameGivesPersonContext(name)).toBe(false);
  });
});
