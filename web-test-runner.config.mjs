// Browser tests: real headless Chromium (Debian's, or CHROME_PATH), TypeScript through
// esbuild, and the same `asset:` imports as the build, served from node_modules/ and data/.
import { relative } from 'node:path';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { assetPath, devAssetPath } from './rollup.config.mjs';
import { clickhouseMiddleware, clickhouseTestPlugin } from './test/clickhouse/wtr-plugin.mjs';

const root = new URL('.', import.meta.url).pathname;
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** `asset:x` -> a module whose default export is the URL the dev server serves x at. */
function assets() {
  return {
    name: 'piccoli-assets',
    resolveImport({ source }) {
      if (source.startsWith('asset:')) return `/__asset__?spec=${encodeURIComponent(source.slice(6))}`;
    },
    serve(context) {
      if (context.path !== '/__asset__') return;
      const spec = new URL(context.url, 'http://x').searchParams.get('spec');
      const url = `/${relative(root, assetPath(spec))}`;
      return { body: `export default new URL(${JSON.stringify(url)}, location.origin).href;`, type: 'js' };
    },
  };
}

/**
 * Observable Plot imports one CommonJS package (interval-tree-1d, which requires
 * binary-search-bounds). The build converts it with @rollup/plugin-commonjs; here esbuild
 * serves it as an ES module, since that plugin breaks in the dev server
 * (modernweb-dev/web#1700).
 */
function plotCommonJs() {
  return {
    name: 'plot-commonjs',
    async serve(context) {
      if (!/\/node_modules\/interval-tree-1d\/interval-tree\.js$/.test(context.path)) return;
      const out = await build({
        entryPoints: [`${root}node_modules/interval-tree-1d/interval-tree.js`],
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent',
      });
      return { body: out.outputFiles[0].text, type: 'js' };
    },
  };
}

/** Misbehaving servers for the robustness tests: an error status, and one that stalls. */
async function badServers(ctx, next) {
  if (ctx.path === '/__status__/500.parquet') {
    ctx.status = 500;
    ctx.body = 'Internal Server Error';
    return;
  }
  // Any file under /__stall__/ (the data file, and the cube beside it the browser looks for).
  if (ctx.path.startsWith('/__stall__/')) {
    ctx.status = 200;
    ctx.set('content-type', 'application/octet-stream');
    ctx.set('content-length', '100000');
    const { PassThrough } = await import('node:stream');
    const body = new PassThrough();
    body.write(Buffer.from('PAR1'));
    ctx.body = body; // never ends: the client must give up by itself
    setTimeout(() => body.destroy(), 20_000);
    return;
  }
  return next();
}

/**
 * A server that fails once: with `configure({ assetBase: '/__fail_once__/<file>/<token>/' })`
 * the first request for <file> under that token answers 500, every other request (and the
 * next one for <file>) gets the real asset, as a page's own asset base would.
 */
const failedOnce = new Set();
async function failOnce(ctx, next) {
  const m = /^\/__fail_once__\/([^/]+)\/([^/]+)\/(data|duckdb|parquet)\/([^/]+)$/.exec(ctx.path);
  if (!m) return next();
  const [, file, token, dir, name] = m;
  if (name === file && !failedOnce.has(`${token}/${file}`)) {
    failedOnce.add(`${token}/${file}`);
    // test-runner-core's cacheMiddleware marks every answer to a path with an extension
    // cacheable for a year, after this returns: a path without one keeps the 500 uncached.
    ctx.path = '/__fail_once__';
    ctx.status = 500;
    ctx.body = 'Internal Server Error';
    return;
  }
  ctx.url = `/${relative(root, devAssetPath(dir, name))}`;
  return next();
}

/**
 * The engine's own files, misbehaving once (test/browser/engine-failure.test.ts): a test
 * sets configure({ assetBase: '/__flaky__/<fault>-<id>/' }) and the first request for
 * the file the fault names fails; later requests (a retry) get the real file.
 * Faults: wasm-503, wasm-cut (half the bytes, announced as complete), wasm-drop (half
 * the bytes of a longer announced length, then the connection drops), wasm-stall
 * (headers, then nothing), worker-503 (DuckDB-WASM's worker script, gzipped and plain: each
 * fails once), workergz-503 (only the gzipped one).
 */
const flakySeen = new Set();
async function flakyEngine(ctx, next) {
  const m = /^\/__flaky__\/((wasm|worker|workergz)-(503|cut|drop|stall)-[\w-]+)\/(duckdb|parquet|data)\/([\w.-]+)$/.exec(ctx.path);
  if (!m) return next();
  const [, key, target, fault, folder, name] = m;
  const real = `/${relative(root, devAssetPath(folder, name))}`;
  const hit = {
    wasm: /^duckdb-.*\.wasm(\.gz)?$/,
    worker: /^duckdb-browser-.*\.worker\.js(\.gz)?$/,
    workergz: /^duckdb-browser-.*\.worker\.js\.gz$/,
  }[target].test(name);
  if (!hit || flakySeen.has(`${key}/${name}`)) {
    ctx.url = real;
    return next();
  }
  flakySeen.add(`${key}/${name}`);
  // Written by hand: the test runner marks every response with a file extension as
  // cacheable for a year, and a cached failure would fail the retry too.
  ctx.respond = false;
  const res = ctx.res;
  if (fault === '503') {
    res.writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('Service Unavailable');
    return;
  }
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(new URL(`.${real}`, import.meta.url));
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  const headers = { 'content-type': 'application/wasm', 'cache-control': 'no-store' };
  if (fault === 'cut') {
    res.writeHead(200, { ...headers, 'content-length': half.length }).end(half);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': bytes.length });
  if (fault === 'drop') {
    res.write(half);
    setTimeout(() => res.socket?.destroy(), 100);
  } else {
    setTimeout(() => res.socket?.destroy(), 60_000);
  }
}

/**
 * A server that encodes the engine's files itself (test/browser/engine-compressed.test.ts):
 * /__encoded__/<folder>/<name> answers the asset base's file with `Content-Encoding: gzip`
 * when it is a .gz (as Apache does with `AddEncoding gzip .gz`), so the browser inflates it
 * before the page sees it. /__encoded_count__ says how many bytes went out that way.
 */
let encodedBytes = 0;
async function encoded(ctx, next) {
  if (ctx.path === '/__encoded_count__') {
    ctx.body = { bytes: encodedBytes };
    return;
  }
  const m = /^\/__encoded__\/(duckdb|parquet|data)\/([\w.-]+)$/.exec(ctx.path);
  if (!m) return next();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(devAssetPath(m[1], m[2]));
  encodedBytes += bytes.length;
  ctx.respond = false; // by hand: the test runner would mark it cacheable for a year
  const gz = m[2].endsWith('.gz');
  ctx.res
    .writeHead(200, {
      'content-type': gz ? 'application/wasm' : 'text/javascript',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
      'content-length': bytes.length,
      'cache-control': 'no-store',
    })
    .end(bytes);
}

/**
 * A server that trickles (test/browser/data/loading.test.ts): /__trickle__/<path>?ms=&bytes=&id=
 * sends the repo file <path> `bytes` bytes (default 1) every `ms` ms (default 1000).
 * /__trickle_state__?id= says whether the client has hung up on it, and how much was sent.
 */
const trickles = new Map();
async function trickle(ctx, next) {
  const q = new URL(ctx.url, 'http://x').searchParams;
  if (ctx.path === '/__trickle_state__') {
    ctx.body = trickles.get(q.get('id')) ?? { started: false };
    return;
  }
  if (!ctx.path.startsWith('/__trickle__/')) return next();
  const ms = Number(q.get('ms') ?? 1000);
  const step = Number(q.get('bytes') ?? 1);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(new URL(`.${ctx.path.slice('/__trickle__'.length)}`, import.meta.url)).catch(() => null);
  if (!bytes) return; // 404 (a cube looked for beside the file)
  if (ctx.method === 'HEAD') {
    ctx.set('content-length', String(bytes.length));
    ctx.status = 200;
    return;
  }
  const state = { started: true, sent: 0, closed: false, finished: false };
  trickles.set(q.get('id'), state);
  ctx.respond = false; // by hand: the test runner would mark it cacheable for a year
  const res = ctx.res;
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length, 'cache-control': 'no-store' });
  const timer = setInterval(() => {
    if (state.sent >= bytes.length) {
      state.finished = true;
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(bytes.subarray(state.sent, state.sent + step));
    state.sent = Math.min(bytes.length, state.sent + step);
  }, ms);
  res.on('close', () => {
    clearInterval(timer);
    state.closed = !state.finished;
  });
}

/**
 * A host that records who asks it (test/browser/sandbox*.test.ts): any request under
 * /__record__/ is remembered with its host and answered with a small CSV, to any origin
 * (CORS open, so that only the page's own rules can stop a read); GET /__record__/log
 * lists what was asked (not itself), DELETE /__record__/log forgets.
 */
const recorded = [];
async function recorder(ctx, next) {
  if (!ctx.path.startsWith('/__record__/')) return next();
  ctx.set('access-control-allow-origin', '*');
  if (ctx.path === '/__record__/log') {
    if (ctx.method === 'DELETE') recorded.length = 0;
    ctx.body = JSON.stringify(recorded);
    ctx.type = 'application/json';
    return;
  }
  recorded.push({ host: ctx.host, url: ctx.url, method: ctx.method });
  ctx.type = 'text/csv';
  ctx.body = 'comune,n\nBaschi,1\n';
}

export default {
  // clickhouseMiddleware: /__ch__/ (proxy to the test cluster), /__ch_closed__/, /__duckdb_node__,
  // /__ch_admin__, /__ch_info__ (test/clickhouse/README.md).
  middleware: [badServers, failOnce, flakyEngine, encoded, trickle, recorder, clickhouseMiddleware],
  files: ['test/browser/**/*.test.ts', 'test/clickhouse/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'import', 'default'] },
  rootDir: root,
  concurrency: 1,
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 20 * 60 * 1000,
  browserStartTimeout: 60000,
  plugins: [
    assets(),
    plotCommonJs(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}tsconfig.json` }),
    // A two-shard ClickHouse on loopback, loaded with data/programmes.parquet (stopped at the end).
    clickhouseTestPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // gc() and exact performance.memory: the console's leak test measures the heap.
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
        ],
      },
    }),
  ],
};
