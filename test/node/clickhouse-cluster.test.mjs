// The ClickHouse test cluster (test/clickhouse/cluster.mjs), for real: two shards start on
// loopback, the bundled events load split between them (and their catalogue, through its
// view), each user of users.xml is refused what it must be refused (with 18.16's error
// codes), and stop() leaves no process behind.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import {
  CLUSTER,
  LIMITED_QUERIES,
  SYNTHETIC_STAGES,
  USERS,
  catalogueBackfill,
  catalogueDdl,
  loadEvents,
  loadSynthetic,
  startCluster,
} from '../clickhouse/cluster.mjs';
import { ROOT, q } from './helpers.mjs';

const CLI = join(ROOT, 'test', 'clickhouse', 'cluster.mjs');

/**
 * Whether pid is a live process. A server the CLI started is not our child: once stopped it
 * may stay a zombie (state Z) until init reaps it, which is gone for our purpose.
 * @param {number} pid
 */
function running(pid) {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The error a query fails with, or a failed assertion if it succeeds.
 * @param {Promise<unknown>} promise
 * @returns {Promise<Error & { status: number, code: number }>}
 */
async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return /** @type {any} */ (e);
  }
  assert.fail('the query succeeded');
}

describe('ClickHouse test cluster', () => {
  /** @type {Awaited<ReturnType<typeof startCluster>>} */
  let cluster;
  /** @type {Awaited<ReturnType<typeof loadEvents>>} */
  let loaded;
  before(async () => {
    cluster = await startCluster();
    loaded = await loadEvents(cluster);
  });
  after(() => cluster?.stop());

  test('two servers on loopback form piccoli_cluster, one shard each', async () => {
    assert.equal(cluster.shards.length, 2);
    assert.notEqual(cluster.shards[0].pid, cluster.shards[1].pid);
    assert.match(cluster.httpUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const rows = (
      await cluster.query(
        `SELECT shard_num, host_address, port FROM system.clusters WHERE cluster = '${CLUSTER}' ORDER BY shard_num FORMAT TSV`,
      )
    )
      .trim()
      .split('\n');
    assert.deepEqual(
      rows,
      cluster.shards.map((s, i) => `${i + 1}\t127.0.0.1\t${s.tcpPort}`),
    );
    for (const [i, s] of cluster.shards.entries()) {
      const res = await fetch(`http://127.0.0.1:${s.httpPort}/ping`);
      assert.equal(await res.text(), 'Ok.\n', `shard ${i + 1} answers /ping`);
    }
  });

  test('every bundled event is loaded once, each entity whole on one shard, both shards used', async () => {
    const [{ n }] = await q('SELECT count(*)::INTEGER AS n FROM events');
    assert.equal(loaded.rows, n);
    assert.equal(Number(await cluster.query('SELECT count() FROM piccoli.programme_events')), n);
    assert.equal(loaded.perShard.length, 2);
    assert.ok(
      loaded.perShard.every((c) => c > 0),
      `rows per shard: ${loaded.perShard}`,
    );
    assert.equal(loaded.perShard[0] + loaded.perShard[1], n);
    const local = await Promise.all([1, 2].map((shard) => cluster.query('SELECT count() FROM piccoli.events_local', { shard })));
    assert.deepEqual(local.map(Number), loaded.perShard);
    // Same rows: counts per programme and stage, and a checksum of every column, agree with DuckDB.
    const expected = await q(
      `SELECT programme, stage_order, count(*)::INTEGER AS n, count(DISTINCT entity_code)::INTEGER AS entities,
        min(date)::VARCHAR AS first, max(date)::VARCHAR AS last, string_agg(DISTINCT provenance, ',' ORDER BY provenance) AS prov
       FROM events GROUP BY ALL ORDER BY programme, stage_order`,
    );
    const actual = (
      await cluster.query(
        `SELECT programme, stage_order, count(), uniqExact(entity_code), min(date), max(date), arrayStringConcat(arraySort(groupUniqArray(provenance)), ',')
         FROM piccoli.programme_events GROUP BY programme, stage_order ORDER BY programme, stage_order FORMAT TSV`,
      )
    )
      .trim()
      .split('\n');
    assert.deepEqual(
      actual,
      expected.map((r) => [r.programme, r.stage_order, r.n, r.entities, r.first, r.last, r.prov].join('\t')),
    );
    const [{ names }] = await q(
      `SELECT count(DISTINCT (entity_code, entity_name, province_sigla, region_name))::INTEGER AS names FROM events`,
    );
    assert.equal(
      Number(await cluster.query('SELECT uniqExact(entity_code, entity_name, province_sigla, region_name) FROM piccoli.programme_events')),
      names,
    );
    const shared = await cluster.query(
      `SELECT count() FROM piccoli.events_local WHERE entity_code IN (SELECT entity_code FROM remote('127.0.0.1:${cluster.shards[1].tcpPort}', piccoli.events_local))`,
    );
    assert.equal(Number(shared), 0, 'no entity has rows on both shards');
  });

  test('piccoli_reader reads the Distributed table and may set settings, but cannot write', async () => {
    const reader = { ...USERS.reader, settings: { max_execution_time: 5 } };
    assert.equal(Number(await cluster.query('SELECT count() FROM piccoli.programme_events', reader)), loaded.rows);
    const insert = await failure(cluster.query(`INSERT INTO piccoli.events_local (programme) VALUES ('x')`, USERS.reader));
    assert.equal(insert.code, 164);
    assert.match(insert.message, /Cannot insert into table in readonly mode/);
    const create = await failure(cluster.query('CREATE TABLE piccoli.t (a Int32) ENGINE = Memory', USERS.reader));
    assert.equal(create.code, 164);
    assert.equal(Number(await cluster.query('SELECT count() FROM piccoli.programme_events')), loaded.rows, 'nothing was written');
  });

  test('piccoli_ro1 reads, but cannot change a setting (max_execution_time)', async () => {
    assert.equal(Number(await cluster.query('SELECT count() FROM piccoli.programme_events', USERS.ro1)), loaded.rows);
    const err = await failure(cluster.query('SELECT 1', { ...USERS.ro1, settings: { max_execution_time: 5 } }));
    assert.equal(err.code, 164);
    assert.match(err.message, /Cannot override setting \(max_execution_time\) in readonly mode/);
  });

  test(`piccoli_limited runs ${LIMITED_QUERIES} queries, the next one exceeds its quota`, async () => {
    for (let i = 1; i <= LIMITED_QUERIES; i++) assert.equal((await cluster.query(`SELECT ${i}`, USERS.limited)).trim(), String(i));
    const err = await failure(cluster.query('SELECT 4', USERS.limited));
    assert.equal(err.code, 201);
    assert.match(err.message, /Quota for user 'piccoli_limited' for 1 hour has been exceeded/);
  });

  test('a wrong password and an unknown user are refused with 401', async () => {
    const wrong = await failure(cluster.query('SELECT 1', { user: USERS.reader.user, password: 'nope' }));
    assert.equal(wrong.status, 401);
    assert.equal(wrong.code, 193);
    assert.match(wrong.message, /Wrong password for user piccoli_reader/);
    const unknown = await failure(cluster.query('SELECT 1', { user: 'nobody', password: 'x' }));
    assert.equal(unknown.status, 401);
    assert.equal(unknown.code, 192);
  });

  test('loadSynthetic generates complete funnels of programme scala on both shards', async () => {
    const res = await loadSynthetic(cluster, { rows: 1003, table: 'scala_test' });
    assert.equal(res.rows, 1003);
    assert.equal(res.entities, 251);
    assert.ok(
      res.perShard.every((n) => n > 0),
      `rows per shard: ${res.perShard}`,
    );
    const stages = (
      await cluster.query(
        'SELECT stage_order, stage, count() FROM piccoli.scala_test GROUP BY stage_order, stage ORDER BY stage_order FORMAT TSV',
      )
    )
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    assert.deepEqual(
      stages.map(([o, s]) => [Number(o), s]),
      SYNTHETIC_STAGES.map((s, i) => [i, s]),
    );
    assert.equal(Number(stages[0][2]), 251, 'every entity is eligible');
    const counts = stages.map((r) => Number(r[2]));
    assert.ok(
      counts.every((c, i) => i === 0 || c <= counts[i - 1]),
      `a funnel: ${counts}`,
    );
    // No stage skipped, dates never go down, one province per entity, all simulated.
    const bad = await cluster.query(
      `SELECT count() FROM (
         SELECT entity_code, count() AS n, max(stage_order) AS top, uniqExact(province_code) AS provinces,
           arraySort(groupArray((stage_order, date))) AS steps
         FROM piccoli.scala_test GROUP BY entity_code
         HAVING n != top + 1 OR provinces != 1 OR arrayExists((s, i) -> i > 1 AND s.2 < steps[i - 1].2, steps, arrayEnumerate(steps)))`,
    );
    assert.equal(Number(bad), 0);
    assert.equal((await cluster.query('SELECT groupUniqArray(provenance) FROM piccoli.scala_test')).trim(), "['simulated']");
  });

  /** Per programme and stage: its name, first and last day, provinces with their names; from the catalogue or from the events. */
  const summary = async (table, catalogue) => {
    const perProvince = catalogue
      ? `SELECT programme, stage_order, province_code, min(stage) AS s, toString(minMerge(first_day)) AS d1, toString(maxMerge(last_day)) AS d2,
           concat(province_code, minMerge(province_sigla), minMerge(province_name), minMerge(region_code), minMerge(region_name)) AS p
         FROM piccoli.${catalogue} GROUP BY programme, stage_order, province_code`
      : `SELECT programme, stage_order, province_code, min(toString(stage)) AS s, toString(min(date)) AS d1, toString(max(date)) AS d2,
           concat(province_code, min(toString(province_sigla)), min(province_name), min(toString(region_code)), min(toString(region_name))) AS p
         FROM piccoli.${table} GROUP BY programme, stage_order, province_code`;
    const text = await cluster.query(
      `SELECT programme, stage_order, min(s), min(d1), max(d2), count(), arrayStringConcat(arraySort(groupArray(p)), ',')
       FROM (${perProvince}) GROUP BY programme, stage_order ORDER BY programme, stage_order FORMAT TSV`,
    );
    return text.trim();
  };

  test('every load fills the catalogue through its view: the events’ stages, days and provinces, in a few rows', async () => {
    const fromEvents = await summary('programme_events');
    assert.match(fromEvents, /^next-generation-siena\t0\teligible\t2022-03-24\t2022-03-24\t1\t052SISiena09Toscana$/m);
    assert.equal(await summary('programme_events', 'events_catalogue'), fromEvents);
    const rows = Number(await cluster.query('SELECT count() FROM piccoli.events_catalogue'));
    assert.ok(rows > 0 && rows * 5 < loaded.rows, `${rows} catalogue rows for ${loaded.rows} events`);
    // The synthetic table of the test above has its own catalogue, filled the same way.
    assert.equal(await summary('scala_test', 'scala_test_catalogue'), await summary('scala_test'));
    // A second load empties the catalogue with the events: the same rows, not twice as many.
    await loadEvents(cluster);
    assert.equal(Number(await cluster.query('SELECT count() FROM piccoli.events_catalogue')), rows);
  });

  test('the README creates the catalogue with these very statements; its backfill rebuilds it, run twice or not', async () => {
    const norm = (t) => t.replace(/ IF NOT EXISTS/g, '').replace(/\s+/g, ' ');
    const readme = norm(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    for (const statement of [...catalogueDdl(), catalogueBackfill()]) assert.ok(readme.includes(`${norm(statement)};`), statement);
    const before = await summary('programme_events', 'events_catalogue');
    for (const shard of [1, 2]) await cluster.query('TRUNCATE TABLE piccoli.events_catalogue_local', { shard });
    assert.equal(Number(await cluster.query('SELECT count() FROM piccoli.events_catalogue')), 0);
    for (const time of [1, 2]) {
      for (const shard of [1, 2]) await cluster.query(catalogueBackfill(), { shard });
      assert.equal(await summary('programme_events', 'events_catalogue'), before, `after backfill ${time}`);
    }
  });
});

test('stop() ends both servers (by pid) and removes the temporary folder', async () => {
  const cluster = await startCluster();
  const pids = cluster.shards.map((s) => s.pid);
  assert.ok(pids.every(running));
  assert.ok(existsSync(cluster.dir));
  await cluster.stop();
  assert.deepEqual(pids.filter(running), []);
  assert.equal(existsSync(cluster.dir), false);
});

test('the CLI starts a cluster that outlives it, and stops it by pid', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'piccoli-ch-cli-'));
  const run = promisify(execFile);
  try {
    const started = JSON.parse((await run(process.execPath, [CLI, 'start', '--dir', dir])).stdout);
    assert.equal(started.dir, dir);
    const pids = started.shards.map((/** @type {{ pid: number }} */ s) => s.pid);
    assert.ok(pids.every(running), 'the servers outlive the CLI');
    const res = await fetch(`${started.httpUrl}?query=${encodeURIComponent('SELECT count() FROM piccoli.programme_events')}`);
    assert.equal(await res.text(), '0\n');
    const stopped = JSON.parse((await run(process.execPath, [CLI, 'stop', '--dir', dir])).stdout);
    assert.deepEqual(stopped.stopped, pids);
    assert.deepEqual(pids.filter(running), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without clickhouse-server, startCluster says how to install it', async () => {
  const saved = process.env.CLICKHOUSE_SERVER;
  process.env.CLICKHOUSE_SERVER = '/nonexistent/clickhouse-server';
  try {
    await assert.rejects(startCluster(), /clickhouse-server is not installed: install Debian's package .*\.ci\/run/);
  } finally {
    if (saved === undefined) delete process.env.CLICKHOUSE_SERVER;
    else process.env.CLICKHOUSE_SERVER = saved;
  }
});

test('a server that does not start fails with its log', async () => {
  const saved = process.env.CLICKHOUSE_SERVER;
  process.env.CLICKHOUSE_SERVER = '/bin/false';
  try {
    await assert.rejects(startCluster({ timeoutMs: 5000 }), /clickhouse-server for shard 1 .* exited with code 1[\s\S]*error\.log/);
  } finally {
    if (saved === undefined) delete process.env.CLICKHOUSE_SERVER;
    else process.env.CLICKHOUSE_SERVER = saved;
  }
});
