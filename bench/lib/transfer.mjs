// What the SQL console demo page (demo/console.html) downloads, and how long its engine
// takes to be ready, from two kinds of server, on a 10 Mbit/s link (Chromium's network
// emulation): one that compresses nothing (as `python3 -m http.server` and many CMS
// hosts), and one that serves the precompressed .br/.gz siblings of dist/ (nginx
// gzip_static/brotli_static, README "Serving dist/"). Bytes are the response bodies the
// server sent, for every request of the page and of its workers (a worker's requests are
// not in the page's DevTools session).
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
};

/** A static server: demo/ at /, dist/ at /dist/; `precompressed` serves x.br / x.gz for x when the browser accepts them. */
export async function staticServer({ demo, dist, precompressed }) {
  const sent = new Map(); // path -> body bytes sent
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [base, rest] = path.startsWith('/dist/') ? [dist, path.slice(6)] : [demo, path.slice(1) || 'index.html'];
    const file = normalize(join(base, rest));
    if (!file.startsWith(base + sep)) return res.writeHead(403).end();
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) return res.writeHead(404).end();
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    let served = file;
    if (precompressed) {
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const sibling = [['br', '.br'], ['gzip', '.gz']].find(([enc, ext]) => accepts.includes(enc) && existsSync(file + ext));
      if (sibling) {
        served = file + sibling[1];
        headers['content-encoding'] = sibling[0];
        headers.vary = 'accept-encoding';
      }
    }
    headers['content-length'] = (await stat(served)).size;
    // A HEAD (the cube's check of a file's size) sends no body.
    if (req.method !== 'HEAD') sent.set(path, (sent.get(path) ?? 0) + headers['content-length']);
    res.writeHead(200, headers);
    createReadStream(served).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    sent,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

/** One cold visit of the console page: bytes on the wire, and when the engine answered. */
async function visitConsole(browser, { origin, sent }) {
  sent.clear();
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // 10 Mbit/s down, 5 up, 20 ms: the slow link.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: (10e6 / 8),
      uploadThroughput: (5e6 / 8),
    });
    await page.goto(`${origin}/console.html`);
    const engineReadyMs = await page.evaluate(async () => {
      const key = Symbol.for('piccoli-dashboard.engine');
      while (!globalThis[key]?.started) await new Promise((r) => setTimeout(r, 20));
      await globalThis[key].ready();
      return performance.now();
    });
    await page.waitForNetworkIdle({ idleTime: 1000, timeout: 180_000 });
    const files = [...sent].map(([path, n]) => ({ path, bytes: n }));
    return { engineReadyMs: Math.round(engineReadyMs), bytes: files.reduce((a, f) => a + f.bytes, 0), files: files.sort((a, b) => b.bytes - a.bytes).slice(0, 8) };
  } finally {
    await context.close();
  }
}

/** The console page from a server that compresses nothing, and from one with precompressed siblings. */
export async function measureTransfer({ browser, root, dist, runs = 1, log = () => {} }) {
  const out = {};
  for (const [key, precompressed] of [['plain', false], ['precompressed', true]]) {
    const server = await staticServer({ demo: join(root, 'demo'), dist, precompressed });
    try {
      const visits = [];
      for (let i = 0; i < runs; i++) {
        log(`transfer: console page, ${key} server, run ${i + 1}/${runs}`);
        visits.push(await visitConsole(browser, server));
      }
      visits.sort((a, b) => a.engineReadyMs - b.engineReadyMs);
      out[key] = { ...visits[Math.floor(visits.length / 2)], runs: visits.map((v) => v.engineReadyMs) };
    } finally {
      await server.close();
    }
  }
  return out;
}
