// Published figures: each one with the day it describes, its area and its source, the
// same in programmes-meta.json and published-figures.parquet, and reproduced by the data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { checkFigureShapes, checkFigures } from '../../data/scripts/lib/figures.mjs';
import { openDb, sqlString } from '../../data/scripts/lib/duck.mjs';
import { file, q } from './helpers.mjs';

const ANCI = 'ANCI Campania, «Progetto Piccoli: termine per la presentazione dei progetti prorogato al 30 aprile»';
const UPI_FOCUS = 'UPI, progetto Province & Comuni (provincecomuni.eu), notizia «Focus group» (27 febbraio 2022)';
const UPI_BOTH = 'UPI, progetto Province & Comuni (provincecomuni.eu), «Stato di avanzamento» e notizia «Focus group» (27 febbraio 2022)';
const SIENA = 'Provincia di Siena, comunicati sul kick-off di Next Generation Siena del 24 marzo 2022';

/** What programmes-meta.json must say, field for field and in this order. */
const EXPECTED = {
  piccoli: [
    { stage: 'engaged', as_of: '2021-10-31', count: 612, level: 'italy', area: null, source: ANCI },
    { stage: 'needs_analysis', as_of: '2021-10-31', count: 568, level: 'italy', area: null, source: ANCI },
    { stage: 'plan_submitted', as_of: '2021-10-31', count: 485, level: 'italy', area: null, source: ANCI },
  ],
  'province-e-comuni': [
    { stage: 'eligible', as_of: '2021-12-31', count: 76, level: 'italy', area: null, source: UPI_BOTH },
    { stage: 'mapping', as_of: '2021-12-31', count: 76, level: 'italy', area: null, source: UPI_BOTH },
    {
      stage: 'focus_group',
      as_of: '2021-12-31',
      count: 15,
      level: 'other',
      area: null,
      source: UPI_FOCUS,
      published_on: '2022-02-27',
      out_of_published: 20,
    },
  ],
  'next-generation-siena': [{ stage: 'kick_off', as_of: '2022-03-24', count: 24, level: 'province', area: '052', source: SIENA }],
  'piacenza-fabbisogni': [],
};

describe('published figures', () => {
  test('programmes-meta.json: as_of, level, area, source (published_on only where given), exactly these fields', () => {
    const meta = JSON.parse(readFileSync(file('programmes-meta.json'), 'utf8'));
    for (const p of meta.programmes) {
      const expected = EXPECTED[/** @type {keyof typeof EXPECTED} */ (p.programme)];
      assert.deepEqual(p.published_figures, expected, p.programme);
      // deepEqual ignores key order; the field order is part of the shape too.
      assert.deepEqual(
        p.published_figures.map((/** @type {object} */ f) => Object.keys(f)),
        expected.map((f) => Object.keys(f)),
      );
    }
  });

  test('published-figures.parquet: the same figures, typed, for the console', async () => {
    const path = sqlString(file('published-figures.parquet'));
    const cols = await q(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${path}))`);
    assert.deepEqual(
      cols.map((c) => [c.column_name, c.column_type]),
      [
        ['programme', 'VARCHAR'],
        ['level', 'VARCHAR'],
        ['area_code', 'VARCHAR'],
        ['as_of', 'DATE'],
        ['stage', 'VARCHAR'],
        ['value', 'BIGINT'],
        ['source', 'VARCHAR'],
        ['published_on', 'DATE'],
      ],
    );
    // BIGINT comes back as text in JSON form; the values are small.
    const rows = await q(`SELECT * REPLACE (value::INTEGER AS value) FROM read_parquet(${path}) ORDER BY programme, stage`);
    const fromMeta = Object.entries(EXPECTED)
      .flatMap(([programme, figures]) =>
        figures.map((f) => ({
          programme,
          level: f.level,
          area_code: f.area,
          as_of: f.as_of,
          stage: f.stage,
          value: f.count,
          source: f.source,
          published_on: /** @type {any} */ (f).published_on ?? null,
        })),
      )
      .sort((a, b) => a.programme.localeCompare(b.programme) || a.stage.localeCompare(b.stage));
    assert.deepEqual(rows, fromMeta);
  });

  test('the check counts each figure in its area at its date, and names the source when one does not hold', async () => {
    const conn = await openDb();
    await conn.run(`CREATE VIEW events AS SELECT * FROM read_parquet(${sqlString(file('programmes.parquet'))})`);
    const sources = JSON.parse(readFileSync(file('sources/programmes.json'), 'utf8'));
    assert.deepEqual(await checkFigures(conn, sources.programmes, 'events'), []);
    const siena = sources.programmes.find((/** @type {any} */ p) => p.id === 'next-generation-siena');
    // The same 24 comuni counted in another province, or a day earlier, are not the published figure.
    const moved = { ...siena, published_figures: [{ ...siena.published_figures[0], area: '053' }] };
    const early = { ...siena, published_figures: [{ ...siena.published_figures[0], as_of: '2022-03-23' }] };
    assert.deepEqual(await checkFigures(conn, [moved, early], 'events'), [
      `next-generation-siena kick_off at 2022-03-24 (province 053): 0 in the data, published 24 (source: ${SIENA})`,
      `next-generation-siena kick_off at 2022-03-23 (province 052): 0 in the data, published 24 (source: ${SIENA})`,
    ]);
    conn.closeSync();
  });

  test('a figure without its date, level or source stops the build', () => {
    const prog = { id: 'p', stages: [{ stage: 'eligible' }], published_figures: [{}] };
    const bad = (/** @type {any} */ f) => () =>
      checkFigureShapes([
        {
          ...prog,
          published_figures: [{ stage: 'eligible', as_of: '2022-01-01', count: 1, level: 'italy', area: null, source: 'x', ...f }],
        },
      ]);
    assert.doesNotThrow(bad({}));
    assert.throws(bad({ as_of: undefined }), /as_of 'undefined' is not a YYYY-MM-DD date/);
    assert.throws(bad({ level: 'nation' }), /level 'nation'/);
    assert.throws(bad({ level: 'province', area: '52' }), /area '52' does not fit level 'province'/);
    assert.throws(bad({ source: '' }), /needs its source/);
    assert.throws(bad({ published_on: '2021-12-31' }), /published_on 2021-12-31 is before as_of 2022-01-01/);
  });
});
