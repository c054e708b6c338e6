import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { clickhouseConnector, type ClickHouseConnectorOptions } from '../../../src/data/clickhouse/connector.js';
import { configure } from '../../../src/data/configure.js';
import { Coordinator } from '../../../src/query/coordinator.js';
import { coordinatorContext } from '../../../src/query/context.js';
import { CubeBackend } from '../../../src/query/backends/cube-backend.js';
import { DuckDBBackend } from '../../../src/query/backends/duckdb-backend.js';
import type { AreaLevel, AreasRequest, FunnelRequest, QueryRequest, TrendRequest } from '../../../src/query/types.js';
import { describeError } from '../../../src/i18n/errors.js';
import {
  CATALOGUE_COLUMNS,
  catalogueTypeFits,
  chCatalogueAreasQuery,
  chCatalogueLastDateQuery,
  chCatalogueProgrammesQuery,
  chCatalogueProvincesQuery,
  chCatalogueStagesQuery,
} from '../../../src/data/sql/clickhouse.js';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import '../../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliProgress } from '../../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliMap } from '../../../src/components/piccoli-map/piccoli-map.js';
import { alertText, counts, rejection, settled, thrown } from '../helpers.js';

/*
 * The connector's `catalogue` option against the real two-shard ClickHouse 18.16 of
 * test/clickhouse/: `events_catalogue`, a materialised view on each shard's events table
 * into a small AggregatingMergeTree table, with a Distributed table over it, created by the
 * harness before the events were loaded (cluster.mjs, catalogueDdl). With it, the
 * programmes, provinces, stages and days are read from the catalogue, and every answer is
 * the same as without it and as @duckdb/node-api's over the same rows (/__duckdb_node__).
 */

interface User {
  user: string;
  password: string;
}
const info: { url: string; database: string; table: string; catalogue: string; users: Record<'reader' | 'ro1', User> } = await (
  await fetch('/__ch_info__')
).json();

function connector(o: Partial<ClickHouseConnectorOptions> = {}) {
  return clickhouseConnector({ url: info.url, database: info.database, ...info.users.reader, ...o });
}

/** A coordinator of its own (a new page's): its connector's catalogue and questions are asked anew. */
function coordinatorWith(o: Partial<ClickHouseConnectorOptions> = {}) {
  return new Coordinator([connector(o), new CubeBackend(), new DuckDBBackend()], () => Promise.resolve([]));
}

const withCatalogue = (o: Partial<ClickHouseConnectorOptions> = {}) => coordinatorWith({ catalogue: info.catalogue, ...o });

async function oracle(sql: string): Promise<unknown[][]> {
  const res = await fetch('/__duckdb_node__', { method: 'POST', body: sql });
  const body = await res.json();
  expect(res.status, body.error).to.equal(200);
  return body.rows;
}

/** Admin SQL on one shard of the cluster. */
async function admin(sql: string, shard: 1 | 2 = 1): Promise<string> {
  const res = await fetch(`/__ch_admin__?shard=${shard}`, { method: 'POST', body: sql });
  const text = await res.text();
  expect(res.status, text).to.equal(200);
  return text;
}
const onEveryShard = (sql: string) => Promise.all([admin(sql, 1), admin(sql, 2)]);

/** Create or drop a table set of the harness (events pair, catalogue) on both shards. */
async function tableSet(op: 'create' | 'drop', table: string): Promise<{ catalogue: string }> {
  const res = await fetch('/__ch_tables__', { method: 'POST', body: JSON.stringify({ [op]: table }) });
  const body = await res.json();
  expect(res.status, body.error).to.equal(200);
  return body;
}

const funnel = (o: Partial<FunnelRequest>): FunnelRequest => ({
  kind: 'funnel',
  src: null,
  programme: null,
  asOf: null,
  region: null,
  province: null,
  comune: null,
  ...o,
});
const areas = (programme: string, level: AreaLevel, stage: string, asOf: string | null = null): AreasRequest => ({
  kind: 'areas',
  src: null,
  programme,
  asOf,
  level,
  stage,
});
const trend = (o: Partial<TrendRequest>): TrendRequest => ({ ...funnel(o), kind: 'trend' }) as TrendRequest;

/** An answer as a reader's element gets it, as text to compare. */
const same = (a: unknown) => JSON.stringify(a);

/**
 * What the page asks the server, in order: `send x` when a query leaves, `recv x` when its
 * answer arrives; x is `probe` (what the server can do), `columns`, `catalogue` (a
 * question on the catalogue table), `events` (on the events table) or `other`.
 */
function recordQueries() {
  const log: string[] = [];
  const real = window.fetch;
  const kind = (sql: string) =>
    /version\(\)/.test(sql)
      ? 'probe'
      : /system\.columns/.test(sql)
        ? 'columns'
        : /`events_catalogue`/.test(sql)
          ? 'catalogue'
          : /`programme_events`/.test(sql)
            ? 'events'
            : 'other';
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes('/__ch__/')) return real(input, init);
    const k = kind(String(init?.body ?? ''));
    log.push(`send ${k}`);
    const res = await real(input, init);
    log.push(`recv ${k}`);
    return res;
  };
  return { log, stop: () => (window.fetch = real) };
}

// The page's own connector reads the catalogue: the elements below use it.
configure({ connector: connector({ catalogue: info.catalogue }) });

const programmes = (await oracle('SELECT DISTINCT programme FROM programme_events ORDER BY 1')).map((r) => String(r[0]));

describe('ClickHouse catalogue: the same answers as without it, and as DuckDB over the same rows', () => {
  const cat = withCatalogue();
  const plain = coordinatorWith();

  it('every programme’s funnel on its last day (the default), on 31 October 2021, for Italy, a region, a province and a comune', async () => {
    expect(programmes).to.have.length(4);
    for (const programme of programmes) {
      const [[last, comune, province, region]] = (await oracle(
        `SELECT strftime(max(date), '%Y-%m-%d'), min(entity_code) FILTER (WHERE entity_kind = 'comune'), min(province_code), min(region_code) FROM programme_events WHERE programme = '${programme}'`,
      )) as string[][];
      for (const asOf of [null, '2021-10-31']) {
        const scopes: [Partial<FunnelRequest>, string][] = [
          [{}, ''],
          [{ region: region! }, ` AND region_code = '${region}'`],
          [{ province: province! }, ` AND province_code = '${province}'`],
          ...(comune ? ([[{ comune }, ` AND entity_code = '${comune}'`]] as [Partial<FunnelRequest>, string][]) : []),
        ];
        for (const [scope, where] of scopes) {
          const what = `${programme} ${asOf} ${JSON.stringify(scope)}`;
          const req = funnel({ programme, asOf, ...scope });
          const [a, b] = await Promise.all([cat.request(req), plain.request(req)]);
          expect(same(a), what).to.equal(same(b));
          expect(a.asOf, what).to.equal(asOf ?? last);
          expect(a.programme.lastDate, what).to.equal(last);
          const rows = await oracle(
            `SELECT stage_order, count(*) FROM programme_events WHERE programme = '${programme}' AND date <= DATE '${a.asOf}'${where} GROUP BY 1 ORDER BY 1`,
          );
          const byOrder = new Map(rows.map((r) => [Number(r[0]), Number(r[1])]));
          expect(
            a.stages.map((s) => s.n),
            what,
          ).to.deep.equal(a.stages.map((s) => byOrder.get(s.order) ?? 0));
        }
      }
    }
  });

  it('the stages and first and last days of every programme are the events’ own', async () => {
    for (const programme of programmes) {
      const a = await cat.request(funnel({ programme }));
      const stages = await oracle(
        `SELECT stage_order, min(stage), strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d') FROM programme_events WHERE programme = '${programme}' GROUP BY 1 ORDER BY 1`,
      );
      expect(a.programme.stages.map((s) => [s.order, s.stage])).to.deep.equal(stages.map((r) => [Number(r[0]), r[1]]));
      expect([a.programme.firstDate, a.programme.lastDate]).to.deep.equal([
        stages.map((r) => String(r[2])).sort()[0],
        stages
          .map((r) => String(r[3]))
          .sort()
          .at(-1),
      ]);
    }
  });

  it('the area metric of every level, two stages, two days', async () => {
    for (const level of ['region', 'province', 'comune'] as const) {
      for (const stage of ['engaged', 'plan-submitted']) {
        for (const asOf of [null, '2021-10-31']) {
          const req = areas('piccoli', level, stage, asOf);
          const [a, b] = await Promise.all([cat.request(req), plain.request(req)]);
          expect(same(a), `${level} ${stage} ${asOf}`).to.equal(same(b));
          expect(a.rows.length).to.be.greaterThan(0);
        }
      }
    }
    const col = { region: 'region_code', province: 'province_code', comune: 'entity_code' };
    const a = await cat.request(areas('piccoli', 'province', 'engaged', '2021-10-31'));
    const rows = await oracle(
      `SELECT ${col.province}, count(*) FILTER (WHERE stage_order = 0), count(*) FILTER (WHERE stage_order = 1) FROM programme_events ` +
        `WHERE programme = 'piccoli' AND date <= DATE '2021-10-31' GROUP BY 1 HAVING count(*) FILTER (WHERE stage_order = 0) > 0 ORDER BY 1`,
    );
    expect(a.rows.map((r) => [r.code, r.eligible, r.reached])).to.deep.equal(rows.map((r) => [String(r[0]), Number(r[1]), Number(r[2])]));
  });

  it('the trend, for Italy, a region and a province', async () => {
    for (const scope of [{}, { region: 'Emilia-Romagna' }, { province: 'PC' }]) {
      const req = trend({ programme: 'piccoli', ...scope });
      const [a, b] = await Promise.all([cat.request(req), plain.request(req)]);
      expect(same(a), JSON.stringify(scope)).to.equal(same(b));
    }
  });

  it('names resolve as without it: a province by name and sigla, a region by name, a comune by name, a one-province programme', async () => {
    const reqs = [
      funnel({ programme: 'piccoli', province: 'Reggio Emilia' }),
      funnel({ programme: 'piccoli', province: 'pc' }),
      funnel({ programme: 'piccoli', region: 'Toscana' }),
      funnel({ programme: 'next-generation-siena' }),
      funnel({ programme: null }),
    ];
    const [[comune]] = (await oracle(
      `SELECT entity_name FROM programme_events WHERE programme = 'piccoli' AND entity_kind = 'comune' AND stage_order = 0 ORDER BY entity_code LIMIT 1`,
    )) as string[][];
    reqs.push(funnel({ programme: 'piccoli', comune: comune! }));
    for (const req of reqs) {
      const [a, b] = await Promise.all([cat.request(req), plain.request(req)]);
      expect(same(a), JSON.stringify(req)).to.equal(same(b));
    }
    const siena = await cat.request(funnel({ programme: 'next-generation-siena' }));
    expect(siena.scope).to.deep.include({ level: 'province', code: '052' });
  });

  it('hostile values are looked up as text, in the catalogue too, and break nothing', async () => {
    for (const value of ["x' OR 1=1 --", "\\' OR 1=1 --", 'PC\\', "'; DROP TABLE events_catalogue_local; --"]) {
      expect((await rejection(cat.request(funnel({ programme: value })))).kind, value).to.equal('unknown-programme');
      expect((await rejection(cat.request(funnel({ programme: 'piccoli', province: value })))).kind, value).to.equal('unknown-province');
      expect((await rejection(cat.request(funnel({ programme: 'piccoli', region: value })))).kind, value).to.equal('unknown-region');
      expect((await rejection(cat.request(funnel({ programme: 'piccoli', comune: value })))).kind, value).to.equal('unknown-comune');
      expect((await rejection(cat.request(areas('piccoli', 'region', value)))).kind, value).to.equal('unknown-metric');
    }
    // The catalogue and the events are still there, and still agree.
    expect(Number(await admin('SELECT count() FROM piccoli.events_catalogue'))).to.be.greaterThan(0);
    const req = funnel({ programme: 'piccoli', asOf: '2021-10-31' });
    expect(same(await cat.request(req))).to.equal(same(await plain.request(req)));
  });

  it('the catalogue questions, as sent: values through the string encoder, names merged again', async () => {
    const t = '`piccoli`.`events_catalogue`';
    const p = "x' OR '1'='1\\";
    const province =
      'province_code, minMerge(province_sigla) AS province_sigla, minMerge(province_name) AS province_name, ' +
      'minMerge(region_code) AS region_code, minMerge(region_name) AS region_name';
    expect(chCatalogueProgrammesQuery(t)).to.equal(`SELECT DISTINCT programme FROM ${t} WHERE stage_order = 0 ORDER BY programme`);
    expect(chCatalogueProvincesQuery(t)).to.equal(
      `SELECT ${province} FROM ${t} WHERE stage_order = 0 GROUP BY province_code ORDER BY province_code`,
    );
    expect(chCatalogueStagesQuery(t, p)).to.equal(
      `SELECT toInt32(stage_order) AS stage_order, min(stage) AS stage FROM ${t} ` +
        "WHERE programme = 'x\\' OR \\'1\\'=\\'1\\\\' GROUP BY stage_order ORDER BY stage_order",
    );
    expect(chCatalogueAreasQuery(t, 'piccoli')).to.equal(
      `SELECT ${province} FROM ${t} WHERE programme = 'piccoli' AND stage_order = 0 GROUP BY province_code ORDER BY province_code`,
    );
    expect(chCatalogueLastDateQuery(t, 'piccoli')).to.equal(
      "SELECT if(count() = 0, '', toString(minMerge(first_day))) AS first, if(count() = 0, '', toString(maxMerge(last_day))) AS last " +
        `FROM ${t} WHERE programme = 'piccoli'`,
    );
    // The harness's catalogue has the shape the connector checks, with its own types.
    const types = await admin(`SELECT name, type FROM system.columns WHERE database = 'piccoli' AND table = 'events_catalogue' FORMAT TSV`);
    const found = new Map(
      types
        .trim()
        .split('\n')
        .map((l) => l.split('\t') as [string, string]),
    );
    for (const [name, type] of Object.entries(CATALOGUE_COLUMNS)) expect(found.get(name), name).to.equal(type);
    expect(catalogueTypeFits('String', 'LowCardinality(String)')).to.equal(true);
    expect(catalogueTypeFits('Int32', 'UInt8')).to.equal(true);
    expect(catalogueTypeFits('AggregateFunction(min, Date)', 'Date')).to.equal(false);
    expect(catalogueTypeFits('AggregateFunction(min, String)', 'AggregateFunction(any, String)')).to.equal(false);
  });

  it('the catalogue option is a plain table name, checked before any question', () => {
    for (const bad of ['events_catalogue; DROP TABLE x', 'piccoli.events_catalogue', '`x`', '']) {
      const e = thrown(() => connector({ catalogue: bad }));
      expect([e.kind, e.message]).to.deep.equal(['invalid-option', e.message]);
      expect(e.message).to.contain('invalid clickhouseConnector catalogue');
    }
  });

  it('a readonly=1 user, who may send no setting, reads the catalogue too', async () => {
    const ro = withCatalogue(info.users.ro1);
    const req = funnel({ programme: 'piccoli', province: 'PC' });
    expect(same(await ro.request(req))).to.equal(same(await plain.request(req)));
  });
});

describe('ClickHouse catalogue: the first question in one round of catalogue questions, then the funnel', () => {
  it('a new page asks what the server can do, then the catalogue and the columns together, then the events once', async () => {
    const rec = recordQueries();
    try {
      const c = withCatalogue();
      await c.request(funnel({ programme: 'piccoli', province: 'PC' }));
      const { log } = rec;
      expect(log.slice(0, 2)).to.deep.equal(['send probe', 'recv probe']);
      // Six questions leave before any answer comes back: one round.
      const round = log.slice(2, 14);
      expect(round.slice(0, 6).map((x) => x.split(' ')[0])).to.deep.equal(Array(6).fill('send'));
      expect(
        round
          .slice(0, 6)
          .map((x) => x.split(' ')[1])
          .sort(),
      ).to.deep.equal(['catalogue', 'catalogue', 'catalogue', 'catalogue', 'catalogue', 'columns']);
      expect(round.slice(6).every((x) => x.startsWith('recv '))).to.equal(true);
      // Only the funnel reads the events.
      expect(log.slice(14)).to.deep.equal(['send events', 'recv events']);
      // The next question on the same page: the funnel alone.
      log.length = 0;
      await c.request(funnel({ programme: 'piccoli', province: 'MC' }));
      expect(log).to.deep.equal(['send events', 'recv events']);
      // A name that is no programme, once the programmes are known: refused with no question.
      log.length = 0;
      expect((await rejection(c.request(funnel({ programme: 'nessuno' })))).kind).to.equal('unknown-programme');
      expect(log).to.deep.equal([]);
    } finally {
      rec.stop();
    }
  });

  it('without the catalogue, the same round reads the events (the option changes where, not how many)', async () => {
    const rec = recordQueries();
    try {
      await coordinatorWith().request(funnel({ programme: 'piccoli', province: 'PC' }));
      expect(rec.log.slice(0, 2)).to.deep.equal(['send probe', 'recv probe']);
      expect(rec.log.slice(2, 8).map((x) => x.split(' ')[0])).to.deep.equal(Array(6).fill('send'));
      expect(rec.log.filter((x) => x === 'send events')).to.have.length(6);
      expect(rec.log.filter((x) => x.includes('catalogue'))).to.deep.equal([]);
    } finally {
      rec.stop();
    }
  });
});

describe('ClickHouse catalogue: a missing or misshapen catalogue is an error, never a number', () => {
  /** An element under its own coordinator (a page configured with `o`). */
  async function progressWith(o: Partial<ClickHouseConnectorOptions>) {
    const section = await fixture<HTMLElement>(html`<section></section>`);
    new ContextProvider(section, { context: coordinatorContext, initialValue: coordinatorWith(o) });
    const el = document.createElement('piccoli-progress') as PiccoliProgress;
    el.setAttribute('programme', 'piccoli');
    section.append(el);
    await settled(el);
    return el;
  }

  it('a catalogue table that does not exist: «La tabella … non esiste», no funnel', async () => {
    const e = await rejection(withCatalogue({ catalogue: 'nessun_catalogo' }).request(funnel({ programme: 'piccoli' })));
    expect([e.kind, e.params]).to.deep.equal(['unknown-name', { value: 'piccoli.nessun_catalogo', what: 'table' }]);
    const el = await progressWith({ catalogue: 'nessun_catalogo' });
    expect(alertText(el)).to.contain('La tabella «piccoli.nessun_catalogo» non esiste sul server dei dati.');
    expect(counts(el)).to.deep.equal([]);
  });

  it('a table of another shape (the days as plain dates): the column it lacks is named, no funnel', async () => {
    // Another shape, with the right names and rows that would answer: a plain MergeTree on shard 1, where the proxy goes.
    await admin(
      `CREATE TABLE IF NOT EXISTS piccoli.flat_catalogue ENGINE = MergeTree ORDER BY programme AS ` +
        `SELECT toString(programme) AS programme, stage_order, toString(stage) AS stage, province_code, ` +
        `min(toString(province_sigla)) AS province_sigla, min(province_name) AS province_name, min(toString(region_code)) AS region_code, ` +
        `min(toString(region_name)) AS region_name, min(date) AS first_day, max(date) AS last_day ` +
        `FROM piccoli.programme_events GROUP BY programme, stage_order, stage, province_code`,
    );
    try {
      const e = await rejection(withCatalogue({ catalogue: 'flat_catalogue' }).request(funnel({ programme: 'piccoli' })));
      expect([e.kind, e.params]).to.deep.equal(['unknown-name', { value: 'flat_catalogue.province_sigla', what: 'column' }]);
      expect(e.message).to.contain('expected AggregateFunction(min, String)');
      expect(describeError(e, 'it').text).to.equal('La colonna «flat_catalogue.province_sigla» non esiste sul server dei dati.');
      const el = await progressWith({ catalogue: 'flat_catalogue' });
      expect(alertText(el)).to.contain('La colonna «flat_catalogue.province_sigla» non esiste sul server dei dati.');
      expect(counts(el)).to.deep.equal([]);
      // The events table itself given as the catalogue: refused the same way.
      const ev = await rejection(withCatalogue({ catalogue: 'programme_events' }).request(funnel({ programme: 'piccoli' })));
      expect([ev.kind, ev.params]).to.deep.equal(['unknown-name', { value: 'programme_events.province_sigla', what: 'column' }]);
    } finally {
      await admin('DROP TABLE IF EXISTS piccoli.flat_catalogue');
    }
  });
});

describe('ClickHouse catalogue: rows inserted after', () => {
  // A table set of its own (events pair + catalogue), filled from PICCOLI's rows shard by shard.
  const table = 'lag_events';
  let catalogue = '';
  const copy = (select: string) => onEveryShard(`INSERT INTO piccoli.${table}_local ${select}`);
  /** PICCOLI's stage-4 rows as rows of another stage, `days` later. */
  const later = (stage: string, order: number, days: string) =>
    `SELECT programme, entity_code, entity_kind, entity_name, province_code, province_sigla, province_name, region_code, region_name, ` +
    `'${stage}', ${order}, ${days}, provenance FROM piccoli.${table}_local WHERE programme = 'piccoli' AND stage_order = 4`;
  const pair = () => [coordinatorWith({ table, catalogue }), coordinatorWith({ table })] as const;

  before(async () => {
    await tableSet('drop', table);
    ({ catalogue } = await tableSet('create', table));
    await copy(`SELECT * FROM piccoli.events_local WHERE programme = 'piccoli'`);
  });
  after(() => tableSet('drop', table));

  it('through the events table, the view keeps the catalogue up to date: a new stage and a later day show at once', async () => {
    const [before, plainBefore] = pair();
    const req = funnel({ programme: 'piccoli' });
    const first = await before.request(req);
    expect(same(first)).to.equal(same(await plainBefore.request(req)));
    expect(first.stages).to.have.length(5);
    await copy(later('follow_up', 5, 'date + 30'));
    // A new page: six stages, the last day 30 days later, the same as from the events.
    const [cat, plain] = pair();
    const [a, b] = await Promise.all([cat.request(req), plain.request(req)]);
    expect(same(a)).to.equal(same(b));
    expect(a.stages.map((s) => s.stage).at(-1)).to.equal('follow_up');
    expect(a.stages.at(-1)!.n).to.equal(first.stages.at(-1)!.n);
    expect(a.asOf > first.asOf).to.equal(true);
    for (const r of [areas('piccoli', 'province', 'follow-up'), trend({ programme: 'piccoli', province: 'PC' })] as QueryRequest[]) {
      expect(same(await cat.request(r))).to.equal(same(await plain.request(r)));
    }
  });

  it('rows the view did not see (it was dropped): the numbers are counted up to the catalogue’s last day, and say so', async () => {
    await onEveryShard(`DROP TABLE IF EXISTS piccoli.${catalogue}_mv`);
    const [before] = pair();
    const known = (await before.request(funnel({ programme: 'piccoli' }))).asOf;
    // The same entities reach `follow_up` again 60 days later: a day the catalogue never hears of.
    await copy(later('follow_up', 5, 'date + 60'));
    const [cat, plain] = pair();
    const a = await cat.request(funnel({ programme: 'piccoli', province: 'PC' }));
    expect(a.asOf).to.equal(known);
    expect(a.programme.lastDate).to.equal(known);
    // What the events say on that day, not after it.
    const b = await plain.request(funnel({ programme: 'piccoli', province: 'PC', asOf: known }));
    expect(a.stages).to.deep.equal(b.stages);
    expect((await plain.request(funnel({ programme: 'piccoli' }))).asOf > known).to.equal(true);
  });

  it('a stage the catalogue does not list: the programme’s catalogue is read from the events, and the answer is theirs', async () => {
    // `audit`, reached on the day each entity became eligible: within the catalogue's days.
    await copy(
      `SELECT programme, entity_code, entity_kind, entity_name, province_code, province_sigla, province_name, region_code, region_name, ` +
        `'audit', 6, date, provenance FROM piccoli.${table}_local WHERE programme = 'piccoli' AND stage_order = 0 AND entity_code < '050000'`,
    );
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warned.push(a.join(' '));
    try {
      for (const req of [
        funnel({ programme: 'piccoli' }),
        funnel({ programme: 'piccoli', region: 'Emilia-Romagna', asOf: '2021-10-31' }),
        trend({ programme: 'piccoli' }),
      ] as QueryRequest[]) {
        const [cat, plain] = pair();
        const [a, b] = await Promise.all([cat.request(req), plain.request(req)]);
        expect(same(a), req.kind).to.equal(same(b));
        if (a.kind === 'funnel') expect(a.stages.map((s) => s.stage).at(-1)).to.equal('audit');
      }
      // A metric naming that stage on a new page: unknown to the catalogue, an error (no number);
      // once a funnel of the page has found the stage, the map answers as from the events.
      const [cat, plain] = pair();
      const metric = areas('piccoli', 'region', 'audit');
      expect((await rejection(cat.request(metric))).kind).to.equal('unknown-metric');
      await cat.request(funnel({ programme: 'piccoli' }));
      expect(same(await cat.request(metric))).to.equal(same(await plain.request(metric)));
    } finally {
      console.warn = warn;
    }
    expect(warned.length).to.be.greaterThan(0);
    expect(warned[0]).to.contain(`the catalogue piccoli.${catalogue} lags behind piccoli.${table}`);
  });
});

describe('ClickHouse catalogue: the elements', () => {
  it('<piccoli-progress> shows the oracle’s funnel for a province', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(alertText(el)).to.equal('');
    const rows = await oracle(
      `SELECT stage_order, count(*) FROM programme_events WHERE programme = 'piccoli' AND province_code = '033' AND date <= DATE '2021-10-31' GROUP BY 1 ORDER BY 1`,
    );
    const expected = rows.map((r) => Number(r[1]).toLocaleString('it-IT'));
    expect(counts(el)).to.deep.equal([...expected, ...Array<string>(5 - expected.length).fill('0')]);
  });

  it('<piccoli-map> shows the oracle’s reached count per region', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map metric="engaged" as-of="2021-10-31"></piccoli-map>`);
    await settled(el);
    expect(alertText(el)).to.equal('');
    const shown = [...el.shadowRoot!.querySelectorAll('tbody tr[data-code]')].map((tr) => {
      const cell = tr.querySelectorAll('td')[1]!.cloneNode(true) as Element;
      cell.querySelector('.basis')?.remove();
      return [tr.getAttribute('data-code'), cell.textContent!.trim()];
    });
    const rows = await oracle(
      `SELECT region_code, count(*) FILTER (WHERE stage_order = 1) FROM programme_events WHERE programme = 'piccoli' AND date <= DATE '2021-10-31' GROUP BY 1 ORDER BY 1`,
    );
    expect(shown.sort()).to.deep.equal(rows.map((r) => [String(r[0]), Number(r[1]).toLocaleString('it-IT')]).sort());
  });
});
