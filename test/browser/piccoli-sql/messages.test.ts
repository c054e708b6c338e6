import { expect, fixture, html } from '@open-wc/testing';
import { renderAlert, renderRunError, statusText } from '../../../src/components/piccoli-sql/messages.js';
import { errorContext, errorHeadline } from '../../../src/components/piccoli-sql/sql-error.js';
import { STRINGS } from '../../../src/components/piccoli-sql/strings.js';
import { loadWords } from '../../../src/i18n/words.js';

// The English words are fetched on demand (src/i18n/words.ts).
before(() => loadWords(STRINGS, 'en'));

const idle = { running: false, cancelled: false, notice: '' };

describe('messages', () => {
  it('says how many rows in how long, in Italian and English numbers, singular for one row', () => {
    expect(statusText({ ...idle, result: { rows: 100_000, elapsedMs: 1234.4 } }, 'it')).to.equal('100.000 righe in 1.234 ms');
    expect(statusText({ ...idle, result: { rows: 1, elapsedMs: 3 } }, 'it')).to.equal('1 riga in 3 ms');
    expect(statusText({ ...idle, result: { rows: 1, elapsedMs: 3 } }, 'en')).to.equal('1 row in 3 ms');
    expect(statusText({ ...idle, result: { rows: 2500, elapsedMs: 3 } }, 'en')).to.equal('2,500 rows in 3 ms');
  });

  it('puts running before cancelled before a notice before the result', () => {
    const result = { rows: 2, elapsedMs: 1 };
    expect(statusText({ running: true, cancelled: true, notice: 'x', result }, 'it')).to.equal('Esecuzione in corso…');
    expect(statusText({ running: false, cancelled: true, notice: 'x', result }, 'it')).to.equal('Query interrotta.');
    expect(statusText({ ...idle, notice: 'Copiato.', result }, 'it')).to.equal('Copiato.');
    expect(statusText(idle, 'it')).to.equal('');
  });

  it('shows a failed run with its headline, where it is and the quoted context', async () => {
    const message = 'Parser Error: syntax error at or near "FORM"\n\nLINE 3: FORM x\n        ^';
    const err = { code: 'query', message, headline: errorHeadline(message), context: errorContext(message) ?? null, line: 3, column: 1 };
    const el = await fixture(html`<div>${renderRunError(err, 'it')}</div>`);
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.querySelector('strong')!.textContent).to.equal('Parser Error: syntax error at or near "FORM"');
    expect(alert.querySelector('.where')!.textContent).to.equal('(riga 3, colonna 1)');
    expect(alert.querySelector('pre')!.textContent).to.equal('LINE 3: FORM x\n        ^');
  });

  it('shows an alert with its title and message', async () => {
    const el = await fixture(html`<div>${renderAlert('Dati non caricati:', 'rete assente')}</div>`);
    expect(el.querySelector('[role="alert"]')!.textContent).to.equal('Dati non caricati: rete assente');
  });
});
