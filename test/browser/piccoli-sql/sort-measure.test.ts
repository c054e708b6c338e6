import { expect } from '@open-wc/testing';
import type { Table } from 'apache-arrow';
import type { ArrowVectorLike } from '../../../src/components/piccoli-sql/format/arrow.js';
import { sortKey } from '../../../src/components/piccoli-sql/format/kind.js';
import { compareKeys, sortOrder } from '../../../src/components/piccoli-sql/sort-order.js';
import { getEngine } from '../../../src/data/engine.js';

/**
 * Sorting a million-row result in the console: the radix sort of sort-order.ts against
 * the comparison sort it replaced, and against re-running the query in DuckDB with
 * ORDER BY (bounded as the console runs it). The times are printed, not asserted (they
 * belong to the bench); the orders are asserted equal to the comparison sort's.
 */
const ROWS = 1_000_000;
const SQL = `SELECT range AS i, (hash(range) % 1000000)::BIGINT AS h, hash(range)::DOUBLE / 7 AS x,
  (range * 37 % 9973)::DECIMAL(18,3) AS d, 'riga ' || (hash(range) % 5000) AS label,
  'voce ' || range AS distinct_label, DATE '2020-01-01' + (range % 1000)::INTEGER AS day,
  CASE WHEN range % 10 = 0 THEN NULL ELSE range % 97 END AS with_nulls
  FROM range(${ROWS})`;

/** The order the console computed before: each row's key compared, ties in row order. */
function referenceOrder(v: ArrowVectorLike, rows: number, dir: 1 | -1): Uint32Array {
  const keys = Array.from({ length: rows }, (_, r) => sortKey(v, r));
  return Uint32Array.from({ length: rows }, (_, r) => r).sort((a, b) => compareKeys(keys[a]!, keys[b]!, dir) || a - b);
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

describe('sorting 1 000 000 rows of a console result', () => {
  let table: Table;
  before(async function () {
    this.timeout(120_000);
    table = await getEngine().query(SQL);
  });

  for (const column of ['h', 'x', 'd', 'label', 'day', 'with_nulls', 'distinct_label']) {
    it(`${column}: the radix sort gives the comparison sort's order, both directions`, function () {
      this.timeout(120_000);
      const v = table.getChild(column) as unknown as ArrowVectorLike;
      for (const dir of [1, -1] as const) {
        const [fast, fastMs] = time(() => sortOrder(v, ROWS, dir));
        const [slow, slowMs] = time(() => referenceOrder(v, ROWS, dir));
        console.log(`sort ${column} ${dir === 1 ? 'asc' : 'desc'}: radix ${fastMs.toFixed(0)} ms, comparison ${slowMs.toFixed(0)} ms`);
        let same = fast.length === slow.length;
        for (let k = 0; same && k < ROWS; k++) same = fast[k] === slow[k];
        expect(same, `${column} ${dir}`).to.equal(true);
      }
    });
  }

  it('re-running the query in DuckDB with ORDER BY (for the record)', async function () {
    this.timeout(120_000);
    for (const column of ['h', 'label', 'distinct_label']) {
      const t0 = performance.now();
      const r = await getEngine().queryBounded(`SELECT * FROM (${SQL}) ORDER BY ${column} NULLS LAST`, { maxRows: 2_000_000 });
      console.log(`engine ORDER BY ${column}: ${(performance.now() - t0).toFixed(0)} ms (${r.table.numRows} rows)`);
      expect(r.table.numRows).to.equal(ROWS);
    }
  });
});
