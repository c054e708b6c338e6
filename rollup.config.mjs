// Builds dist/: one bundle registering every element (piccoli.js), one entry per element,
// the data layer (data.js), lazily loaded chunks for the engine, and the engine's wasm
// and worker files plus the bundled data, so that a site serves everything itself.
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const require = createRequire(import.meta.url);
const root = new URL('.', import.meta.url).pathname;

/**
 * Where an `asset:` import lands in dist/. Must match `resolveAsset()` in
 * src/data/config.ts, which rebuilds these paths when a site sets `assetBase`.
 */
export function assetFileName(spec) {
  const folder = spec.startsWith('@duckdb/') ? 'duckdb' : spec.startsWith('parquet-wasm/') ? 'parquet' : 'data';
  return `${folder}/${basename(spec)}`;
}

/** The file on disk behind an `asset:` spec: a package file, or /data/... in this repo. */
export function assetPath(spec) {
  if (spec.startsWith('/')) return resolve(root, `.${spec}`);
  return require.resolve(spec); // both packages export these files by their paths
}

/** `import url from 'asset:pkg/file'` -> the file is emitted and the import is its URL. */
function assets() {
  const emitted = new Map();
  const emit = (ctx, spec) => {
    const fileName = assetFileName(spec);
    if (!emitted.has(fileName)) {
      emitted.set(fileName, ctx.emitFile({ type: 'asset', fileName, source: readFileSync(assetPath(spec)) }));
    }
    return emitted.get(fileName);
  };
  return {
    name: 'piccoli-assets',
    buildStart() {
      emitted.clear();
      // Stale hashed chunks of earlier builds must not ship or be measured.
      rmSync(resolve(root, 'dist'), { recursive: true, force: true });
      // Ship the programme data beside the bundle: copying dist/ anywhere is enough.
      const dataDir = resolve(root, 'data');
      if (existsSync(dataDir)) {
        for (const f of readdirSync(dataDir)) {
          if (/\.(parquet|arrow|json)$/.test(f)) emit(this, `/data/${f}`);
        }
      }
    },
    resolveId(id) {
      return id.startsWith('asset:') ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0asset:')) return null;
      const ref = emit(this, id.slice('\0asset:'.length));
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

const elements = existsSync(resolve(root, 'src/components'))
  ? readdirSync(resolve(root, 'src/components')).filter((d) => existsSync(resolve(root, `src/components/${d}/${d}.ts`)))
  : [];

export default {
  input: {
    piccoli: 'src/index.ts',
    data: 'src/data/index.ts',
    // The SQL builders alone (no DOM): what `piccoli-data import` runs in Node to build a cube.
    sql: 'src/data/sql/index.ts',
    ...Object.fromEntries(elements.map((d) => [d, `src/components/${d}/${d}.ts`])),
  },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // DuckDB-WASM's JavaScript and apache-arrow (with flatbuffers) in one chunk: fetched in
    // one request the moment a page needs the engine, instead of a waterfall of three
    // lazily discovered chunks in front of the worker's start. No element's first load
    // imports it.
    manualChunks(id) {
      if (/[\\/]node_modules[\\/](apache-arrow|flatbuffers|@duckdb[\\/]duckdb-wasm)[\\/]/.test(id)) return 'engine-libs';
      return undefined;
    },
    sourcemap: true,
  },
  plugins: [
    assets(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    // Observable Plot has CommonJS dependencies (interval-tree-1d, binary-search-bounds).
    commonjs({ include: /node_modules\/(interval-tree-1d|binary-search-bounds)\// }),
    esbuild({ target: 'es2022', minify: true, legalComments: 'none' }),
  ],
  onwarn(warning, warn) {
    // apache-arrow and duckdb-wasm ship code rollup flags as circular; harmless.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
    if (warning.code === 'THIS_IS_UNDEFINED' && /node_modules/.test(warning.id ?? '')) return;
    warn(warning);
  },
};
