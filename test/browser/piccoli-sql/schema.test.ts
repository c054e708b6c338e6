import { expect } from '@open-wc/testing';
import { completionSchema, groupColumns, rowCountsSql, sqlName } from '../../../src/components/piccoli-sql/schema.js';
import { getEngine } from '../../../src/data/engine.js';

describe('schema', () => {
  it('counts the rows of every table in one query, names quoted, and DuckDB runs it', async () => {
    const sql = rowCountsSql(['comuni', 'strano "nome"']);
    expect(sql).to.equal(
      'SELECT 0::INTEGER AS i, count(*)::BIGINT AS n FROM "comuni"\nUNION ALL\nSELECT 1::INTEGER AS i, count(*)::BIGINT AS n FROM "strano ""nome"""',
    );
    await getEngine().query('CREATE OR REPLACE TABLE "strano ""nome""" AS SELECT * FROM range(3)');
    await getEngine().query('CREATE OR REPLACE TABLE comuni_x AS SELECT 1');
    const t = await getEngine().query(rowCountsSql(['strano "nome"', 'comuni_x']));
    expect(t.toArray().map((r) => r.toJSON())).to.deep.equal([
      { i: 0, n: 3n },
      { i: 1, n: 1n },
    ]);
  });

  it('groups the columns query by table, in order', () => {
    const rows = [
      { table_name: 'a', column_name: 'x', data_type: 'INTEGER' },
      { table_name: 'a', column_name: 'y', data_type: 'VARCHAR' },
      { table_name: 'b', column_name: 'z', data_type: 'DATE' },
    ];
    expect(groupColumns(rows)).to.deep.equal([
      {
        name: 'a',
        rows: null,
        columns: [
          { name: 'x', type: 'INTEGER' },
          { name: 'y', type: 'VARCHAR' },
        ],
      },
      { name: 'b', rows: null, columns: [{ name: 'z', type: 'DATE' }] },
    ]);
  });

  it('types a plain name bare and any other quoted', () => {
    expect(['comuni', 'Comuni', 'da te', 'x1_'].map(sqlName)).to.deep.equal(['comuni', '"Comuni"', '"da te"', 'x1_']);
  });

  it('offers the columns of each table to autocomplete, with their types', () => {
    expect(completionSchema([{ name: 't', rows: 1, columns: [{ name: 'c', type: 'BIGINT' }] }])).to.deep.equal({
      t: [{ label: 'c', type: 'property', detail: 'BIGINT' }],
    });
  });
});
