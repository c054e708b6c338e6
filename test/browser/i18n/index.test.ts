import { expect } from '@open-wc/testing';
import { formatDate, formatDecimal, formatInteger, formatPercent } from '../../../src/i18n/index.js';

// Numbers and dates as a reader sees them, in Italian, English, German and French (src/i18n/index.ts).

describe('number and date formats', () => {
  it('formatInteger groups thousands with a dot in Italian (from four digits) and a comma in English', () => {
    expect([1234, 5490, 999, 0, 1234567, 1234.6].map((n) => formatInteger(n, 'it'))).to.deep.equal([
      '1.234',
      '5.490',
      '999',
      '0',
      '1.234.567',
      '1.235',
    ]);
    expect([1234, 5490, 999, 0, 1234567, 1234.6].map((n) => formatInteger(n, 'en'))).to.deep.equal([
      '1,234',
      '5,490',
      '999',
      '0',
      '1,234,567',
      '1,235',
    ]);
  });

  it('formatPercent writes a share with one decimal: 48,5 % (non-breaking space) in Italian, 48.5% in English', () => {
    expect(formatPercent(0.485, 'it')).to.equal('48,5\u00a0%');
    expect(formatPercent(0.485, 'en')).to.equal('48.5%');
    expect(formatPercent(1, 'it')).to.equal('100,0\u00a0%');
    expect(formatPercent(0, 'en')).to.equal('0.0%');
    expect(formatPercent(612 / 5490, 'it')).to.equal('11,1\u00a0%');
    expect(formatPercent(12.34, 'it')).to.equal('1234,0\u00a0%');
  });

  it('formatPercent shows a dash for a share that cannot be computed', () => {
    expect([NaN, Infinity, -Infinity, 0 / 0].map((n) => formatPercent(n, 'it'))).to.deep.equal(['–', '–', '–', '–']);
    expect(formatPercent(NaN, 'en')).to.equal('–');
  });

  it('formatDecimal keeps up to the digits asked for', () => {
    expect(formatDecimal(1234.5, 'it')).to.equal('1.234,5');
    expect(formatDecimal(1234.5, 'en')).to.equal('1,234.5');
    expect(formatDecimal(2, 'it')).to.equal('2');
    expect(formatDecimal(3.14159, 'en', 3)).to.equal('3.142');
  });

  it('writes numbers the German way (1.234,5; 48,5 %) and the French way (1 234,5 with a narrow space; 48,5 %)', () => {
    expect([1234, 999, 1234567].map((n) => formatInteger(n, 'de'))).to.deep.equal(['1.234', '999', '1.234.567']);
    expect([1234, 999, 1234567].map((n) => formatInteger(n, 'fr'))).to.deep.equal(['1\u202f234', '999', '1\u202f234\u202f567']);
    expect(formatDecimal(1234.5, 'de')).to.equal('1.234,5');
    expect(formatDecimal(1234.5, 'fr')).to.equal('1\u202f234,5');
    expect(formatPercent(0.485, 'de')).to.equal('48,5\u00a0%');
    expect(formatPercent(0.485, 'fr')).to.equal('48,5\u00a0%');
    expect(formatPercent(NaN, 'de')).to.equal('–');
  });

  it('writes dates in German and French, and in the language a site added (Intl knows it)', () => {
    expect(formatDate('2021-10-31', 'de')).to.equal('31. Oktober 2021');
    expect(formatDate('2021-10-31', 'fr')).to.equal('31 octobre 2021');
    expect(formatDate('2022-01-01', 'fr')).to.equal('1 janvier 2022');
    expect(formatDate('2021-10-31', 'es')).to.equal('31 de octubre de 2021');
    expect(formatInteger(1234, 'es')).to.equal('1.234');
  });

  it('formatDate writes the day in words, the same day whatever the time zone', () => {
    expect(formatDate('2021-10-31', 'it')).to.equal('31 ottobre 2021');
    expect(formatDate('2021-10-31', 'en')).to.equal('31 October 2021');
    expect(formatDate('2024-02-29', 'it')).to.equal('29 febbraio 2024');
    expect(formatDate('2022-01-01', 'en')).to.equal('1 January 2022');
  });
});
