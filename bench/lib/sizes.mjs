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

/** Everything the report needs about dist/ and the baseline bundle. */
export function measureSizes(root, { quick = false, dist = join(root, 'dist') } = {}) {
  bigQuality = quick ? 5 : 9;
  // Paths are reported as dist/… even when measured on a snapshot copy.
  const rel = (f) => join('dist', relative(dist, f));
  const entries = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const file = join(dist, f);
      const { static: stat, lazy } = closure(file);
      return {
        entry: rel(file),
        own: sizeOf(file),
        staticFiles: stat.map(rel),
        static: sum(stat.map(sizeOf)),
        lazyFiles: lazy.map(rel),
        lazy: sum(lazy.map(sizeOf)),
      };
    });
  const chunkDir = join(dist, 'chunks');
  const chunks = existsSync(chunkDir)
    ? readdirSync(chunkDir)
        .filter((f) => f.endsWith('.js'))
        .sort()
        .map((f) => {
          const file = join(chunkDir, f);
          const packages = packagesOf(file);
          return { file: rel(file), ...sizeOf(file), packages, engine: packages.length > 0 && packages.every((p) => ENGINE_PACKAGES.test(p)) };
        })
    : [];
  // Only files some entry reaches: rollup does not empty dist/, so stale chunks may linger.
  const reachable = new Set(entries.flatMap((e) => [...e.staticFiles, ...e.lazyFiles]));
  const stale = chunks.filter((c) => !reachable.has(c.file)).map((c) => c.file);
  const live = chunks.filter((c) => reachable.has(c.file));
  const allJs = [...entries.map((e) => ({ file: e.entry, ...e.own, engine: false })), ...live];
  const library = sum(allJs);
  const libraryWithoutEngine = sum(allJs.filter((c) => !c.engine));
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
  return {
    quick,
    entries,
    chunks: live,
    stale,
    library,
    libraryWithoutEngine,
    engineAssets: [...assetsIn('duckdb'), ...assetsIn('parquet')],
    dataFiles: assetsIn('data'),
    baseline: existsSync(baselineFile) ? { file: baselineRel, ...sizeOf(baselineFile) } : null,
  };
}

export { basename };
