// What the e2e tests of a pre-rendered snapshot (`piccoli-data snapshot`) in a page share:
// the page a CMS makes, a server of such pages under the demo's strict CSP with the
// snapshots' style hashes allowed, and the recording, from the first frame on, of layout
// shifts and of what each frame shows while the element takes over. The browser, dist/,
// tabs and screenshots: ./browser.mjs.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { CSP, fileFor } from '../../../demo/serve.mjs';

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.arrow': 'application/vnd.apache.arrow.file', '.css': 'text/css' };

/**
 * A page as a CMS makes it: the library's `script`, a heading and the `intro` text, the
 * element(s) in `body`, more text (#after). `head`: more of the head, before the script.
 */
export const cmsPage =
  ({ title = 'Snapshot', script = '/dist/piccoli.js', head = '', intro }) =>
  (body) => `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}<script type="module" src="${script}"></script></head>
<body><main><h1>Notizie</h1><p>${intro}</p>
${body}
<p id="after">Testo dopo il riquadro.</p></main></body></html>`;

/**
 * Serves `pages` (path -> HTML, looked up at each request), `files` (path -> [content type,
 * body]) and dist/, every answer under the demo's CSP (demo/serve.mjs) whose style-src also
 * allows the `snapshots`' styles by the hashes the command gives (--csp), and nothing else.
 */
export async function startSnapshotServer({ snapshots, pages, files = {} }) {
  const hashes = new Set(snapshots.flatMap((s) => s.styleHashes));
  const csp = CSP.replace("style-src 'self'", `style-src 'self' ${[...hashes].join(' ')}`);
  assert.notEqual(csp, CSP, "the demo's CSP has a style-src 'self' to add the hashes to");
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const headers = { 'content-security-policy': csp, 'cache-control': 'no-cache' };
    if (path === '/favicon.ico') return res.writeHead(204, headers).end();
    if (Object.hasOwn(files, path)) return res.writeHead(200, { ...headers, 'content-type': files[path][0] }).end(files[path][1]);
    if (pages.has(path)) return res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(pages.get(path));
    const file = path.startsWith('/dist/') ? fileFor(path) : null;
    const body = file && (await fs.readFile(file).catch(() => null));
    if (!body) return res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

/** In the page, from its first frame: see watchFrames. */
function recordFrames(tag, count, read) {
  globalThis.__cls = 0;
  globalThis.__shifts = 0;
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      globalThis.__shifts++;
      globalThis.__cls += e.hadRecentInput ? 0 : e.value;
    }),
  ).observe({ type: 'layout-shift', buffered: true });
  globalThis.__frames = [];
  const frame = () => {
    const els = [...document.querySelectorAll(tag)];
    if (els.length === count) {
      globalThis.__frames.push({
        defined: !!globalThis.customElements.get(tag),
        stale: els.some((e) => e.shadowRoot?.querySelector('script[type="application/json"]')),
        ...read(els),
      });
    }
    if (!globalThis.__stop) globalThis.requestAnimationFrame(frame);
  };
  globalThis.requestAnimationFrame(frame);
}

/**
 * From the first frame of the next page the tab loads: layout shifts (CLS, and how many),
 * and, in each frame where the page has its `count` elements `tag`: whether the element is
 * defined, whether a snapshot's nodes are still there (its answer's script) and what
 * `read(elements)` returns. `read` runs in the page: it may use its argument and globals only.
 */
export function watchFrames(tab, tag, count, read) {
  return tab.evaluateOnNewDocument(`(${recordFrames})(${JSON.stringify(tag)}, ${count}, ${read});`);
}

/** After a few more frames, what watchFrames recorded: `{ frames, cls, shifts }`. */
export async function framesSeen(tab) {
  await tab.evaluate(
    () =>
      new Promise((ok) =>
        globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(ok))),
      ),
  );
  return tab.evaluate(() => {
    globalThis.__stop = true;
    return { frames: globalThis.__frames, cls: globalThis.__cls, shifts: globalThis.__shifts };
  });
}

/** No layout shift at all, and frames were seen both with the snapshot's nodes and with the element's own. */
export function assertTakenOver({ frames, cls, shifts }) {
  assert.equal(cls, 0, 'CLS');
  assert.equal(shifts, 0, 'layout-shift entries');
  assert.ok(
    frames.some((f) => f.stale),
    'frames were seen before the element took over',
  );
  assert.ok(
    frames.some((f) => f.defined && !f.stale),
    'frames were seen after the element took over',
  );
}
