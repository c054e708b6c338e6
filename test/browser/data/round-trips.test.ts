import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import { getEngine } from '../../../src/data/engine.js';

/**
 * What a plain national funnel on a file without a cube asks the engine's worker: every
 * statement is a round trip to a worker that answers one message at a time. Counted at
 * the worker's door (its postMessage), as DuckDB-WASM sends them.
 */
const sent: { type: string; sql?: string }[] = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
  const m = message as { type?: string; data?: unknown };
  const sql = Array.isArray(m?.data) ? m.data.find((x): x is string => typeof x === 'string' && /^\s*[A-Z]{3}/.test(x)) : undefined;
  sent.push({ type: String(m?.type), sql });
  return (post as (...a: unknown[]) => void).call(this, message, ...rest);
} as typeof post;

const expected: { national: number[] } = await (await fetch('/test/fixtures/generated/funnel-expected.json')).json();

function shownCounts(el: Element): number[] {
  return [...el.shadowRoot!.querySelectorAll('tbody td.count')].map((td) => {
    const cell = td.cloneNode(true) as Element;
    cell.querySelector('.basis')?.remove();
    return Number(cell.textContent!.trim().replaceAll('.', ''));
  });
}

describe('engine round trips', () => {
  it('a national funnel: the lock-down in one statement, no provinces lookup, the same numbers', async () => {
    const el = await fixture(html`<piccoli-progress src="/test/fixtures/generated/events-nocube.arrow"></piccoli-progress>`);
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]') && shownCounts(el).length > 0, 'no numbers', {
      timeout: 30000,
    });
    expect(shownCounts(el)).to.deep.equal(expected.national);
    const statements = sent.filter((m) => m.type === 'RUN_QUERY' || m.type === 'CREATE_PREPARED');
    const settings = statements.filter((m) => /^\s*SET\b/.test(m.sql ?? ''));
    expect(settings, 'the settings, sent as one text').to.have.length(1);
    expect(settings[0]!.sql).to.match(/lock_configuration = true/);
    expect(statements.filter((m) => /GROUP BY province_code/.test(m.sql ?? ''))).to.have.length(0);
    // settings, rename with columns, shape, programmes, stages, areas, days, funnel
    expect(statements).to.have.length(8);
    expect(sent.filter((m) => m.type === 'CONNECT').length).to.be.at.most(3);
    // The lock-down holds.
    const t = await getEngine().query(
      "SELECT current_setting('lock_configuration') AS locked, current_setting('enable_external_access') AS ext",
    );
    expect(t.toArray()[0]!.toJSON()).to.deep.equal({ locked: true, ext: false });
  });
});
