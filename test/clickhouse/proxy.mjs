// The same-origin reverse proxy to a ClickHouse server's HTTP interface, as the README's
// nginx recipe sets it up, on plain node:http requests: used by the web-test-runner plugin
// (test/clickhouse/wtr-plugin.mjs, /__ch__/) and by the benchmark's server
// (bench/lib/server.mjs, /ch/). One implementation, so that the bench measures the path
// the tests check.
import { request } from 'node:http';

/**
 * What the proxy answers to a preflight (OPTIONS), the headers of the README's nginx recipe:
 * the page's origin, the methods and request headers the connector uses, cached for a day.
 */
export const PREFLIGHT = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers':
    'Authorization, Content-Type, X-ClickHouse-User, X-ClickHouse-Key, X-ClickHouse-Database, X-ClickHouse-Format',
  'access-control-max-age': '86400',
};

/** nginx's own page when the upstream refuses the connection (body and headers as nginx sends them). */
const BAD_GATEWAY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

// Hop-by-hop headers a proxy does not forward (RFC 9110 7.6.1), and Host, which it sets.
const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/**
 * Upstream headers the recipe hides (nginx `proxy_hide_header`): ClickHouse's own CORS header
 * (the proxy sets one), and `WWW-Authenticate: Basic`, which 18.16 sends with every 401 and
 * which makes a browser open its login dialog (headless Chromium then waits forever) instead
 * of handing the 401 to the page.
 */
const HIDDEN = new Set(['access-control-allow-origin', 'www-authenticate']);

/**
 * Answer a preflight (OPTIONS) as the recipe does: 204, the request's Origin (or `*`).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function answerPreflight(req, res) {
  const origin = req.headers.origin;
  res.writeHead(204, {
    ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { 'access-control-allow-origin': '*' }),
    ...PREFLIGHT,
    'content-length': '0',
  });
  res.end();
}

/**
 * nginx's 502 page (or, when the answer had already started, a cut connection).
 * @param {import('node:http').ServerResponse} res
 */
export function badGateway(res) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { server: 'nginx', 'content-type': 'text/html', 'content-length': Buffer.byteLength(BAD_GATEWAY) });
  res.end(BAD_GATEWAY);
}

/**
 * Forward `req` to 127.0.0.1:`port` with `path` (the part after the proxy's prefix, query
 * string included): method, body and request headers (Authorization, X-ClickHouse-*) pass;
 * status, headers and body stream back. Resolves when the answer is done (or cut).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} port
 * @param {string} path
 * @returns {Promise<void>}
 */
export function proxyRequest(req, res, port, path) {
  const headers = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k)) headers[k] = v;
  headers.host = `127.0.0.1:${port}`;
  const origin = req.headers.origin;
  return new Promise((done) => {
    const up = request({ host: '127.0.0.1', port, method: req.method, path, headers }, (upRes) => {
      const out = {};
      for (const [k, v] of Object.entries(upRes.headers)) if (!HOP.has(k) && !HIDDEN.has(k)) out[k] = v;
      // As the recipe's `add_header Access-Control-Allow-Origin $http_origin always` (and
      // `proxy_hide_header` of ClickHouse's own): one value, the page's origin.
      if (origin) Object.assign(out, { 'access-control-allow-origin': origin, vary: 'Origin' });
      res.writeHead(/** @type {number} */ (upRes.statusCode), upRes.statusMessage, out);
      upRes.pipe(res);
      upRes.on('end', done);
      upRes.on('error', () => {
        res.destroy();
        done();
      });
    });
    up.on('error', () => {
      badGateway(res);
      done();
    });
    // The browser gave up (abort, navigation): close the upstream request too, as nginx does.
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
      done();
    });
    req.pipe(up);
  });
}

/**
 * A request handler for one proxy path: OPTIONS answered here, anything else forwarded to
 * the port `upstream()` gives (a 502 when it gives none).
 * @param {string} prefix e.g. '/ch' (no trailing slash): `/ch/?query=…` goes upstream as `/?query=…`
 * @param {() => number | null | undefined} upstream
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function clickhouseProxy(prefix, upstream) {
  return async (req, res) => {
    if (req.method === 'OPTIONS') return answerPreflight(req, res);
    const port = upstream();
    if (!port) return badGateway(res);
    return proxyRequest(req, res, port, /** @type {string} */ (req.url).slice(prefix.length) || '/');
  };
}
