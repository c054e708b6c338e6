import { expect } from '@open-wc/testing';
import * as duckdb from '@duckdb/duckdb-wasm';
import { configure, getEngine } from '../../src/data/index.js';

describe('a page that hands in its own DuckDB-WASM instance', () => {
  it('is used as it is: piccoli starts no engine of its own', async () => {
    // The page's own DuckDB-WASM, from the package's own files (not piccoli's gzipped wasm).
    const dist = '/node_modules/@duckdb/duckdb-wasm/dist';
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(`${dist}/duckdb-browser-eh.worker.js`));
    await db.instantiate(`${dist}/duckdb-eh.wasm`);
    const conn = await db.connect();
    await conn.query(`CREATE TABLE page_owned AS SELECT 'Baschi' AS comune`);
    configure({ duckdb: db });
    const t = await getEngine().query('SELECT comune FROM page_owned');
    expect(t.getChild('comune')!.get(0)).to.equal('Baschi');
    expect(getEngine().instancesStarted).to.equal(0);
    expect(getEngine().external).to.equal(true);
    const info = await getEngine().load({ name: 'rows', url: '/test/fixtures/generated/rows.csv' });
    expect(info.rows).to.equal(5000);
    const mine = await conn.query('SELECT count(*)::INTEGER AS n FROM rows');
    expect(mine.getChild('n')!.get(0)).to.equal(5000); // the page sees what piccoli loaded
  });
});
