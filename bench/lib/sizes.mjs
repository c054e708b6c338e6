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
 * first module in it, or its manualChunks name: src/query/backends/duckdb-answer.ts ->
 * duckdb-answer-*.js, the DuckDB-WASM + apache-arrow chunk -> engine-libs-*.js). Written
 * from the import() calls in src/ (autoload.ts, duckdb-backend.ts, engine.ts, parquet.ts,
 * piccoli-sql.ts, chart-view.ts, export.ts, regions.ts, geometry.ts) and from the chunks'
 * source maps; a chunk that matches none is reported as "?" so that a new one shows up.
 * The page's coordinator (context-*.js: coordinator, cube backend, cube evaluator,
 * engine boot) is in every element's first load, so it is not here.
 */
const ENGINE_NEEDED = 'the coordinator sends a request to the DuckDB backend: `src=` a file with no cube beside it (or a cube that no longer matches its file), and every `<piccoli-sql>` run';
const TRIGGERS = [
  [/^editor-/, 'CodeMirror SQL editor', 'every `<piccoli-sql>`: requested when it connects, mounted after its first paint'],
  [/^chart-plot-/, 'Observable Plot chart', '`<piccoli-sql>`: the chart tab is opened'],
  [/^d3-geo-/, 'd3-geo (+ d3-array)', 'with the Plot chart, or `<piccoli-map geo=…>` (a site\'s own boundaries)'],
  [/^geo-/, 'GeoJSON / TopoJSON reader', '`<piccoli-map geo=…>`'],
  [/^region-shapes-/, 'region shapes (@svg-maps/italy paths)', '`<piccoli-map level="region">` (the default level)'],
  [/^duckdb-answer-/, 'DuckDB backend: loads the file into the engine, answers funnel/area requests with the library\'s SQL', ENGINE_NEEDED.replace(', and every `<piccoli-sql>` run', '')],
  [/^engine-libs-/, 'DuckDB-WASM JS API + apache-arrow (+ flatbuffers): the engine\'s libraries', `${ENGINE_NEEDED} (the wasm itself is fetched by the worker, started at the same moment)`],
  [/^engine-/, 'the shared engine (src/data/engine.ts): sources, format sniffing, Parquet decoding hook', ENGINE_NEEDED],
  [/^programme-data-/, '`loadEvents()` / `loadComuni()`: the bundled tables into the engine', 'with the DuckDB backend (bundled data in the engine), or `<piccoli-sql>`'],
  [/^funnel-/, 'funnel and shape-check SQL builders', 'with the DuckDB backend, or `<piccoli-sql>`'],
  [/^quote-/, 'SQL identifier/literal quoting', 'with the engine'],
  [/^fetch-/, 'file download with progress events', 'with the engine (the DuckDB backend reads a `src=` file)'],
  [/^sql\.js$/, 'map and cube SQL builders (also the `dist/sql.js` entry)', 'with the DuckDB backend'],
  [/^parquet_wasm-/, 'parquet-wasm JS glue (engine)', 'a Parquet file read by the engine (not the bundled data, which the cube answers), or the console\'s Parquet export; then fetches `parquet_wasm_bg.wasm`'],
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
  // The embeds' one script tag (src/autoload.ts); piccoli.js, the page API, imports it.
  const autoloader = closures.get('dist/autoloader.js')?.static ?? [];
  const api = closures.get('dist/piccoli.js')?.static ?? [];
  const perElement = entryNames.filter((f) => /^piccoli-.+\.js$/.test(f)).map((f) => `dist/${f}`);
  const entries = [...closures].map(([entry, c]) => {
    const viaAutoloader = perElement.includes(entry) ? [...new Set([...autoloader, ...c.static])] : null;
    const viaApi = perElement.includes(entry) ? [...new Set([...api, ...c.static])] : null;
    return {
      entry,
      element: perElement.includes(entry) ? `<${basename(entry, '.js')}>` : null,
      own: sizeOf(abs(entry)),
      staticFiles: c.static,
      static: total(c.static),
      viaAutoloaderFiles: viaAutoloader,
      viaAutoloader: viaAutoloader ? total(viaAutoloader) : null,
      viaApiFiles: viaApi,
      viaApi: viaApi ? total(viaApi) : null,
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
  // A chunk is on demand when some element can load it later (it is in that element's
  // lazy set), even if another element loads it up front (<piccoli-sql> statically needs
  // the engine wrapper, which <piccoli-progress> loads only with the DuckDB backend).
  const entryFiles = new Set(['dist/piccoli.js', 'dist/autoloader.js', 'dist/data.js', ...perElement]);
  const lazyForSome = new Set(perElement.flatMap((e) => closures.get(e)?.lazy ?? []));
  const onDemand = [...reachable]
    .filter((f) => !entryFiles.has(f) && (lazyForSome.has(f) || !unionFiles.includes(f)))
    .sort()
    .map((f) => ({
      ...info(f),
      ...purposeOf(f),
      // Importers that can make it load: an import() anywhere, or a static import from a
      // chunk that some element loads later together with this one (not data.js's, nor a
      // chunk's whose element already has this one in its first load).
      importedBy: (importers.get(f) ?? []).filter(
        (i) => i.from !== 'dist/data.js' && (i.kind === 'dynamic' || perElement.some((e) => closures.get(e)?.lazy.includes(i.from) && closures.get(e)?.lazy.includes(f))),
      ),
      firstLoadOf: perElement.filter((e) => closures.get(e)?.static.includes(f)),
      lazyFor: perElement.filter((e) => closures.get(e)?.lazy.includes(f)),
    }));
  const assetsIn = (folder) =>
    existsSync(join(dist, folder))
      ? readdirSync(join(dist, folder))
          .sort()
          .map((f) => join(dist, folder, f))
          .filter((f) => statSync(f).isFile() && !/\.(js|json|arrow)\.(gz|br)$/.test(f))
          .map((f) => ({ file: rel(f), ...sizeOf(f) }))
      : [];
  const baselineFile = join(root, 'bench/.out/baseline.js');
  const baselineRel = 'bench/.out/baseline.js';
  const all = [...reachable].filter((f) => existsSync(abs(f)));
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const distFiles = walk(dist);
  return {
    quick,
    /** dist/ as a site copies it: every file, the .gz/.br siblings included. */
    dist: { files: distFiles.length, bytes: distFiles.reduce((a, f) => a + statSync(f).size, 0), siblings: distFiles.filter((f) => /\.(gz|br)$/.test(f) && !/\.wasm\.gz$/.test(f)).reduce((a, f) => a + statSync(f).size, 0) },
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
