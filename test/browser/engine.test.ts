import { expect } from '@open-wc/testing';
import { getEngine, PiccoliDataError, type LoadProgress } from '../../src/data/index.js';

const FIX = '/test/fixtures/generated/';
interface Expected {
  rows: number;
  columns: string[];
  byProvince: { province: string; n: number; total: number }[];
  all: Record<string, unknown>[];
  nulls: number;
}
const expected: Expected = await (await fetch(`${FIX}expected.json`)).json();

/** Rows as plain objects, in the shape @duckdb/node-api wrote them to expected.json. */
async function allRows(table: string) {
  const t = await getEngine().query(
    `SELECT id::INTEGER AS id, comune, province, stage_order::INTEGER AS stage_order, strftime(date, '%Y-%m-%d') AS date, value FROM "${table}" ORDER BY id`,
  );
  return t.toArray().map((r) => ({ ...r.toJSON() }));
}

describe('the shared engine', () => {
  it('starts exactly one DuckDB instance however many callers ask at once', async () => {
    const engine = getEngine();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => engine.query('SELECT ?::INTEGER AS i', [i])));
    expect(answers.map((t) => t.getChild('i')!.get(0))).to.deep.equal([...Array(12).keys()]);
    expect(engine.instancesStarted).to.equal(1);
    expect(getEngine()).to.equal(engine);
  });

  for (const [label, file] of [
    ['Parquet (parquet-wasm fallback)', 'rows.parquet'],
    ['Arrow IPC file', 'rows.arrow'],
    ['Arrow IPC stream', 'rows.arrows'],
    ['CSV', 'rows.csv'],
  ] as const) {
    it(`loads ${label} with the same rows native DuckDB reads from the Parquet file`, async () => {
      const name = `rt_${file.replace(/\W/g, '_')}`;
      const info = await getEngine().load({ name, url: `${FIX}${file}`, format: file.endsWith('.arrows') ? 'arrow' : undefined });
      expect(info.rows).to.equal(expected.rows);
      expect(info.columns.map((c) => c.name)).to.deep.equal(expected.columns);
      const rows = await allRows(name);
      expect(rows).to.deep.equal(expected.all);
      const byProvince = await getEngine().query(
        `SELECT province, count(*)::INTEGER AS n, round(sum(value), 2)::DOUBLE AS total FROM "${name}" GROUP BY ALL ORDER BY province`,
      );
      expect(byProvince.toArray().map((r) => ({ ...r.toJSON() }))).to.deep.equal(expected.byProvince);
    });
  }

  it('returns ENUM values, with and without parameters', async () => {
    const t = await getEngine().query(`SELECT 'b'::ENUM('a', 'b') AS v, NULL::ENUM('a', 'b') AS n`);
    expect(t.toArray().map((r) => r.toJSON())).to.deep.equal([{ v: 'b', n: null }]);
    const p = await getEngine().query(`SELECT ?::ENUM('a', 'b') AS v`, ['a']);
    expect(p.getChild('v')!.get(0)).to.equal('a');
  });

  it("one query's session state (temporary tables, variables) never reaches another's", async () => {
    const engine = getEngine();
    await engine.query('CREATE TEMP TABLE scratch AS SELECT 1 AS x');
    // Settings are locked (sandbox.ts); a variable is session state all the same.
    await engine.query("SET VARIABLE nulls = 'nulls_first'");
    for (let i = 0; i < 6; i++) {
      const t = await engine.query(
        "SELECT (SELECT count(*) FROM duckdb_tables() WHERE temporary)::INTEGER AS temps, getvariable('nulls') AS nulls",
      );
      expect(t.toArray().map((r) => r.toJSON())).to.deep.equal([{ temps: 0, nulls: null }]);
    }
  });

  it('loads an in-memory Arrow table', async () => {
    const { tableFromArrays } = await import('apache-arrow');
    const t = tableFromArrays({ sigla: ['PC', 'SI'], n: Int32Array.from([48, 35]) });
    const info = await getEngine().load({ name: 'mem', table: t });
    expect(info.rows).to.equal(2);
    const r = await getEngine().query('SELECT sum(n)::INTEGER AS s FROM mem WHERE sigla = ?', ['PC']);
    expect(r.getChild('s')!.get(0)).to.equal(48);
  });

  it('reports download progress up to the whole file', async () => {
    const seen: LoadProgress[] = [];
    await getEngine().load({ name: 'progress_csv', url: `${FIX}rows.csv` }, { onProgress: (p) => seen.push(p) });
    expect(seen.length).to.be.greaterThan(1);
    const last = seen.at(-1)!;
    expect(last.loaded).to.equal(last.total);
    expect(last.loaded).to.be.greaterThan(200_000);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.loaded).to.be.at.least(seen[i - 1]!.loaded);
  });

  it('shares one download when several callers load the same source', async () => {
    const engine = getEngine();
    const before = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('rows.parquet?shared')).length;
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => engine.load({ name: 'shared', url: `${FIX}rows.parquet?shared` })));
    expect(a).to.equal(b);
    expect(b).to.equal(c);
    const after = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('rows.parquet?shared')).length;
    expect(after - before).to.equal(1);
  });

  it('binds parameters as values: a hostile string does not change the query', async () => {
    await getEngine().load({ name: 'hostile', url: `${FIX}rows.parquet` });
    const hostile = "PC' OR 1=1 --";
    const r = await getEngine().query('SELECT count(*)::INTEGER AS n FROM hostile WHERE province = ?', [hostile]);
    expect(r.getChild('n')!.get(0)).to.equal(0);
    const drop = await getEngine().query('SELECT count(*)::INTEGER AS n FROM hostile WHERE province = ?', ["'; DROP TABLE hostile; --"]);
    expect(drop.getChild('n')!.get(0)).to.equal(0);
    const still = await getEngine().query('SELECT count(*)::INTEGER AS n FROM hostile');
    expect(still.getChild('n')!.get(0)).to.equal(5000);
  });

  it('cancels a running query and answers the next one', async () => {
    const engine = getEngine();
    const ctrl = new AbortController();
    const slow = engine.query('SELECT count(*) FROM range(2000000000) a(x) WHERE (x * 7919) % 104729 = 17', [], { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 300);
    const t0 = performance.now();
    const err = await slow.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(PiccoliDataError);
    expect((err as PiccoliDataError).code).to.equal('aborted');
    expect(performance.now() - t0).to.be.below(15_000);
    const r = await engine.query('SELECT 41 + 1 AS x');
    expect(r.getChild('x')!.get(0)).to.equal(42);
  });
});
