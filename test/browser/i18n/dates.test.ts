import { expect } from '@open-wc/testing';
import { validDate } from '../../../src/i18n/dates.js';

// The as-of attribute's check (src/i18n/dates.ts): a real calendar day written YYYY-MM-DD.

describe('validDate', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2021-10-31', '2024-02-29', '2000-02-29', '2021-12-31', '2022-01-01']) expect(validDate(d), d).to.equal(true);
  });

  it('refuses days that do not exist', () => {
    for (const d of [
      '2021-02-29',
      '2021-02-30',
      '1900-02-29',
      '2100-02-29',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '2021-10-00',
      '2021-10-32',
    ]) {
      expect(validDate(d), d).to.equal(false);
    }
  });

  it('refuses any other way of writing a day', () => {
    for (const d of [
      '',
      '2021-1-5',
      '21-10-31',
      '31/10/2021',
      '2021-10-31T00:00',
      ' 2021-10-31',
      '2021-10-31 ',
      '2021/10/31',
      'oggi',
      '20211031',
    ]) {
      expect(validDate(d), JSON.stringify(d)).to.equal(false);
    }
  });
});
