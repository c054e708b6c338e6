import { expect } from '@open-wc/testing';
import { getEngine } from '../../../../src/data/engine.js';
import { loadEvents } from '../../../../src/data/programme-data.js';
import { REACHED_BY_SQL, reachedBy } from '../../../../src/data/sql/definition.js';

// The one definition every number follows (src/data/sql/definition.ts): an entity reached
// stage n by day d when its row of stage n is dated on or before d; in SQL and in JavaScript.

describe('the definition of "reached by"', () => {
  it('REACHED_BY_SQL is this exact predicate, with the day bound as a parameter', () => {
    expect(REACHED_BY_SQL).to.equal('date <= CAST(? AS DATE)');
  });

  it('reachedBy counts a stage from its very day, on ISO days', () => {
    const dates = ['2021-05-03', '2021-06-10', '2021-09-01'];
    expect([0, 1, 2].map((s) => reachedBy(dates, s, '2021-06-10'))).to.deep.equal([true, true, false]);
    expect([0, 1, 2].map((s) => reachedBy(dates, s, '2021-06-09'))).to.deep.equal([true, false, false]);
    expect([0, 1, 2].map((s) => reachedBy(dates, s, '2021-05-02'))).to.deep.equal([false, false, false]);
    expect(reachedBy(dates, 3, '2030-01-01'), 'a stage the entity never reached').to.equal(false);
  });

  it('reachedBy gives the same answers on day numbers, as the cube stores them', () => {
    const days = [18750, 18788, 18871];
    expect([0, 1, 2].map((s) => reachedBy(days, s, 18788))).to.deep.equal([true, true, false]);
    expect([0, 1, 2].map((s) => reachedBy(days, s, 18787))).to.deep.equal([true, false, false]);
    expect(reachedBy(days, 5, 99999)).to.equal(false);
    expect(reachedBy([], 0, 99999)).to.equal(false);
  });

  it('DuckDB accepts the predicate: PICCOLI had 612 comuni engaged by 2021-10-31, 0 the day before the start', async () => {
    const { table } = await loadEvents();
    const sql = `SELECT count(*)::INTEGER AS n FROM "${table}" WHERE programme = ? AND stage_order = ? AND ${REACHED_BY_SQL}`;
    const engaged = await getEngine().query(sql, ['piccoli', 1, '2021-10-31']);
    expect(engaged.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).to.deep.equal(['n: Int32']);
    expect(engaged.getChild('n')!.get(0)).to.equal(612);
    const before = await getEngine().query(sql, ['piccoli', 0, '2021-05-02']);
    expect(before.getChild('n')!.get(0)).to.equal(0);
    const start = await getEngine().query(sql, ['piccoli', 0, '2021-05-03']);
    expect(start.getChild('n')!.get(0)).to.equal(5490);
  });
});
