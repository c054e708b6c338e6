import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clickhouseConnector, type ClickHouseConnectorOptions } from '../../../src/data/clickhouse/connector.js';
import { configure } from '../../../src/data/configure.js';
import { Coordinator } from '../../../src/query/coordinator.js';
import { CubeBackend } from '../../../src/query/backends/cube-backend.js';
import { DuckDBBackend } from '../../../src/query/backends/duckdb-backend.js';
import type { AreasRequest, FunnelRequest } from '../../../src/query/types.js';
import { ERRORS, describeError } from '../../../src/i18n/errors.js';
import { loadWords } from '../../../src/i18n/words.js';
import { ClickHouseBackend } from '../../../src/query/backends/clickhouse-backend.js';
import { chDate, chIdent, chInt, chString, chTrendQuery } from '../../../src/data/sql/clickhouse.js';
import { trendQuery } from '../../../src/data/sql/funnel.js';
import { quoteLiteral } from '../../../src/data/sql/quote.js';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import '../../../src/components/piccoli-map/piccoli-map.js';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliProgress } from '../../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliMap } from '../../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import { alertText, counts, rejection, settled } from '../helpers.js';

// The English sentences are fetched on demand (src/i18n/words.ts).
before(() => loadWords(ERRORS, 'en'));

/*
 * The ClickHouse connector against a real two-shard ClickHouse 18.16 (test/clickhouse/,
 * started by the test server), every answer compared with @duckdb/node-api over the same
 * rows (/__duckdb_node__), and every error provoked for real.
 */

interface User {
  user: string;
  password: string;
}
const info: { url: string; closedUrl: string; database: string; table: string; users: Record<'reader' | 'ro1' | 'limited', User> } = await (
  await fetch('/__ch_info__')
).json();
const { reader } = info.users;

function connector(o: Partial<ClickHouseConnectorOptions> = {}) {
  return clickhouseConnector({ url: info.url, database: info.database, ...reader, ...o });
}

/** A coordinator of its own, as a page configured with this connector has (no bundled cube answers). */
function coordinatorWith(o: Partial<ClickHouseConnectorOptions> = {}) {
  const c = connector(o);
  return {
    connector: c,
    coordinator: new Coordinator([c.cubeBackend, c, new CubeBackend(), new DuckDBBackend()], () => Promise.resolve([])),
  };
}

async function oracle(sql: string): Promise<unknown[][]> {
  const res = await fetch('/__duckdb_node__', { method: 'POST', body: sql });
  const body = await res.json();
  expect(res.status, body.error).to.equal(200);
  return body.rows;
}

/** What the admin sees running on shard 1 (for the cancel tests). */
async function admin(sql: string): Promise<string> {
  return (await fetch('/__ch_admin__', { method: 'POST', body: sql })).text();
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

/** The engine's own files (wasm, workers, DuckDB's JavaScript, parquet-wasm), as the test server serves them. */
const ENGINE_FILES = /\/node_modules\/(@duckdb|parquet-wasm)\//;

// The page's own connector: the elements below read the cluster.
configure({ connector: connector() });

const programmes = (await oracle('SELECT DISTINCT programme FROM programme_events ORDER BY 1')).map((r) => String(r[0]));

describe('ClickHouse connector: the same numbers as DuckDB over the same rows', () => {
  const { coordinator } = coordinatorWith();

  it('the funnel of every programme, on its last day and on 31 October 2021, for Italy, a region, a province and a comune', async () => {
    expect(programmes).to.have.length(4);
    for (const programme of programmes) {
      const [[last, comune, province, region]] = (await oracle(
        `SELECT strftime(max(date), '%Y-%m-%d'), min(entity_code) FILTER (WHERE entity_kind = 'comune'), min(province_code), min(region_code) FROM programme_events WHERE programme = '${programme}'`,
      )) as string[][];
      for (const asOf of [last!, '2021-10-31']) {
        const scopes: [Partial<FunnelRequest>, string][] = [
          [{}, ''],
          [{ region: region! }, ` AND region_code = '${region}'`],
          [{ province: province! }, ` AND province_code = '${province}'`],
          ...(comune ? ([[{ comune }, ` AND entity_code = '${comune}'`]] as [Partial<FunnelRequest>, string][]) : []),
        ];
        for (const [scope, where] of scopes) {
          const answer = await coordinator.request(funnel({ programme, asOf, ...scope }));
          expect(answer.backend).to.equal('remote');
          const rows = await oracle(
            `SELECT stage_order, count(*) FROM programme_events WHERE programme = '${programme}' AND date <= DATE '${asOf}'${where} GROUP BY 1 ORDER BY 1`,
          );
          const byOrder = new Map(rows.map((r) => [Number(r[0]), Number(r[1])]));
          const got = answer.stages.map((s) => s.n);
          expect(got, `${programme} ${asOf} ${JSON.stringify(scope)}`).to.deep.equal(answer.stages.map((s) => byOrder.get(s.order) ?? 0));
        }
      }
    }
  });

  it('the area metric of every level and stage of PICCOLI on 31 October 2021', async () => {
    for (const [level, col] of [
      ['region', 'region_code'],
      ['province', 'province_code'],
      ['comune', 'entity_code'],
    ] as const) {
      for (const [stage, order] of [
        ['engaged', 1],
        ['plan-submitted', 3],
      ] as const) {
        const req: AreasRequest = { kind: 'areas', src: null, programme: 'piccoli', asOf: '2021-10-31', level, stage };
        const answer = await coordinator.request(req);
        const rows = await oracle(
          `SELECT ${col}, count(*) FILTER (WHERE stage_order = 0), count(*) FILTER (WHERE stage_order = ${order}), ` +
            `count(*) FILTER (WHERE stage_order = ${order} AND provenance = 'simulated') FROM programme_events ` +
            `WHERE programme = 'piccoli' AND date <= DATE '2021-10-31' GROUP BY 1 HAVING count(*) FILTER (WHERE stage_order = 0) > 0 ORDER BY 1`,
        );
        expect(
          answer.rows.map((r) => [r.code, r.eligible, r.reached, r.simulated]),
          `${level} ${stage}`,
        ).to.deep.equal(rows.map((r) => [String(r[0]), Number(r[1]), Number(r[2]), Number(r[3])]));
      }
    }
  });

  it('the trend from the server equals the trend from the bundled cube, for Italy and for a province', async () => {
    const bundled = new Coordinator([new CubeBackend()], () => Promise.resolve([]));
    for (const province of [null, 'PC']) {
      const req = { kind: 'trend', src: null, programme: 'piccoli', asOf: '2021-10-31', region: null, province, comune: null } as const;
      const [remote, cube] = await Promise.all([coordinator.request(req), bundled.request(req)]);
      expect([remote.backend, cube.backend]).to.deep.equal(['remote', 'cube']);
      expect(remote.series.length).to.equal(5);
      expect(remote.series.map((s) => s.steps.length).reduce((a, b) => a + b)).to.be.greaterThan(20);
      expect(JSON.stringify(remote.series), String(province)).to.equal(JSON.stringify(cube.series));
    }
  });

  it('names resolve as in the other backends: a province by sigla, a comune by name without accents or apostrophes', async () => {
    const [[code, name]] = (await oracle(
      `SELECT entity_code, entity_name FROM programme_events WHERE programme = 'piccoli' AND entity_name LIKE '%''%' AND stage_order = 0 ORDER BY entity_code LIMIT 1`,
    )) as string[][];
    const plain = name!.normalize('NFD').replace(/\p{M}/gu, '').replace(/'/g, '’').toUpperCase();
    const byName = await coordinator.request(funnel({ programme: 'piccoli', comune: plain }));
    expect(byName.scope).to.deep.include({ level: 'entity', code });
    const pc = await coordinator.request(funnel({ programme: 'piccoli', province: 'PC', asOf: '2021-10-31' }));
    expect(pc.scope).to.deep.include({ level: 'province', code: '033' });
  });

  it('hostile values are looked up as text: quotes and backslashes find nothing and break nothing', async () => {
    for (const value of ["x' OR 1=1 --", "\\' OR 1=1 --", 'PC\\', "'; DROP TABLE programme_events; --"]) {
      const e = await rejection(coordinator.request(funnel({ programme: 'piccoli', province: value })));
      expect(e.kind, value).to.equal('unknown-province');
      const c = await rejection(coordinator.request(funnel({ programme: 'piccoli', comune: value })));
      expect(c.kind, value).to.equal('unknown-comune');
    }
    const p = await rejection(coordinator.request(funnel({ programme: "piccoli' OR '1'='1" })));
    expect(p.kind).to.equal('unknown-programme');
    // The table is still there.
    const answer = await coordinator.request(funnel({ programme: 'piccoli', asOf: '2021-10-31' }));
    expect(answer.stages[1]!.n).to.be.greaterThan(0);
  });

  it('a cube the site ships answers first, naming the table, with no round trip to the server', async () => {
    const { coordinator } = coordinatorWith({ cube: '/data/programmes.cube.json', source: 'Esempio SpA' });
    const asked = () => performance.getEntriesByType('resource').filter((r) => r.name.includes('/__ch__/')).length;
    const before = asked();
    const answer = await coordinator.request(funnel({ programme: 'piccoli', province: 'PC', asOf: '2021-10-31' }));
    expect(asked()).to.equal(before);
    expect([answer.backend, answer.source, answer.origin]).to.deep.equal([
      'cube',
      'clickhouse:piccoli.programme_events',
      { data: 'site', publisher: 'Esempio SpA' },
    ]);
    const remote = await coordinatorWith().coordinator.request(funnel({ programme: 'piccoli', province: 'PC', asOf: '2021-10-31' }));
    expect(remote.backend).to.equal('remote');
    expect(answer.stages.map((s) => s.n)).to.deep.equal(remote.stages.map((s) => s.n));
  });

  it('the trend question: per stage and day, in both dialects, equals the oracle', async () => {
    const backend = new ClickHouseBackend(connector().settings);
    const filter = { programme: 'piccoli', provinceCode: '033' };
    const got = await backend.rows(chTrendQuery('`piccoli`.`programme_events`', filter));
    const { sql, params } = trendQuery('programme_events', filter);
    const inlined = params.reduce<string>((q, p) => q.replace('?', quoteLiteral(String(p))), sql);
    const expected = await oracle(inlined);
    expect(got.map((r) => [r.stage_order, r.date, Number(r.n), Number(r.simulated)])).to.deep.equal(
      expected.map((r) => [r[0], r[1], Number(r[2]), Number(r[3])]),
    );
    expect(got.length).to.be.greaterThan(4);
  });

  it('values reach the SQL only through typed encoders: a bad day, number or name throws before any query', () => {
    expect(chString("it's \\ ok")).to.equal("'it\\'s \\\\ ok'");
    expect(() => chDate('2021-02-30')).to.throw(TypeError);
    expect(() => chDate("2021-10-31') OR 1=1 --")).to.throw(TypeError);
    expect(() => chInt(1.5)).to.throw(TypeError);
    expect(() => chIdent('programme_events; DROP')).to.throw(/invalid ClickHouse name/);
    expect(() => connector({ table: 'a`b' })).to.throw(/invalid clickhouseConnector table/);
    expect(() => connector({ url: 'ftp://x/' })).to.throw(/invalid clickhouseConnector url/);
    expect(() => connector({ url: 'http://u:p@x/' })).to.throw(/not in the URL/);
  });

  it('a readonly=1 user, who may not send settings, gets the same answer', async () => {
    const ro = coordinatorWith(info.users.ro1).coordinator;
    const a = await ro.request(funnel({ programme: 'piccoli', asOf: '2021-10-31' }));
    const b = await coordinator.request(funnel({ programme: 'piccoli', asOf: '2021-10-31' }));
    expect(a.stages.map((s) => s.n)).to.deep.equal(b.stages.map((s) => s.n));
  });
});

describe('ClickHouse connector: the elements', () => {
  it('<piccoli-progress> shows the cluster’s funnel, names the table as its source, and downloads no DuckDB', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(alertText(el)).to.equal('');
    const rows = await oracle(
      `SELECT stage_order, count(*) FROM programme_events WHERE programme = 'piccoli' AND province_code = '033' AND date <= DATE '2021-10-31' GROUP BY 1 ORDER BY 1`,
    );
    const expected = rows.map((r) => Number(r[1]).toLocaleString('it-IT'));
    // Stages nobody has reached have no row: the funnel shows them as 0.
    expect(counts(el)).to.deep.equal([...expected, ...Array<string>(counts(el).length - expected.length).fill('0')]);
    expect(counts(el).length).to.equal(5);
    const source = el.shadowRoot!.querySelector('[part="source"]')!.textContent!;
    expect(source).to.contain('Dati dalla tabella piccoli.programme_events del server ClickHouse');
    const fetched = performance.getEntriesByType('resource').map((r) => r.name);
    expect(fetched.filter((n) => ENGINE_FILES.test(n))).to.deep.equal([]);
    expect(fetched.some((n) => n.includes('/__ch__/'))).to.equal(true);
  });

  it('<piccoli-map> colours the regions from the cluster', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map metric="engaged" as-of="2021-10-31"></piccoli-map>`);
    await settled(el);
    expect(alertText(el)).to.equal('');
    // The table beside the map: each region's reached count, as the reader sees it.
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

  it('<piccoli-sql> runs SQL on the server and lists the server’s tables and columns', async () => {
    const el = await fixture<PiccoliSql>(html`<piccoli-sql no-url history-key=""></piccoli-sql>`);
    await waitUntil(() => el.tables.length > 0, 'the schema never filled in', { timeout: 20_000 });
    const events = el.tables.find((t) => t.name === 'programme_events')!;
    // The events pair and its catalogue (test/clickhouse/cluster.mjs, catalogueDdl).
    expect(el.tables.map((t) => t.name)).to.deep.equal([
      'events_catalogue',
      'events_catalogue_local',
      'events_catalogue_mv',
      'events_local',
      'programme_events',
    ]);
    expect(events.columns.find((c) => c.name === 'programme')!.type).to.equal('LowCardinality(String)');
    expect(events.columns.map((c) => c.name)).to.deep.equal([
      'programme',
      'entity_code',
      'entity_kind',
      'entity_name',
      'province_code',
      'province_sigla',
      'province_name',
      'region_code',
      'region_name',
      'stage',
      'stage_order',
      'date',
      'provenance',
    ]);
    expect(events.rows).to.equal(Number((await oracle('SELECT count(*) FROM programme_events'))[0]![0]));
    await el.updateComplete;
    const browser = el.shadowRoot!.querySelector('piccoli-sql-schema')!;
    expect((browser.shadowRoot ?? browser).textContent).to.contain('programme_events');
    el.value = 'SELECT programme, count() AS n FROM programme_events GROUP BY programme ORDER BY programme';
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    const said: string[] = [];
    new MutationObserver(() => said.push(status.textContent!.trim())).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    await el.run();
    await el.updateComplete;
    // No engine to start: the status says it runs; the header names the server's types.
    expect(said).to.include('Esecuzione in corso…');
    expect(said.filter((t) => t.startsWith('Avvio del motore'))).to.deep.equal([]);
    expect([...el.shadowRoot!.querySelectorAll('thead .col-type')].map((t) => t.textContent)).to.deep.equal([
      'LowCardinality(String)',
      'UInt64',
    ]);
    const table = el.result!;
    const expected = await oracle('SELECT programme, count(*) FROM programme_events GROUP BY 1 ORDER BY 1');
    expect(table.toArray().map((r) => [String(r.programme), String(r.n)])).to.deep.equal(expected.map((r) => [r[0], String(r[1])]));
    const fetched = performance.getEntriesByType('resource').map((r) => r.name);
    expect(fetched.filter((n) => ENGINE_FILES.test(n))).to.deep.equal([]);
    // The examples are DuckDB's SQL over the bundled tables: not offered on the server.
    expect(el.shadowRoot!.querySelector('select.examples')).to.equal(null);
  });
});

describe('ClickHouse connector: errors, typed and in the reader’s language', () => {
  it('server unreachable: a proxy whose upstream is down (502), and a port nobody listens on', async () => {
    const down = coordinatorWith({ url: info.closedUrl }).coordinator;
    const e = await rejection(down.request(funnel({ programme: 'piccoli' })));
    expect(e.kind).to.equal('remote-unreachable');
    expect(describeError(e, 'it').text).to.equal('Il server dei dati non risponde (risposta 502). Riprovare più tardi.');
    expect(describeError(e, 'it').retry).to.equal(true);
    const closed = coordinatorWith({ url: 'http://127.0.0.1:9/' }).coordinator;
    expect((await rejection(closed.request(funnel({ programme: 'piccoli' })))).kind).to.equal('remote-unreachable');
  });

  it('authentication refused', async () => {
    const c = coordinatorWith({ password: 'sbagliata' }).coordinator;
    const e = await rejection(c.request(funnel({ programme: 'piccoli' })));
    expect(e.kind).to.equal('remote-auth');
    expect(describeError(e, 'en').text).to.equal('The data server refused access: the user or password the site configured is not valid.');
  });

  it('unknown table, unknown column', async () => {
    const c = coordinatorWith({ table: 'non_esiste' }).coordinator;
    const e = await rejection(c.request(funnel({ programme: 'piccoli' })));
    expect([e.kind, e.params.what, e.params.value]).to.deep.equal(['unknown-name', 'table', 'piccoli.non_esiste']);
    expect(describeError(e, 'it').text).to.equal('La tabella «piccoli.non_esiste» non esiste sul server dei dati.');
    const { coordinator } = coordinatorWith();
    const col = await rejection(coordinator.sql('SELECT colonna_inesistente FROM programme_events'));
    expect([col.kind, col.params.what, col.params.value]).to.deep.equal(['unknown-name', 'column', 'colonna_inesistente']);
  });

  it('a syntax error is marked where ClickHouse says it is, non-ASCII text before it included', async () => {
    const { coordinator } = coordinatorWith();
    const sql = "SELECT 'Südtirol' AS nome,\n  count() FROMM programme_events";
    const e = await rejection(coordinator.sql(sql));
    expect(e.kind).to.equal('query');
    expect(e.message).to.match(/^ClickHouse 62: Syntax error/);
    expect(sql.slice(e.position)).to.match(/^FROMM|^programme_events/);
  });

  it('read-only violation: the console cannot write', async () => {
    const { coordinator } = coordinatorWith();
    for (const sql of [
      'INSERT INTO events_local (programme) VALUES (1)',
      'CREATE TABLE x (a UInt8) ENGINE = Memory',
      'DROP TABLE events_local',
    ]) {
      const e = await rejection(coordinator.sql(sql));
      expect(e.kind, sql).to.equal('read-only');
      expect(describeError(e, 'it').text).to.equal(
        'Il server dei dati accetta solo letture: la query tenta di modificare dati o impostazioni.',
      );
    }
    expect(await admin('SELECT count() FROM piccoli.events_local')).to.not.equal('0\n');
  });

  it('timeout: the server stops a query at the console’s limit, and the client stops waiting', async () => {
    configure({ console: { timeoutMs: 1000 } });
    try {
      const { coordinator } = coordinatorWith();
      const e = await rejection(coordinator.sql('SELECT count() FROM system.numbers WHERE NOT ignore(sleepEachRow(0.00004))'));
      expect(e.kind).to.equal('query-timeout');
      expect(describeError(e, 'it').text).to.equal('La query è stata fermata dopo 1 secondo, il tempo massimo consentito da questo sito.');
      // readonly=1: no max_execution_time is sent; the client gives up and kills the query.
      const ro = coordinatorWith(info.users.ro1).coordinator;
      const r = await rejection(ro.sql('SELECT count() FROM system.numbers WHERE NOT ignore(sleepEachRow(0.00004))'));
      expect(r.kind).to.equal('query-timeout');
      await waitUntil(
        async () =>
          (await admin(
            `SELECT count() FROM system.processes WHERE query LIKE '%sleepEachRow%' AND query NOT LIKE '%system.processes%'`,
          )) === '0\n',
        'the query still runs on the server',
        { timeout: 10_000 },
      );
    } finally {
      configure({ console: { timeoutMs: 60_000 } });
    }
  });

  it('quota exceeded', async () => {
    const c = coordinatorWith(info.users.limited).coordinator;
    let e;
    for (let i = 0; i < 6 && !e; i++) {
      e = await c.sql(`SELECT ${i}`).then(
        () => undefined,
        (x: unknown) => x,
      );
    }
    expect((e as { kind?: string })?.kind).to.equal('remote-quota');
    expect(describeError(e as never, 'it').text).to.equal(
      'Questo sito ha esaurito per ora le interrogazioni consentite dal server dei dati. Riprovare più tardi.',
    );
  });

  it('cancelling a query kills it on the server', async () => {
    const { coordinator } = coordinatorWith();
    const ctrl = new AbortController();
    const marker = `annulla_${Date.now()}`;
    const run = coordinator.sql(`SELECT count() AS ${marker} FROM system.numbers WHERE NOT ignore(sleepEachRow(0.00004))`, {
      signal: ctrl.signal,
    });
    const q = `SELECT count() FROM system.processes WHERE query LIKE '%${marker}%' AND query NOT LIKE '%system.processes%'`;
    await waitUntil(async () => (await admin(q)) === '1\n', 'the query never started', { timeout: 10_000 });
    ctrl.abort();
    expect((await rejection(run)).kind).to.equal('aborted');
    await waitUntil(async () => (await admin(q)) === '0\n', 'the query still runs on the server', { timeout: 10_000 });
  });

  it('one element’s failing query leaves the page’s other elements working, and the failure is said inside the element', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <piccoli-progress province="Nessuna provincia"></piccoli-progress>
      <piccoli-progress region="Emilia-Romagna" as-of="2021-10-31"></piccoli-progress>
    </div>`);
    const [bad, good] = [...wrap.querySelectorAll('piccoli-progress')] as PiccoliProgress[];
    await settled(bad!);
    await settled(good!);
    expect(alertText(bad!)).to.contain('Provincia sconosciuta: «Nessuna provincia»');
    expect(alertText(good!)).to.equal('');
    expect(counts(good!).length).to.be.greaterThan(2);
  });
});
