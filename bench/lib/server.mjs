// A small static server for the bench pages: serves the repository root so that /dist/,
// /data/ and /bench/ resolve as a site would serve them, with cacheable responses so a
// second navigation in the same browser context really hits the HTTP cache.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Start serving `root` on a free localhost port; `aliases` maps URL prefixes ending in
 * "/" to other folders, `routes` URL prefixes to request handlers (the ClickHouse proxy).
 * @param {string} root
 * @param {{ aliases?: Record<string, string>, routes?: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown> }} [options]
 * @returns {Promise<{ origin: string, close: () => Promise<void>, requests: Map<string, number> }>}
 */
export async function serve(root, { aliases = {}, routes = {} } = {}) {
  const requests = new Map(); // path -> times served (to check that warm runs hit the cache)
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const route = Object.keys(routes).find((r) => path.startsWith(r));
      if (route) {
        await routes[route](req, res);
        return;
      }
      // An alias serves a URL prefix from another folder (a snapshot of dist/, say).
      const prefix = Object.keys(aliases).find((a) => path.startsWith(a));
      const base = prefix ? aliases[prefix] : root;
      const file = normalize(join(base, prefix ? path.slice(prefix.length) : path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${path}`);
        return;
      }
      requests.set(path, (requests.get(path) ?? 0) + 1);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'max-age=3600',
        'Last-Modified': st.mtime.toUTCString(),
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch (e) {
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
