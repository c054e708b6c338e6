// Download sizes of dist/: each entry point with its static import closure (what a page
// fetches before the element can run), the lazily imported chunks, the engine's assets and
// the data files; raw, gzip (level 9) and brotli (quality 11) through node:zlib.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const cache = new Map();

let bigQuality = 9;

/** raw / gzip / brotli bytes of one file. */
export function sizeOf(file) {
  if (cache.has(file)) return cache.get(file);
  const buf = readFileSync(file);
  const big = buf.length > 8 * 1024 * 1024; // brotli 11 on tens of MB takes minutes: lower there
  const s = {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: big ? bigQuality : 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
    approx: big,
  };
  cache.set(file, s);
  return s;
}

export function sum(sizes) {
  return sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** Relative imports of a built ES module: static ones and dynamic import("./...") ones. */
export function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const stat = new Set();
  const dyn = new Set();
  for (const m of code.matchAll(STATIC_IMPORT)) stat.add(resolve(dirname(file), m[1]));
  for (const m of code.matchAll(DYNAMIC_IMPORT)) dyn.add(resolve(dirname(file), m[1]));
  return { static: [...stat], dynamic: [...dyn] };
}

/** Files loaded by `entry` before it runs (static closure), and those it may import later. */
export function closure(entry) {
  const seen = new Set();
  const lazy = new Set();
  const walk = (f, into) => {
    if (into.has(f) || !existsSync(f)) return;
    into.add(f);
    const { static: s, dynamic: d } = importsOf(f);
    for (const x of s) walk(x, into);
    for (const x of d) lazy.add(x);
  };
  walk(entry, seen);
  // Everything reachable through dynamic imports, minus what is already loaded.
  const later = new Set();
  for (const f of lazy) if (!seen.has(f)) walk(f, later);
  for (const f of seen) later.delete(f);
  return { static: [...seen], lazy: [...later] };
}

/** Which npm packages a built chunk holds most of, from its source map. */
export function packagesOf(file) {
  const map = `${file}.map`;
  if (!existsSync(map)) return [];
  try {
    const { sources = [], sourcesContent = [] } = JSON.parse(readFileSync(map, 'utf8'));
    const byPkg = new Map();
    sources.forEach((s, i) => {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
      const pkg = m ? m[1] : 'piccoli-dashboard';
      byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + (sourcesContent[i]?.length ?? 1));
    });
    const total = [...byPkg.values()].reduce((a, b) => a + b, 0);
    return [...byPkg.entries()]
      .sort((a, b) => b[1] - a[1])
      .filter(([, n]) => n / total >= 0.05)
      .map(([p]) => p);
  } catch {
    return [];
  }
}

const ENGINE_PACKAGES = /@duckdb\/duckdb-wasm|apache-arrow|parquet-wasm|flatbuffers/;

/**
 * What makes each on-demand chunk load, by the name rollup gives it (the name of the
 * module that is dynamically imported: src/components/piccoli-sql/editor.ts -> editor-*.js,
 * and so on). Written from the import() calls in src/ (autoload.ts, piccoli-sql.ts,
 * piccoli-map.ts, regions.ts, piccoli-progress.ts, engine.ts, parquet.ts, export.ts,
 * sources.ts); a chunk that matches none is reported as "?" so that a new one shows up.
 */
const TRIGGERS = [
  [/^editor-/, 'CodeMirror SQL editor', 'every `<piccoli-sql>`: requested when it connects, mounted after its first paint'],
  [/^chart-plot-/, 'Observable Plot chart', '`<piccoli-sql>`: the chart tab is opened'],
  [/^d3-geo-/, 'd3-geo (+ d3-array)', 'with the Plot chart, or `<piccoli-map geo=…>` (a site\'s own boundaries)'],
  [/^geo-/, 'GeoJSON / TopoJSON reader', '`<piccoli-map geo=…>`'],
  [/^region-shapes-/, 'region shapes (@svg-maps/italy paths)', '`<piccoli-map level="region">` (the default level)'],
  [/^engine-funnel-/, 'engine path of the funnel', '`<piccoli-progress src=…>` or `comune=…` (the summary cannot answer)'],
  [/^duckdb-browser-/, 'DuckDB-WASM JS API (engine)', 'the engine\'s first start: any map, any SQL console, a funnel with `src`/`comune`'],
  [/^serialization-/, 'apache-arrow core (engine)', 'with the engine (imported by the DuckDB-WASM API and by apache-arrow\'s entry)'],
  [/^Arrow\.dom-/, 'apache-arrow entry (engine)', 'engine results, loading an Arrow or Parquet file, the SQL console\'s export'],
  [/^parquet_wasm-/, 'parquet-wasm JS glue (engine)', 'loading a Parquet file (the bundled data is Parquet); then fetches `parquet_wasm_bg.wasm`'],
];

function purposeOf(file) {
  const name = basename(file);
  const t = TRIGGERS.find(([re]) => re.test(name));
  return t ? { what: t[1], trigger: t[2] } : { what: '?', trigger: '?' };
}

/** Everything the report needs about dist/ and the baseline bundle. */
export function measureSizes(root, { quick = false, dist = join(root, 'dist') } = {}) {
  bigQuality = quick ? 5 : 9;
  // Paths are reported as dist/… even when measured on a snapshot copy.
  const rel = (f) => join('dist', relative(dist, f));
  const abs = (r) => join(dist, relative('dist', r));
  const total = (files) => ({ files: files.length, ...sum(files.map((f) => sizeOf(abs(f)))) });
  const entryNames = readdirSync(dist).filter((f) => f.endsWith('.js')).sort();
  const closures = new Map(entryNames.map((f) => {
    const c = closure(join(dist, f));
    return [`dist/${f}`, { static: c.static.map(rel), lazy: c.lazy.map(rel) }];
  }));
  const autoloader = closures.get('dist/piccoli.js')?.static ?? [];
  const perElement = entryNames.filter((f) => /^piccoli-.+\.js$/.test(f)).map((f) => `dist/${f}`);
  const entries = [...closures].map(([entry, c]) => {
    const viaAutoloader = perElement.includes(entry) ? [...new Set([...autoloader, ...c.static])] : null;
    return {
      entry,
      element: perElement.includes(entry) ? `<${basename(entry, '.js')}>` : null,
      own: sizeOf(abs(entry)),
      staticFiles: c.static,
      static: total(c.static),
      viaAutoloaderFiles: viaAutoloader,
      viaAutoloader: viaAutoloader ? total(viaAutoloader) : null,
      lazyFiles: c.lazy,
    };
  });
  const chunkDir = join(dist, 'chunks');
  const chunkFiles = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')).sort().map((f) => rel(join(chunkDir, f))) : [];
  const info = (f) => {
    const packages = packagesOf(abs(f));
    return { file: f, ...sizeOf(abs(f)), packages, engine: packages.length > 0 && packages.every((p) => ENGINE_PACKAGES.test(p)) };
  };
  // Only files some entry reaches: rollup does not empty dist/, so stale chunks may linger.
  const reachable = new Set([...closures.values()].flatMap((c) => [...c.static, ...c.lazy]));
  const stale = chunkFiles.filter((c) => !reachable.has(c));
  // (b) The whole library's first load: the union of the static closures of piccoli.js
  // and of every per-element entry, each file once, engine chunks excluded (none is
  // static today; the filter keeps the figure honest if one ever becomes so).
  const unionFiles = [...new Set(['dist/piccoli.js', ...perElement].flatMap((e) => closures.get(e)?.static ?? []))].sort();
  const firstLoadFiles = unionFiles.filter((f) => !info(f).engine);
  const firstLoad = total(firstLoadFiles);
  const firstLoadChunks = firstLoadFiles.map(info);
  // (c) Everything else an entry can reach: on-demand chunks, with what triggers them.
  // Who imports each one (statically or dynamically), from the built files.
  const importers = new Map();
  for (const f of reachable) {
    const { static: st, dynamic: dy } = importsOf(abs(f));
    for (const [kind, list] of [['static', st], ['dynamic', dy]]) {
      for (const x of list.map(rel)) {
        if (!importers.has(x)) importers.set(x, []);
        importers.get(x).push({ from: f, kind });
      }
    }
  }
  const onDemand = [...reachable]
    .filter((f) => !unionFiles.includes(f) && f !== 'dist/data.js')
    .sort()
    .map((f) => ({ ...info(f), ...purposeOf(f), importedBy: (importers.get(f) ?? []).filter((i) => !unionFiles.includes(i.from) || i.kind === 'dynamic') }));
  const assetsIn = (folder) =>
    existsSync(join(dist, folder))
      ? readdirSync(join(dist, folder))
          .sort()
          .map((f) => join(dist, folder, f))
          .filter((f) => statSync(f).isFile())
          .map((f) => ({ file: rel(f), ...sizeOf(f) }))
      : [];
  const baselineFile = join(root, 'bench/.out/baseline.js');
  const baselineRel = 'bench/.out/baseline.js';
  const all = [...reachable].filter((f) => existsSync(abs(f)));
  return {
    quick,
    entries,
    firstLoad,
    firstLoadChunks,
    onDemand,
    stale,
    everything: total(all),
    everythingWithoutEngine: total(all.filter((f) => !info(f).engine)),
    engineAssets: [...assetsIn('duckdb'), ...assetsIn('parquet')],
    dataFiles: assetsIn('data'),
    baseline: existsSync(baselineFile) ? { file: baselineRel, ...sizeOf(baselineFile) } : null,
    /** brotli bytes of any dist/ file by path, to price what a page fetched. */
    brotliOf: Object.fromEntries(all.map((f) => [f, sizeOf(abs(f)).brotli])),
  };
}

export { basename };
