// The baseline: the straightforward page a user would write without piccoli-dashboard.
// Stock @duckdb/duckdb-wasm with its own bundles self-hosted (the package's files, served from
// /node_modules/: dist/ now ships the wasm gzipped for the library's worker), the data
// file loaded into it, the funnel SQL, and an Observable Plot bar chart with the counts.
//
// Stock DuckDB-WASM reads Parquet through its parquet extension, which it downloads from
// extensions.duckdb.org; without internet that fails, so this page loads the Arrow IPC
// twin of the data (data/programmes.arrow, same rows) through apache-arrow instead.
// Bundled for the browser by bench/run.mjs with esbuild into bench/.out/baseline.js.
//
// The SQL text is the library's own: `funnelQuery()` (bundled here from its source,
// src/data/sql/funnel.ts, a pure function of a few lines, so the baseline carries none of
// the library's runtime) with its parameters written in as literals, as a stock user
// would send them. Same query, same numbers; only the engine and the page differ.
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableFromIPC } from 'apache-arrow';
import * as Plot from '@observablehq/plot';
import { funnelQuery } from '../../src/data/sql/funnel.ts';
import { FILTER, inline } from '../pages/scale-sql.js';

const EXPECTED = [5490, 612, 568, 485];
const chart = document.getElementById('chart');
__benchMark('script-start');
__benchWatch(() => {
  const texts = [...chart.querySelectorAll('svg g[aria-label="text"] text')];
  return texts.length ? texts.map((t) => Number(t.textContent.replace(/[^0-9]/g, ''))) : null;
}, EXPECTED);

try {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm', mainWorker: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js' },
    eh: { mainModule: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', mainWorker: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js' },
  });
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  __benchMark('duckdb-ready');
  const conn = await db.connect();
  const data = tableFromIPC(await (await fetch('/data/programmes.arrow')).arrayBuffer());
  await conn.insertArrowTable(data, { name: 'programme_events' });
  __benchMark('data-loaded');
  const result = await conn.query(inline(funnelQuery('programme_events', FILTER)));
  const rows = result.toArray().map((r) => ({ stage: r.stage, n: r.n }));
  chart.append(
    Plot.plot({
      marginLeft: 140,
      x: { label: 'comuni' },
      y: { label: null, domain: rows.map((r) => r.stage) },
      marks: [
        Plot.barX(rows, { x: 'n', y: 'stage', fill: '#0066CC' }),
        Plot.text(rows, { x: 'n', y: 'stage', text: (d) => d.n.toLocaleString('it-IT'), dx: 4, textAnchor: 'start' }),
      ],
    }),
  );
} catch (e) {
  window.__bench.error = String(e && e.stack ? e.stack : e);
  window.__bench.done = true;
}
