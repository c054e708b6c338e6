// The baseline of the trend (bench/baseline/trend.html): the page a user would write
// without piccoli-dashboard to draw what <piccoli-trend as-of="2021-10-31"> draws. Stock
// @duckdb/duckdb-wasm with its own bundles self-hosted, the Arrow twin of the data (see
// main.js for why not Parquet), the library's own trend SQL (`trendQuery()`, bundled from
// src/data/sql/funnel.ts, with its parameters written in), a running sum per stage, an
// Observable Plot step line per stage with a rule on the day, and the counts on that day
// read out under the chart. Bundled by bench/run.mjs into bench/.out/baseline-trend.js.
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableFromIPC } from 'apache-arrow';
import * as Plot from '@observablehq/plot';
import { trendQuery } from '../../src/data/sql/funnel.ts';
import { FILTER, inline } from '../pages/scale-sql.js';

const EXPECTED = [5490, 612, 568, 485];
const chart = document.getElementById('chart');
const readout = document.getElementById('readout');
__benchMark('script-start');
__benchWatch(() => {
  if (!chart.querySelector('svg g[aria-label="line"] path')) return null;
  const values = [...readout.querySelectorAll('b')];
  return values.length ? values.map((b) => Number(b.textContent.replace(/[^0-9]/g, ''))) : null;
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
  const result = await conn.query(inline(trendQuery('programme_events', { programme: FILTER.programme })));
  // Entities that reached each stage by each day: a running sum of the day's arrivals.
  const points = [];
  const byDay = new Map(); // stage order -> count by FILTER.asOf
  const running = new Map();
  for (const r of result.toArray()) {
    const order = Number(r.stage_order);
    const n = (running.get(order) ?? 0) + Number(r.n);
    running.set(order, n);
    points.push({ date: new Date(`${r.date}T00:00:00Z`), n, stage: String(order) });
    if (r.date <= FILTER.asOf) byDay.set(order, n);
  }
  chart.append(
    Plot.plot({
      width: 720,
      height: 320,
      x: { type: 'utc', label: null },
      y: { grid: true, label: null },
      color: { legend: true },
      marks: [
        Plot.ruleY([0]),
        Plot.ruleX([new Date(`${FILTER.asOf}T00:00:00Z`)], { stroke: '#1A1A1A' }),
        Plot.line(points, { x: 'date', y: 'n', z: 'stage', stroke: 'stage', curve: 'step-after', strokeWidth: 2 }),
      ],
    }),
  );
  const orders = [...running.keys()].sort((a, b) => a - b);
  readout.innerHTML = `Al ${FILTER.asOf}: ${orders.map((o) => `fase ${o} <b>${(byDay.get(o) ?? 0).toLocaleString('it-IT')}</b>`).join('; ')}`;
} catch (e) {
  window.__bench.error = String(e && e.stack ? e.stack : e);
  window.__bench.done = true;
}
