import { expect } from '@open-wc/testing';
import type { Table } from 'apache-arrow';
import { getEngine } from '../../../../src/data/engine.js';
import { loadEvents } from '../../../../src/data/programme-data.js';
import { cubeEntitiesQuery, cubeProvincesQuery, cubeStagesQuery } from '../../../../src/data/sql/cube.js';

// The SQL the cube is built with (src/data/sql/cube.ts): the exact strings, and that
// DuckDB-WASM runs them on the bundled data giving what the cube holds.

const columns = (t: Table) => t.schema.fields.map((f) => `${f.name}: ${String(f.type)}`);
/** Rows as plain objects, lists as arrays. */
const rows = (t: Table) =>
  t
    .toArray()
    .map((r) =>
      Object.fromEntries(
        Object.entries(r.toJSON()).map(([k, v]) => [
          k,
          v && typeof v === 'object' && 'toArray' in v ? [...(v as unknown as Iterable<unknown>)] : v,
        ]),
      ),
    );

describe('cube SQL builders', () => {
  it('cubeEntitiesQuery builds this exact SQL, with or without provenance', () => {
    expect(cubeEntitiesQuery('events')).to.deep.equal({
      sql:
        'SELECT programme, entity_code, min(entity_name) AS entity_name, min(province_code) AS province_code, ' +
        "list(strftime(date, '%Y-%m-%d') ORDER BY stage_order) AS dates, list(provenance = 'simulated' ORDER BY stage_order) AS simulated " +
        'FROM "events" GROUP BY programme, entity_code ORDER BY programme, entity_code',
      params: [],
    });
    expect(cubeEntitiesQuery('events', false).sql).to.equal(
      'SELECT programme, entity_code, min(entity_name) AS entity_name, min(province_code) AS province_code, ' +
        "list(strftime(date, '%Y-%m-%d') ORDER BY stage_order) AS dates, list(NULL::BOOLEAN ORDER BY stage_order) AS simulated " +
        'FROM "events" GROUP BY programme, entity_code ORDER BY programme, entity_code',
    );
  });

  it('cubeProvincesQuery and cubeStagesQuery build this exact SQL', () => {
    expect(cubeProvincesQuery('events')).to.deep.equal({
      sql:
        'SELECT province_code, min(province_sigla) AS province_sigla, min(province_name) AS province_name, ' +
        'min(region_code) AS region_code, min(region_name) AS region_name FROM "events" ' +
        'GROUP BY province_code ORDER BY province_code',
      params: [],
    });
    expect(cubeStagesQuery('my "events"')).to.deep.equal({
      sql:
        'SELECT programme, stage_order::INTEGER AS stage_order, min(stage) AS stage FROM "my ""events""" ' +
        'GROUP BY programme, stage_order ORDER BY programme, stage_order',
      params: [],
    });
  });

  it('DuckDB runs cubeEntitiesQuery: each entity once, its stage days and provenance in stage order', async () => {
    const { table } = await loadEvents();
    const t = await getEngine().query(cubeEntitiesQuery(table).sql);
    expect(columns(t)).to.deep.equal([
      'programme: Utf8',
      'entity_code: Utf8',
      'entity_name: Utf8',
      'province_code: Utf8',
      'dates: List<Utf8>',
      'simulated: List<Bool>',
    ]);
    expect(t.numRows).to.equal(5633);
    const siena = rows(t).filter((r) => r.programme === 'next-generation-siena');
    expect(siena.slice(0, 3)).to.deep.equal([
      {
        programme: 'next-generation-siena',
        entity_code: '052001',
        entity_name: 'Abbadia San Salvatore',
        province_code: '052',
        dates: ['2022-03-24'],
        simulated: [false],
      },
      {
        programme: 'next-generation-siena',
        entity_code: '052002',
        entity_name: 'Asciano',
        province_code: '052',
        dates: ['2022-03-24'],
        simulated: [false],
      },
      {
        programme: 'next-generation-siena',
        entity_code: '052003',
        entity_name: 'Buonconvento',
        province_code: '052',
        dates: ['2022-03-24', '2022-03-24', '2022-07-22'],
        simulated: [false, true, true],
      },
    ]);
    const without = await getEngine().query(cubeEntitiesQuery(table, false).sql);
    expect(columns(without).at(-1)).to.equal('simulated: List<Bool>');
    expect(rows(without)[0]!.simulated).to.deep.equal([null]);
  });

  it('DuckDB runs cubeProvincesQuery and cubeStagesQuery: every province once, every programme stage in order', async () => {
    const { table } = await loadEvents();
    const p = await getEngine().query(cubeProvincesQuery(table).sql);
    expect(columns(p)).to.deep.equal([
      'province_code: Utf8',
      'province_sigla: Utf8',
      'province_name: Utf8',
      'region_code: Utf8',
      'region_name: Utf8',
    ]);
    expect(p.numRows).to.equal(107);
    expect(rows(p).filter((r) => r.province_code === '033' || r.province_code === '052')).to.deep.equal([
      { province_code: '033', province_sigla: 'PC', province_name: 'Piacenza', region_code: '08', region_name: 'Emilia-Romagna' },
      { province_code: '052', province_sigla: 'SI', province_name: 'Siena', region_code: '09', region_name: 'Toscana' },
    ]);
    const s = await getEngine().query(cubeStagesQuery(table).sql);
    expect(columns(s)).to.deep.equal(['programme: Utf8', 'stage_order: Int32', 'stage: Utf8']);
    const byProgramme: Record<string, string[]> = {};
    for (const r of rows(s)) (byProgramme[r.programme as string] ??= []).push(`${r.stage_order} ${r.stage}`);
    expect(byProgramme).to.deep.equal({
      'next-generation-siena': ['0 eligible', '1 kick_off', '2 labs', '3 completed'],
      'piacenza-fabbisogni': ['0 eligible', '1 survey_answered', '2 report_presented'],
      piccoli: ['0 eligible', '1 engaged', '2 needs_analysis', '3 plan_submitted', '4 specialist_support'],
      'province-e-comuni': ['0 eligible', '1 mapping', '2 focus_group', '3 model_transfer'],
    });
  });
});
