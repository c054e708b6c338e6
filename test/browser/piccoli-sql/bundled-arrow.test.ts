import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliQueryErrorEvent, PiccoliQueryRunEvent } from '../../../src/components/piccoli-sql/events.js';
import { getEngine } from '../../../src/data/engine.js';

/*
 * The console's six bundled tables come from the Arrow twins of the Parquet files
 * (dist/data/*.arrow): no Parquet file and no Parquet reader (parquet-wasm: 1.7 MB) is
 * fetched, and each table has the columns, types and rows DuckDB reads from its Parquet
 * file. This file runs in a page of its own, so its engine starts empty and every
 * request below is this console's.
 */

const TABLES: [table: string, parquet: string][] = [
  ['programme_events', 'programmes'],
  ['comuni', 'comuni'],
  ['stages', 'stages'],
  ['choices', 'choices'],
  ['programmes', 'programmes-meta'],
  ['published_figures', 'published-figures'],
];

/** Every URL this page fetched (scripts, data, wasm), from the browser's own resource timing. */
function fetched(): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name);
}

async function columns(table: string): Promise<string[]> {
  const t = await getEngine().query(`DESCRIBE "${table}"`);
  return t.toArray().map((r) => `${String(r.column_name)} ${String(r.column_type)}`);
}

async function count(sql: string): Promise<number> {
  const t = await getEngine().query(`SELECT count(*)::INTEGER AS n FROM (${sql})`);
  return t.getChild('n')!.get(0) as number;
}

describe('<piccoli-sql> bundled tables from Arrow', () => {
  it('loads all six tables and runs a query with no Parquet file and no Parquet reader fetched', async () => {
    const el = await fixture<PiccoliSql>(html`<piccoli-sql no-url history-key=""></piccoli-sql>`);
    await waitUntil(() => el.tables.length >= 6, 'the bundled tables never loaded', { timeout: 60000 });
    expect(el.tables.map((t) => t.name)).to.include.members(TABLES.map(([t]) => t));

    const ran = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
    const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
    void el.run(`SELECT c.province_sigla, s.label_it, count(*)::INTEGER AS n
      FROM programme_events e JOIN comuni c ON c.istat_code = e.entity_code JOIN stages s USING (programme, stage)
      JOIN programmes p USING (programme)
      WHERE e.programme = 'piccoli' AND c.province_sigla = 'PC' AND e.date <= DATE '2021-10-31' AND e.stage_order > 0
      GROUP BY ALL ORDER BY n DESC`);
    const first = await Promise.race([ran, failed]);
    expect(first.type, (first as PiccoliQueryErrorEvent).detail?.message).to.equal('piccoli-query-run');
    expect((first as PiccoliQueryRunEvent).detail.rows).to.be.greaterThan(0);

    const urls = fetched();
    const data = urls.filter((u) => /\/data\/[\w-]+\.arrow/.test(decodeURIComponent(u)));
    expect(data.length, urls.join('\n')).to.be.at.least(6);
    // Not the test server's `/__asset__?spec=…` modules: each is one line exporting a URL
    // (the build inlines it), and the URL's file is fetched only if it is used.
    const parquet = urls.filter((u) => !u.includes('/__asset__?') && /\.parquet(\?|$)|parquet[-_]wasm/i.test(decodeURIComponent(u)));
    expect(parquet.join('\n')).to.equal('');
  });

  it('each table has the columns, types and rows DuckDB reads from its Parquet file', async () => {
    const engine = getEngine();
    for (const [table, name] of TABLES) {
      const twin = `${table}_from_parquet`;
      await engine.load({ name: twin, url: `/data/${name}.parquet` });
      expect(await columns(table), table).to.deep.equal(await columns(twin));
      expect(await count(`SELECT * FROM "${table}"`), table).to.equal(await count(`SELECT * FROM "${twin}"`));
      expect(await count(`SELECT * FROM "${table}" EXCEPT ALL SELECT * FROM "${twin}"`), `${table} rows not in ${name}.parquet`).to.equal(
        0,
      );
      expect(await count(`SELECT * FROM "${twin}" EXCEPT ALL SELECT * FROM "${table}"`), `${name}.parquet rows not in ${table}`).to.equal(
        0,
      );
    }
    // Codes keep their leading zeros as text; dates, counts and flags keep their types.
    expect(await columns('comuni')).to.include.members([
      'istat_code VARCHAR',
      'province_code VARCHAR',
      'population INTEGER',
      'is_small BOOLEAN',
    ]);
    expect(await columns('programme_events')).to.include.members(['entity_code VARCHAR', 'stage_order INTEGER', 'date DATE']);
    expect(await columns('published_figures')).to.include.members(['as_of DATE', 'value BIGINT', 'area_code VARCHAR']);
    expect(await columns('programmes')).to.include.members(['start_date DATE', 'budget_eur INTEGER']);
    const agli = await engine.query(`SELECT name, province_code FROM comuni WHERE istat_code = '001001'`);
    expect(agli.toArray().map((r) => r.toJSON())).to.deep.equal([{ name: 'Agliè', province_code: '001' }]);
  });
});
