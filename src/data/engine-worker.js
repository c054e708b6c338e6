// The first lines every engine worker runs (src/data/engine-boot.ts starts it, from a
// same-origin blob or, where the page's CSP refuses blob workers, from its URL), before
// DuckDB-WASM's own worker script. Shipped as dist/duckdb/engine-worker.js. A plain
// classic worker script: what it is told comes in the worker's name, as JSON
// { id, lock, worker, wasm, inline }. It
// - reports a rejection nobody handles (a failed wasm download or compile: DuckDB-WASM
//   1.32 leaves those unanswered) with the HTTP status a failed fetch was answered with,
//   and a worker script that would not load;
// - inflates the gzipped wasm (dist/duckdb/duckdb-eh.wasm.gz, 7.6 MB for 34 MB) as it
//   arrives, with DecompressionStream, so that the browser still compiles it while it
//   downloads. A server that already decoded it (Content-Encoding: gzip) hands over the
//   wasm itself, recognised by its first bytes and passed on as it is;
// - reports the download's progress in bytes on the wire (DuckDB-WASM's own counts the
//   inflated bytes, against no total);
// - holds a Web Lock for the worker's whole life, so the page knows when it is gone;
// - imports DuckDB-WASM's worker script, unless the page inflated it from its .gz and
//   put it in the worker's blob right after this file's import (`inline`).
/* global self, URL, ReadableStream, DecompressionStream, Response, importScripts */
'use strict';
(() => {
  const { id, lock, worker, wasm, inline } = JSON.parse(self.name);
  const report = (data) => self.postMessage({ requestId: id, type: 'INSTANTIATE_PROGRESS', data: { piccoli: data } });
  report({ event: 'started' });
  const describe = (e) => ({ name: String((e && e.name) || ''), message: String((e && e.message) || e) });
  const statuses = [];
  /** The wasm arrived, but its bytes did not inflate: damaged or cut short. */
  let damaged = false;
  const fetch = self.fetch;
  self.fetch = (input, init) => {
    const answer = fetch.call(self, input, init).then((r) => {
      if (!r.ok) statuses.push(r.status);
      return r;
    });
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return url === wasm ? answer.then((r) => (r.ok && r.body ? inflate(r) : r)) : answer;
  };
  self.addEventListener('unhandledrejection', (e) =>
    report({ event: 'rejection', ...describe(e.reason), status: statuses[statuses.length - 1], damaged }),
  );
  if (self.navigator.locks) {
    self.navigator.locks
      .request(lock, () => {
        report({ event: 'alive' });
        return new Promise(() => {});
      })
      .catch(() => {});
  } else {
    report({ event: 'alive' });
  }

  /** The wasm's response, counted as it arrives and inflated when it is gzip. */
  async function inflate(response) {
    // A server that encoded it itself announces the encoded length: the body is longer.
    const total = response.headers.get('content-encoding') ? undefined : Number(response.headers.get('content-length')) || undefined;
    const reader = response.body.getReader();
    let loaded = 0;
    let reportedAt = 0;
    const progress = (last) => {
      const now = Date.now();
      if (!last && now - reportedAt < 50) return;
      reportedAt = now;
      report({ event: 'progress', loaded, total: total !== undefined && loaded > total ? undefined : total, last });
    };
    const first = await reader.read();
    const head = first.value;
    if (head) loaded += head.byteLength;
    const counted = new ReadableStream({
      start(c) {
        if (head) c.enqueue(head);
        if (first.done) {
          progress(true);
          c.close();
        } else progress(false);
      },
      async pull(c) {
        const { done, value } = await reader.read();
        if (done) {
          progress(true);
          return c.close();
        }
        loaded += value.byteLength;
        progress(false);
        c.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const gzipped = !!head && head.length > 1 && head[0] === 0x1f && head[1] === 0x8b;
    const body = gzipped ? guarded(counted.pipeThrough(new DecompressionStream('gzip'))) : counted;
    return new Response(body, { status: 200, headers: { 'content-type': 'application/wasm' } });
  }

  /** The inflated bytes; a failure to inflate marks the wasm as damaged. */
  function guarded(stream) {
    const reader = stream.getReader();
    return new ReadableStream({
      async pull(c) {
        try {
          const { done, value } = await reader.read();
          if (done) c.close();
          else c.enqueue(value);
        } catch (e) {
          damaged = true;
          throw e;
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
  }

  if (inline) return;
  try {
    importScripts(worker);
  } catch (e) {
    report({ event: 'script', file: worker, ...describe(e) });
  }
})();
