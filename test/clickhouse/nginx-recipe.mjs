#!/usr/bin/env node
/* global document, window */
// Checks README.md's ClickHouse deployment recipe ("Data in ClickHouse (connector)") for
// real: its blocks are read from the README, so the README and this check cannot drift.
//
//   - the table's DDL (```sql) runs on the two-shard ClickHouse 18.16 of cluster.mjs (in a
//     scratch database) and gives the columns of the test table;
//   - the read-only user (```xml) goes into each server's users.d/ as written;
//   - nginx runs the proxy block (```nginx) as written, only its port, upstream port and
//     root replaced, in front of the cluster, serving the page of the usage block (```html)
//     and dist/ as /piccoli/;
//   - plain HTTP: the preflight (204 and its headers), WWW-Authenticate hidden, one
//     Access-Control-Allow-Origin, POST only, the body limit, readonly=1 holding;
//   - headless Chromium: the usage page shows the cluster's numbers with no DuckDB download,
//     a wrong password shows the element's message (no login dialog, no hang), a page of
//     another origin works (and a preflighted request passes), and with the credentials
//     in the proxy (its two commented lines uncommented) a page without them works.
//
// Run by hand after `npm run build`: node test/clickhouse/nginx-recipe.mjs
// Skips (exit 0) when nginx, clickhouse-server or Chromium is missing. Not part of npm test.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE, NOT_INSTALLED, USERS, findServerBinary, loadEvents, startCluster, stopPids } from './cluster.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const SECTION = '## Data in ClickHouse (connector)';

const log = (line) => console.log(line);
let passed = 0;
function ok(what) {
  passed++;
  log(`ok ${passed} - ${what}`);
}

/** Where nginx is, or null. NGINX, when set, is the only place looked at. */
function findNginx() {
  if (process.env.NGINX) return existsSync(process.env.NGINX) ? process.env.NGINX : null;
  const candidates = ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(':').map((d) => d && join(d, 'nginx'))];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

/** The README's section on the connector, and its fenced blocks by language. */
function recipe() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${SECTION}\n`);
  assert.ok(start >= 0, `README.md has no section "${SECTION}"`);
  const end = readme.indexOf('\n## ', start + SECTION.length + 2);
  const text = readme.slice(start, end < 0 ? undefined : end);
  const blocks = (lang) => [...text.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]);
  const one = (lang) => {
    const found = blocks(lang);
    assert.equal(found.length, 1, `the README's section should have exactly one \`\`\`${lang} block, has ${found.length}`);
    return found[0];
  };
  return { html: one('html'), sql: one('sql'), xml: one('xml'), nginx: one('nginx') };
}

/** Replace `from` (which must occur exactly once) with `to`: a README edit that moves it fails here, loudly. */
function replaceOnce(text, from, to, what) {
  const n = text.split(from).length - 1;
  assert.equal(n, 1, `${what}: expected ${JSON.stringify(from)} exactly once, found ${n}`);
  return text.replace(from, to);
}

async function freePorts(n) {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((done, fail) => {
          const s = createServer();
          s.once('error', fail);
          s.listen(0, '127.0.0.1', () => done(s));
        }),
    ),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  return ports;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The nginx config: the README's block with its port, upstream and root replaced, in a top level of ours. */
function nginxConfig(block, { dir, www, port, crossPort, chPort, injected }) {
  let server = block;
  server = replaceOnce(server, 'listen 80;', `listen 127.0.0.1:${port};`, 'nginx block');
  server = replaceOnce(server, 'server 127.0.0.1:8123;', `server 127.0.0.1:${chPort};`, 'nginx block');
  server = replaceOnce(server, 'root /var/www/dati;', `root ${www};`, 'nginx block');
  if (injected) {
    const commented = /^(\s*)# (proxy_set_header X-ClickHouse-(?:User|Key) .*)$/gm;
    assert.equal([...server.matchAll(commented)].length, 2, 'the nginx block should have the two commented credential lines');
    server = server.replace(commented, '$1$2');
  }
  return `# Generated by test/clickhouse/nginx-recipe.mjs: one process, no daemon, everything under ${dir}.
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 256; }
http {
  types { text/html html; text/javascript js mjs; application/json json; application/wasm wasm; text/css css; image/svg+xml svg; }
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;

  # ---- README.md, "The proxy" ----
${server}
  # ---- end of README.md ----

  # Another origin (another port) serving the same files: a site that embeds the elements.
  server {
    listen 127.0.0.1:${crossPort};
    root ${www};
  }
}
`;
}

/** Start nginx on `conf` (checked with -t first); resolves to its pid once it answers. */
async function startNginx(bin, dir, conf, port) {
  const file = join(dir, 'nginx.conf');
  await writeFile(file, conf);
  const test = spawnSync(bin, ['-t', '-p', dir, '-c', file], { encoding: 'utf8' });
  assert.equal(test.status, 0, `nginx -t refused the config:\n${test.stderr}\n--- config ---\n${conf}`);
  const child = spawn(bin, ['-p', dir, '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const until = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
      return child.pid;
    } catch {
      if (Date.now() > until) throw new Error(`nginx did not answer on port ${port}: ${stderr}`);
      await sleep(50);
    }
  }
}

/** A page: the README's usage block in an HTML document. */
const page = (body) => `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><title>nginx recipe</title><link rel="icon" href="data:,"></head>
<body>
${body}
</body>
</html>
`;

/** In the page: everything matching `selector`, through every shadow root. */
function deepAll(selector) {
  const out = [];
  const walk = (root) => {
    out.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  return out;
}

/** In the page: what the elements show, once each has a result or an error (null until then). */
function shown() {
  const progress = document.querySelector('piccoli-progress')?.shadowRoot;
  const map = document.querySelector('piccoli-map')?.shadowRoot;
  const state = (root) => {
    if (!root) return null;
    const alert = root.querySelector('[role="alert"]');
    if (alert) return { alert: alert.textContent.replace(/\s+/g, ' ').trim() };
    const figure = root.querySelector('figure[data-backend]:not([aria-busy])');
    return figure ? { backend: figure.dataset.backend } : null;
  };
  const p = state(progress);
  const m = state(map);
  if (!p || !m) return null;
  const counts = [...progress.querySelectorAll('tbody td.count')].map((c) => {
    const cell = c.cloneNode(true);
    cell.querySelector('.basis')?.remove();
    return cell.textContent.trim();
  });
  const source = progress.querySelector('[part="source"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const mapRows = map.querySelectorAll('table tbody tr').length;
  return { progress: p, map: m, counts, source, mapRows };
}

/** In the page: the console's result rows (or its alert), once it has one. */
function consoleShown() {
  const sql = document.querySelector('piccoli-sql');
  if (!sql) return null;
  const rows = deepAll('tr.row').map((tr) => [...tr.querySelectorAll('td:not(.rownum)')].map((td) => td.textContent.trim()));
  if (rows.length) return { rows };
  const alert = deepAll('[role="alert"]').find((a) => a.textContent.trim());
  return alert ? { alert: alert.textContent.replace(/\s+/g, ' ').trim() } : null;
}

async function main() {
  const nginx = findNginx();
  if (!nginx) {
    log('skip: nginx is not installed (Debian: apt-get install nginx-light; or set NGINX to its path). Nothing was checked.');
    return;
  }
  if (!findServerBinary()) {
    log(`skip: ${NOT_INSTALLED} Nothing was checked.`);
    return;
  }
  if (!existsSync(CHROME)) {
    log(`skip: no Chromium at ${CHROME} (apt-get install chromium, or set CHROME_PATH). Nothing was checked.`);
    return;
  }
  for (const f of ['dist/data.js', 'dist/piccoli.js']) assert.ok(existsSync(join(ROOT, f)), `${f} is missing: run \`npm run build\` first`);

  const blocks = recipe();
  const dir = await mkdtemp(join(tmpdir(), 'piccoli-nginx-'));
  const www = join(dir, 'www');
  await mkdir(join(dir, 'tmp'), { recursive: true });
  await mkdir(www);
  await symlink(join(ROOT, 'dist'), join(www, 'piccoli'));
  let cluster;
  let nginxPid;
  let browser;
  const stopNginx = async () => {
    if (nginxPid) await stopPids([nginxPid], 5000);
    nginxPid = undefined;
  };
  try {
    cluster = await startCluster({ log: (l) => log(`# ${l}`) });
    const loaded = await loadEvents(cluster);
    log(`# ${loaded.rows} events loaded (${loaded.perShard.join(' + ')} per shard)`);
    const chPort = cluster.shards[0].httpPort;
    const admin = (sql, settings = {}) => cluster.query(sql, { settings: { database: DATABASE, ...settings } });

    // ---- The table's DDL, as written, in a scratch database (the word `piccoli` renamed). ----
    const scratch = 'piccoli_readme';
    const statements = blocks.sql
      .replace(/\bpiccoli\b/g, scratch)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const shard of [1, 2]) for (const s of statements) await cluster.query(s, { shard });
    const columnsOf = (db) =>
      admin(`SELECT name, type FROM system.columns WHERE database = '${db}' AND table = 'programme_events' FORMAT TSV`);
    assert.equal(await columnsOf(scratch), await columnsOf(DATABASE), "the README's DDL gives other columns than the test cluster's table");
    assert.equal(
      (await admin(`SELECT engine FROM system.tables WHERE database = '${scratch}' AND name = 'programme_events' FORMAT TSV`)).trim(),
      'Distributed',
    );
    await admin(`INSERT INTO ${scratch}.programme_events SELECT * FROM ${DATABASE}.programme_events`, { insert_distributed_sync: 1 });
    const perShard = await Promise.all([1, 2].map((shard) => cluster.query(`SELECT count() FROM ${scratch}.events_local`, { shard })));
    assert.ok(
      perShard.every((n) => Number(n) > 0),
      `rows on both shards: ${perShard.map(Number).join(' + ')}`,
    );
    for (const shard of [1, 2]) await cluster.query(`DROP DATABASE ${scratch}`, { shard });
    ok(
      `the DDL runs on 18.16: the columns of data/SCHEMA.md, a Distributed table spreading rows over both shards (${perShard.map(Number).join(' + ')})`,
    );

    // ---- The read-only user, as written, in users.d/ of both servers. ----
    const userMatch = /<users>\s*<([A-Za-z_]\w*)>[\s\S]*?<password>([^<]*)<\/password>/.exec(blocks.xml);
    assert.ok(userMatch, "the README's users.d file should define a user with a <password>");
    const [, user, password] = userMatch;
    const state = JSON.parse(await readFile(join(cluster.dir, 'cluster.json'), 'utf8'));
    for (const s of state.shards) {
      await mkdir(join(s.folder, 'users.d'), { recursive: true });
      await writeFile(join(s.folder, 'users.d', 'piccoli-web.xml'), blocks.xml);
    }
    const direct = (sql, { params = {}, headers = {}, method = 'POST', port = chPort, path = '/' } = {}) => {
      const url = new URL(`http://127.0.0.1:${port}${path}`);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return fetch(url, { method, headers, body: method === 'POST' || method === 'PUT' ? sql : undefined });
    };
    const asUser = { 'X-ClickHouse-User': user, 'X-ClickHouse-Key': password };
    const until = Date.now() + 20_000;
    for (;;) {
      const res = await direct('SELECT 1', { headers: asUser });
      if (res.ok) break;
      const text = await res.text();
      if (Date.now() > until) throw new Error(`ClickHouse did not take the README's user ${user} from users.d/: ${text}`);
      await sleep(200);
    }
    const settingsOf = await (
      await direct(
        "SELECT name, value FROM system.settings WHERE name IN ('readonly', 'max_execution_time', 'max_result_rows', 'max_memory_usage') ORDER BY name FORMAT TSV",
        { headers: asUser },
      )
    ).text();
    log(`# ${user}'s settings: ${settingsOf.trim().replace(/\n/g, ', ').replace(/\t/g, '=')}`);
    assert.match(settingsOf, /^readonly\t1$/m);
    ok(`ClickHouse reads the README's users.d file without a restart: ${user} logs in, readonly=1`);

    // ---- nginx with the README's block. ----
    const [port, crossPort] = await freePorts(2);
    const origin = `http://127.0.0.1:${port}`;
    const crossOrigin = `http://127.0.0.1:${crossPort}`;
    nginxPid = await startNginx(nginx, dir, nginxConfig(blocks.nginx, { dir, www, port, crossPort, chPort, injected: false }), port);
    log(`# nginx pid ${nginxPid}: ${origin} (the README's server), ${crossOrigin} (another origin), ClickHouse on ${chPort}`);
    const viaProxy = (sql, o = {}) => direct(sql, { ...o, port, path: '/ch/' });

    // The preflight: answered by nginx, where ClickHouse answers 501.
    const preflightHeaders = {
      Origin: crossOrigin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,x-clickhouse-user,x-clickhouse-key',
    };
    const chOptions = await direct(null, { method: 'OPTIONS', headers: preflightHeaders });
    assert.equal(chOptions.status, 501, 'ClickHouse itself answers OPTIONS 501 (why the proxy must)');
    const pre = await viaProxy(null, { method: 'OPTIONS', headers: preflightHeaders });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
    for (const h of ['Content-Type', 'X-ClickHouse-User', 'X-ClickHouse-Key'])
      assert.match(pre.headers.get('access-control-allow-headers') ?? '', new RegExp(`\\b${h}\\b`, 'i'));
    assert.ok(Number(pre.headers.get('access-control-max-age')) > 0);
    ok(
      `OPTIONS /ch/: 204 from nginx (ClickHouse: 501), Allow-Origin *, Allow-Methods ${pre.headers.get('access-control-allow-methods')}, Allow-Headers ${pre.headers.get('access-control-allow-headers')}`,
    );

    // A query, and the headers of the answer.
    const q = await viaProxy('SELECT 1', { headers: { ...asUser, Origin: crossOrigin } });
    assert.equal(q.status, 200);
    assert.equal((await q.text()).trim(), '1');
    assert.equal(q.headers.get('access-control-allow-origin'), '*');
    // ClickHouse's own Access-Control-Allow-Origin (add_http_cors_header) is hidden: one header, not two.
    // (The test cluster's `default` has no password and is reachable through /ch/: what the README warns about.)
    const cors = await direct('SELECT 1', { params: { add_http_cors_header: '1' }, headers: { Origin: crossOrigin } });
    assert.equal(cors.headers.get('access-control-allow-origin'), '*', 'ClickHouse sends its own header when asked');
    const corsProxy = await viaProxy('SELECT 1', { params: { add_http_cors_header: '1' }, headers: { Origin: crossOrigin } });
    assert.equal(corsProxy.status, 200);
    assert.equal(
      corsProxy.headers.get('access-control-allow-origin'),
      '*',
      'one Access-Control-Allow-Origin (fetch would join two with ", ")',
    );
    ok("POST /ch/ answers with one Access-Control-Allow-Origin: *, ClickHouse's own hidden");

    // A wrong password: 401 without WWW-Authenticate.
    const wrongHeaders = { 'X-ClickHouse-User': user, 'X-ClickHouse-Key': 'sbagliata' };
    const wrongDirect = await direct('SELECT 1', { headers: wrongHeaders });
    assert.equal(wrongDirect.status, 401);
    assert.match(wrongDirect.headers.get('www-authenticate') ?? '', /^Basic/, 'ClickHouse asks for Basic auth (why the proxy hides it)');
    const wrong = await viaProxy('SELECT 1', { headers: wrongHeaders });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('www-authenticate'), null);
    assert.equal(wrong.headers.get('access-control-allow-origin'), '*', 'an error is readable by a page of another origin too');
    assert.match(await wrong.text(), /^Code: 193\b/);
    ok('a wrong password through /ch/: 401 with ClickHouse\'s text, no WWW-Authenticate (ClickHouse sends "Basic …")');

    // POST only, 64 kB.
    assert.equal((await viaProxy(null, { method: 'GET', params: { query: 'SELECT 1' }, headers: asUser })).status, 403);
    assert.equal((await viaProxy(`SELECT '${'x'.repeat(70_000)}'`, { headers: asUser })).status, 413);
    ok('GET /ch/?query=… is refused (403), a 70 kB query too (413)');

    // readonly=1 holds: no setting may be lifted, nothing written.
    const lift = await viaProxy('SELECT 1', { params: { max_execution_time: '0' }, headers: asUser });
    assert.equal(lift.status, 500);
    assert.match(await lift.text(), /^Code: 164\b.*Cannot override setting \(max_execution_time\) in readonly mode/);
    const insert = await viaProxy(`INSERT INTO ${DATABASE}.programme_events (programme) VALUES ('x')`, { headers: asUser });
    assert.match(await insert.text(), /^Code: 164\b/);
    // Why not readonly=2: such a user (the test cluster's reader) lifts its limits with a URL parameter.
    const reader = { 'X-ClickHouse-User': USERS.reader.user, 'X-ClickHouse-Key': USERS.reader.password };
    const lifted = await viaProxy("SELECT value FROM system.settings WHERE name = 'max_memory_usage'", {
      params: { max_memory_usage: '0' },
      headers: reader,
    });
    assert.equal((await lifted.text()).trim(), '0');
    ok(
      `${user} (readonly=1) may not lift max_execution_time nor write (164); a readonly=2 user lifts max_memory_usage to 0 with ?max_memory_usage=0`,
    );

    // ---- The usage page, in Chromium. ----
    const usage = blocks.html;
    const progressTag = /<piccoli-progress ([^>]*)>/.exec(usage)?.[1] ?? '';
    const province = /province="([^"]+)"/.exec(progressTag)?.[1];
    const asOf = /as-of="([^"]+)"/.exec(progressTag)?.[1];
    assert.ok(province && asOf, 'the usage block should show <piccoli-progress province="…" as-of="…">');
    const expected = (
      await admin(
        `SELECT stage_order, count() FROM programme_events WHERE programme = 'piccoli' AND province_sigla = '${province}' AND date <= '${asOf}' GROUP BY stage_order ORDER BY stage_order FORMAT TSV`,
      )
    )
      .trim()
      .split('\n')
      .map((l) => l.split('\t').map(Number));
    const stages = Number(await admin(`SELECT uniqExact(stage_order) FROM programme_events WHERE programme = 'piccoli'`));
    const byOrder = new Map(expected);
    const fmt = new Intl.NumberFormat('it-IT');
    const expectedCounts = Array.from({ length: stages }, (_, order) => fmt.format(byOrder.get(order) ?? 0));
    const consoleQuery = /<piccoli-sql [^>]*query="([^"]+)"/.exec(usage)?.[1];
    assert.ok(consoleQuery, 'the usage block should have a <piccoli-sql query="…">');
    const consoleExpected = (await admin(`${consoleQuery} FORMAT TSV`))
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    log(`# expected: funnel ${province} at ${asOf} ${expectedCounts.join(' / ')}; console ${JSON.stringify(consoleExpected)}`);

    const passwordLiteral = `password: '${password}'`;
    const userLiteral = `user: '${user}'`;
    // The page's credentials are the users.d file's.
    replaceOnce(usage, passwordLiteral, '', 'usage block (the password of the users.d file)');
    replaceOnce(usage, userLiteral, '', 'usage block (the user of the users.d file)');
    await writeFile(join(www, 'index.html'), page(usage));
    await writeFile(join(www, 'wrong.html'), page(replaceOnce(usage, passwordLiteral, "password: 'sbagliata'", 'usage block')));
    await writeFile(join(www, 'cross.html'), page(replaceOnce(usage, "url: '/ch/'", `url: '${origin}/ch/'`, 'usage block')));
    await writeFile(
      join(www, 'proxy-credentials.html'),
      page(replaceOnce(usage, `, ${userLiteral}, ${passwordLiteral}`, '', 'usage block')),
    );

    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({
      executablePath: CHROME,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });

    /** Open a page; returns what its elements and console show, the requests it made and its console errors. */
    const open = async (url, { timeout = 30_000 } = {}) => {
      const tab = await browser.newPage();
      const requests = [];
      const errors = [];
      const failed = [];
      let dialog = null;
      tab.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
      tab.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.request().method()} ${r.url()}`));
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      tab.on('pageerror', (e) => errors.push(String(e)));
      tab.on('dialog', async (d) => {
        dialog = d.message();
        await d.dismiss();
      });
      // The page functions above, as globals of the page; and the piccoli-error events it fires.
      await tab.evaluateOnNewDocument(`${deepAll}\n${shown}\n${consoleShown}
        window.__piccoliErrors = [];
        document.addEventListener('piccoli-error', (e) => window.__piccoliErrors.push(e.detail));`);
      await tab.goto(url, { waitUntil: 'load' });
      await tab.waitForFunction('shown()', { timeout, polling: 100 });
      const elements = await tab.evaluate('shown()');
      await tab.waitForFunction('consoleShown()', { timeout, polling: 100 });
      const consoleResult = await tab.evaluate('consoleShown()');
      const events = await tab.evaluate(() => window.__piccoliErrors);
      return { tab, elements, console: consoleResult, requests, failed, errors, events, dialog };
    };
    const engineFiles = (requests) => requests.filter((r) => /\/piccoli\/(duckdb|parquet)\//.test(r));

    // Same origin, the README's page as written.
    const same = await open(`${origin}/index.html`);
    log(`# same origin: ${JSON.stringify(same.elements)}; console ${JSON.stringify(same.console)}`);
    assert.deepEqual(same.elements.progress, { backend: 'remote' });
    assert.deepEqual(same.elements.counts, expectedCounts);
    assert.deepEqual(same.elements.map, { backend: 'remote' });
    assert.ok(same.elements.mapRows > 100, `the map's table has a row per province (${same.elements.mapRows})`);
    assert.deepEqual(same.console?.rows?.slice(0, consoleExpected.length), consoleExpected);
    assert.deepEqual(engineFiles(same.requests), [], 'no DuckDB-WASM or parquet-wasm download');
    assert.ok(
      same.requests.some((r) => r.startsWith(`POST ${origin}/ch/?`)),
      'the queries went to /ch/',
    );
    // No failed request and no console error (the connector asks the server's catalogues
    // what it can do, rather than trying a format and getting a 404).
    assert.deepEqual(same.failed, []);
    assert.deepEqual(same.errors, []);
    assert.equal(same.dialog, null);
    ok(
      `the README's page through nginx: funnel ${province} ${same.elements.counts.join(' / ')} (= the cluster's), map and console answered by the server (data-backend="remote"), no DuckDB download, ${same.requests.filter((r) => r.includes('/ch/')).length} queries to /ch/`,
    );
    await same.tab.close();

    // A wrong password: the element's message, promptly (no login dialog, no hang).
    const started = Date.now();
    const bad = await open(`${origin}/wrong.html`, { timeout: 20_000 });
    const took = Date.now() - started;
    log(`# wrong password: ${JSON.stringify(bad.elements)}; events ${JSON.stringify(bad.events.map((e) => `${e.code}/${e.kind}`))}`);
    assert.match(bad.elements.progress.alert ?? '', /Il server dei dati ha rifiutato l’accesso/);
    assert.match(bad.elements.map.alert ?? '', /Il server dei dati ha rifiutato l’accesso/);
    assert.ok(
      bad.events.some((e) => e.code === 'remote' && e.kind === 'remote-auth'),
      'piccoli-error with code remote, kind remote-auth',
    );
    assert.equal(bad.dialog, null);
    // The connector's requests carry no credentials (credentials: 'omit'), which Chromium never
    // answers with a login dialog. A same-origin request with fetch's default credentials would
    // wait on that dialog (no answer) if the proxy let WWW-Authenticate through.
    const plainFetch = await bad.tab.evaluate(async (h) => {
      const late = new Promise((done) => setTimeout(() => done('no answer within 10 s'), 10_000));
      const res = fetch('/ch/', { method: 'POST', headers: h, body: 'SELECT 1' }).then((r) => `HTTP ${r.status}`);
      return Promise.race([res, late]);
    }, wrongHeaders);
    assert.equal(plainFetch, 'HTTP 401');
    ok(
      `a wrong password: «${bad.elements.progress.alert.slice(0, 90)}…» in ${took} ms (page load included), piccoli-error remote/remote-auth; a plain fetch gets its 401 too`,
    );
    await bad.tab.close();

    // Another origin embedding the elements, and a request that needs a preflight.
    const cross = await open(`${crossOrigin}/cross.html`);
    log(`# another origin: ${JSON.stringify(cross.elements)}`);
    assert.deepEqual(cross.elements.counts, expectedCounts);
    assert.deepEqual(cross.elements.progress, { backend: 'remote' });
    assert.ok(
      cross.requests.some((r) => r.startsWith(`POST ${origin}/ch/?`) && r.includes(`user=${user}`)),
      'to another origin the credentials go as URL parameters',
    );
    const preflighted = await cross.tab.evaluate(
      async (url, h) => {
        const res = await fetch(url, { method: 'POST', headers: h, body: 'SELECT 42' });
        return { status: res.status, text: (await res.text()).trim() };
      },
      `${origin}/ch/`,
      asUser,
    );
    assert.deepEqual(preflighted, { status: 200, text: '42' });
    const access = await readFile(join(dir, 'access.log'), 'utf8');
    assert.match(access, /"OPTIONS \/ch\/ HTTP\/1\.1" 204 /, 'the browser sent its preflight, and nginx answered 204');
    ok(
      `a page of ${crossOrigin}: the same funnel, credentials as URL parameters; a fetch with X-ClickHouse-* headers passes its preflight (OPTIONS 204 in nginx's log)`,
    );
    await cross.tab.close();

    // ---- The credentials in the proxy: the two commented lines uncommented. ----
    await stopNginx();
    nginxPid = await startNginx(nginx, dir, nginxConfig(blocks.nginx, { dir, www, port, crossPort, chPort, injected: true }), port);
    const noCreds = await open(`${origin}/proxy-credentials.html`);
    assert.deepEqual(noCreds.elements.counts, expectedCounts);
    assert.ok(!noCreds.requests.some((r) => r.includes('password=')));
    const other = await viaProxy('SELECT 1', { params: { user: 'default' } });
    assert.equal(other.status, 401);
    assert.match(await other.text(), /^Code: 194\b/);
    // 18.16 has no currentUser(): the query finds itself in system.processes by its id.
    const id = `whoami-${Date.now()}`;
    const who = await viaProxy(`SELECT user FROM system.processes WHERE query_id = '${id}'`, { params: { query_id: id } });
    assert.equal((await who.text()).trim(), user);
    ok(
      `credentials in the proxy: a page without user and password shows the same funnel; /ch/ runs as ${user}, and ?user=default is refused (401, code 194)`,
    );
    await noCreds.tab.close();

    log(`# all ${passed} checks passed`);
  } finally {
    await browser?.close().catch(() => {});
    await stopNginx().catch(() => {});
    await cluster?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`not ok - ${e.stack ?? e}`);
  process.exitCode = 1;
});
