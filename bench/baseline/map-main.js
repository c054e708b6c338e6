// Baseline for "a map click repaints every element": the same page written by hand with
// stock DuckDB-WASM (its own bundles, self-hosted from /node_modules/), the Arrow twin of the data,
// the region shapes of @svg-maps/italy drawn as SVG paths and coloured from the library's
// map SQL, and one Observable Plot bar chart per date. A click on a region re-runs the
// per-region funnel SQL for every chart (one query each: each chart has its own date) and
// re-renders the charts; Escape clears; setAsOf() re-runs the map SQL and recolours.
// The SQL text comes from the library's builders (`funnelQuery`, `areaMetricQuery`, from
// their sources) with the parameters written in as literals. Bundled by bench/run.mjs
// with esbuild into bench/.out/baseline-map.js. Measured by bench/pages/repaint.js.
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableFromIPC } from 'apache-arrow';
import * as Plot from '@observablehq/plot';
import { scaleQuantize } from 'd3-scale';
import italy from '@svg-maps/italy';
import { funnelQuery } from '../../src/data/sql/funnel.ts';
import { areaMetricQuery } from '../../src/data/sql/map.ts';
import { inline } from '../pages/scale-sql.js';
import { installRepaint } from '../pages/repaint.js';

const DATES = ['2021-10-31', '2021-07-31', '2022-01-31', '2022-04-30', '2022-12-31'];
const REGIONS = ['08', '09'];
// @svg-maps/italy ids -> ISTAT region codes (what a user writes once).
const CODES = {
  piedmont: '01', 'aosta-valley': '02', lombardy: '03', 'trentino-south-tyrol': '04', veneto: '05',
  'friuli-venezia-giulia': '06', liguria: '07', 'emilia-romagna': '08', tuscany: '09', umbria: '10',
  marche: '11', lazio: '12', abruzzo: '13', molise: '14', campania: '15', apulia: '16',
  basilicata: '17', calabria: '18', sicily: '19', sardinia: '20',
};
const BLUES = ['#DCEBFA', '#A6CBF2', '#5B9DE3', '#0066CC', '#003D7A'];
const TABLE = 'programme_events';

const n = Number(new URLSearchParams(location.search).get('n') ?? 1);
const mapBox = document.getElementById('map');
const caption = document.getElementById('caption');
const side = document.getElementById('side');
const charts = Array.from({ length: n }, () => side.appendChild(document.createElement('div')));
__benchMark('script-start');

let conn;
let selected = null;
let mapAsOf = '2021-10-31';
const rows = async (q) => (await conn.query(inline(q))).toArray().map((r) => r.toJSON());

// The map: one path per region, coloured by the share of eligible comuni engaged.
const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
svg.setAttribute('viewBox', italy.viewBox);
const paths = new Map();
for (const loc of italy.locations) {
  const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  p.setAttribute('d', loc.path);
  p.setAttribute('data-code', CODES[loc.id]);
  p.setAttribute('tabindex', '-1');
  p.setAttribute('role', 'button');
  p.setAttribute('aria-pressed', 'false');
  p.setAttribute('aria-label', loc.name);
  svg.append(p);
  paths.set(CODES[loc.id], p);
}
mapBox.append(svg);

async function colourMap() {
  const q = areaMetricQuery(TABLE, { programme: 'piccoli', level: 'region', stageOrder: 1, asOf: mapAsOf });
  const values = new Map((await rows(q)).map((r) => [String(r.code), r.reached / r.eligible]));
  const scale = scaleQuantize().domain([0, Math.max(...values.values())]).range(BLUES);
  for (const [code, p] of paths) p.setAttribute('fill', values.has(code) ? scale(values.get(code)) : '#E6E9F2');
  caption.textContent = `Quota di comuni coinvolti, per regione · ${mapAsOf}`;
}

async function drawCharts() {
  const region = selected;
  const results = [];
  for (let i = 0; i < n; i++) {
    const q = funnelQuery(TABLE, { programme: 'piccoli', asOf: DATES[i % DATES.length], ...(region ? { regionCode: region } : {}) });
    results.push(await rows(q));
  }
  if (region !== selected) return; // a newer click won
  results.forEach((rs, i) => {
    const data = rs.map((r) => ({ stage: r.stage, n: r.n }));
    charts[i].replaceChildren(
      Plot.plot({
        width: 320,
        height: 180,
        marginLeft: 140,
        x: { label: 'comuni' },
        y: { label: null, domain: data.map((r) => r.stage) },
        marks: [
          Plot.barX(data, { x: 'n', y: 'stage', fill: '#0066CC' }),
          Plot.text(data, { x: 'n', y: 'stage', text: (d) => d.n.toLocaleString('it-IT'), dx: 4, textAnchor: 'start' }),
        ],
      }),
    );
  });
}

function select(code) {
  selected = code;
  for (const [c, p] of paths) p.setAttribute('aria-pressed', String(c === code));
  void drawCharts();
}

svg.addEventListener('click', (e) => {
  const code = e.target.closest?.('[data-code]')?.getAttribute('data-code');
  if (code) select(selected === code ? null : code);
});
svg.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && selected) select(null);
});

try {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm', mainWorker: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js' },
    eh: { mainModule: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', mainWorker: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js' },
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  conn = await db.connect();
  await conn.insertArrowTable(tableFromIPC(await (await fetch('/data/programmes.arrow')).arrayBuffer()), { name: TABLE });
  await colourMap();
  await drawCharts();
  const expect = new Map();
  for (const code of [null, ...REGIONS]) {
    const perDate = [];
    for (const asOf of DATES) perDate.push((await rows(funnelQuery(TABLE, { programme: 'piccoli', asOf, ...(code ? { regionCode: code } : {}) }))).map((r) => Number(r.n)));
    expect.set(code, perDate);
  }
  const expected = (code) => charts.map((_, i) => expect.get(code)[i % DATES.length]);
  installRepaint({
    area: (code) => paths.get(code) ?? null,
    counts: () =>
      charts.map((c) => {
        const texts = [...c.querySelectorAll('svg g[aria-label="text"] text')];
        return texts.length ? texts.map((t) => Number(t.textContent.replace(/[^0-9]/g, ''))) : null;
      }),
    pressed: () => [...paths].filter(([, p]) => p.getAttribute('aria-pressed') === 'true').map(([c]) => c),
    fills: () => [...paths.values()].map((p) => p.getAttribute('fill')).join(' '),
    caption: () => caption.textContent,
    setAsOf: (d) => {
      mapAsOf = d;
      void colourMap();
    },
    roots: () => [mapBox, side],
    expected,
  });
  window.__bench.expected = Object.fromEntries([...expect].map(([k, v]) => [k ?? 'italy', v]));
  window.__bench.ready = true;
} catch (e) {
  window.__bench.error = String(e && e.stack ? e.stack : e);
  window.__bench.ready = true;
}
