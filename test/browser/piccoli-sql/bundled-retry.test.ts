import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliQueryErrorEvent, PiccoliQueryRunEvent } from '../../../src/components/piccoli-sql/events.js';
import { configure } from '../../../src/data/configure.js';

/*
 * The console's bundled tables come through the test server's /__fail_once__/ route
 * (web-test-runner.config.mjs): the first request for the named file answers 500, the
 * next one serves it. This file runs in a page of its own, so its engine starts empty.
 */

/** Serve the bundled data (and the engine) from a base whose `file` fails once. */
function failOnce(file: string): void {
  configure({ assetBase: `/__fail_once__/${file}/${Math.random().toString(36).slice(2)}/` });
}

function alertText(el: PiccoliSql): string {
  return [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
}

describe('<piccoli-sql> bundled tables after a failed download', () => {
  after(() => configure({ assetBase: undefined as unknown as string }));

  it('names the missing table, and loads it again before the next run', async () => {
    failOnce('programmes.arrow');
    const el = await fixture<PiccoliSql>(html`<piccoli-sql no-url history-key=""></piccoli-sql>`);
    await waitUntil(() => alertText(el).includes('programme_events') && el.tables.length >= 5, 'no message about programme_events', {
      timeout: 30000,
    });
    expect(alertText(el)).to.contain('Tabelle non caricate: programme_events');
    // The shared describer's sentence, in the console's language; the server's answer under details.
    expect(alertText(el)).to.contain('non è stato caricato: il server ha risposto 500');
    await expect(el).to.be.accessible();
    expect(el.tables.map((t) => t.name))
      .to.include('comuni')
      .and.not.include('programme_events');

    const ran = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
    const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
    void el.run(`SELECT count(DISTINCT entity_code)::INTEGER AS n FROM programme_events WHERE programme = 'piccoli'`);
    const first = await Promise.race([ran, failed]);
    expect(first.type, (first as PiccoliQueryErrorEvent).detail?.message).to.equal('piccoli-query-run');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.tables.map((t) => t.name)).to.include('programme_events');
    expect(el.shadowRoot!.querySelector('tbody tr.row td:not(.rownum)')!.textContent).to.match(/^\d+$/);
  });

  it('loads a failed table again with the «Riprova» button', async () => {
    failOnce('stages.arrow');
    const el = await fixture<PiccoliSql>(html`<piccoli-sql no-url history-key=""></piccoli-sql>`);
    await waitUntil(() => alertText(el).includes('stages'), 'no message about stages', { timeout: 30000 });
    expect(alertText(el)).to.contain('Tabelle non caricate: stages');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button.retry')!;
    expect(retry.textContent).to.equal('Riprova');
    retry.focus();
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    retry.click();
    await waitUntil(() => alertText(el) === '' && el.tables.some((t) => t.name === 'stages'), 'stages not loaded again', {
      timeout: 30000,
    });
    const ran = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
    void el.run('SELECT count(*) AS n FROM stages');
    expect((await ran).detail.rows).to.equal(1);
  });
});
