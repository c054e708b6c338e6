// Builds dist/: one bundle registering every element (piccoli.js), one entry per element,
// the data layer (data.js), lazily loaded chunks for the engine, and the engine's wasm
// and worker files plus the bundled data, so that a site serves everything itself.
import { readFileSync, readdirSync, existsSync, rmSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

const require = createRequire(import.meta.url);
const root = new URL('.', import.meta.url).pathname;

/**
 * Where an `asset:` import lands in dist/. Must match `resolveAsset()` in
 * src/data/config.ts (used by src/data/engine-assets.ts), which rebuilds these paths when a site sets `assetBase`.
 */
export function assetFileName(spec) {
  const folder =
    spec.startsWith('@duckdb/') || spec.startsWith('/src/data/') ? 'duckdb' : spec.startsWith('parquet-wasm/') ? 'parquet' : 'data';
  return `${folder}/${basename(spec)}`;
}

/**
 * The file on disk behind an `asset:` spec: a package file, or /data/... (/src/...) in this
 * repo. A package file's name plus `.gz` is that file gzipped (level 9), made once into
 * node_modules/.cache/ and again when the package changes: the engine's wasm ships only
 * so (src/data/engine-boot.ts inflates it), and the test server serves the same bytes.
 */
export function assetPath(spec) {
  if (spec.startsWith('/')) return resolve(root, `.${spec}`);
  if (!spec.endsWith('.gz')) return require.resolve(spec); // both packages export these files by their paths
  const source = require.resolve(spec.slice(0, -3));
  const cached = resolve(root, 'node_modules/.cache/piccoli-dashboard', basename(spec));
  if (!existsSync(cached) || statSync(cached).mtimeMs < statSync(source).mtimeMs) {
    mkdirSync(resolve(cached, '..'), { recursive: true });
    writeFileSync(cached, gzipSync(readFileSync(source), { level: 9 }));
  }
  return cached;
}

/** The repository file the test server answers for `<folder>/<name>` of dist/ (an asset base's layout). */
export function devAssetPath(folder, name) {
  if (folder === 'data') return resolve(root, name.endsWith('.js') ? 'src/data' : 'data', name);
  if (name === 'engine-worker.js') return resolve(root, 'src/data', name);
  return assetPath(`${folder === 'duckdb' ? '@duckdb/duckdb-wasm/dist' : 'parquet-wasm/esm'}/${name}`);
}

/**
 * `x.gz` and `x.br` beside each file of dist/ a browser fetches and that compresses well
 * (JavaScript, JSON, Arrow), for servers that serve a precompressed sibling (nginx
 * gzip_static/brotli_static, Apache rewrites: README). Not beside source maps (only
 * developer tools read them), the `.gz` wasm (compressed already), Parquet (compressed
 * inside) or the type declarations: dist/ stays under 40 MB.
 */
/**
 * Minifies the CSS inside Lit's css`` templates (esbuild leaves template text alone):
 * comments go, whitespace collapses. Interpolations (`${...}`) are kept as they are.
 * Exported for test/node/css-minify.test.mjs.
 */
export function minifyCssText(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

export function cssLiterals() {
  return {
    name: 'piccoli-css-literals',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (_, body) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return 'css`' + parts.map((p, i) => (i % 2 ? p : minifyCssText(p))).join('') + '`';
      });
      return { code: out, map: null };
    },
  };
}

function precompressed() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return {
    name: 'piccoli-precompressed',
    writeBundle({ dir }) {
      for (const file of walk(dir)) {
        if (!/\.(js|json|arrow)$/.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        const gz = gzipSync(bytes, { level: 9 });
        const br = brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        });
        if (gz.length < bytes.length * 0.9) writeFileSync(`${file}.gz`, gz);
        if (br.length < bytes.length * 0.9) writeFileSync(`${file}.br`, br);
      }
    },
  };
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

const browser = {
  // An element's entry may also export internals other chunks import (its strings, its
  // drawing's helpers): otherwise rollup keeps the entry's exports strict and makes it a
  // facade that re-exports a chunk holding the code, a second file (~190 B brotli) on
  // every first load.
  preserveEntrySignatures: 'allow-extension',
  input: {
    piccoli: 'src/index.ts',
    // The embeds' one script tag: registers the elements on first use, nothing else.
    autoloader: 'src/autoload.ts',
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
    precompressed(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    // Observable Plot has CommonJS dependencies (interval-tree-1d, binary-search-bounds).
    commonjs({ include: /node_modules\/(interval-tree-1d|binary-search-bounds)\// }),
    cssLiterals(),
    esbuild({ target: 'es2022', minify: true, legalComments: 'none' }),
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    // apache-arrow and duckdb-wasm ship code rollup flags as circular; harmless.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
    if (warning.code === 'THIS_IS_UNDEFINED' && /node_modules/.test(warning.id ?? '')) return;
    warn(warning);
  },
};

/**
 * The elements for Node (dist/node/snapshot.js, from src/ssr/index.ts): what
 * `piccoli-data snapshot` renders with in an installed package (data/scripts/lib/elements.mjs).
 * Packages stay imports, so that Lit is the one Node build @lit-labs/ssr renders with; the
 * bundled data is dist/data/, which the browser build wrote.
 */
const node = {
  input: { snapshot: 'src/ssr/index.ts' },
  external: (id) => !/^[./\0]/.test(id) && !id.startsWith('asset:'),
  output: { dir: 'dist/node', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
  plugins: [
    {
      name: 'piccoli-assets-node',
      resolveId: (id) => (id.startsWith('asset:') ? `\0${id}` : null),
      load(id) {
        if (!id.startsWith('\0asset:')) return null;
        return `export default new URL(${JSON.stringify(`../${assetFileName(id.slice('\0asset:'.length))}`)}, import.meta.url).href;`;
      },
    },
    nodeResolve({ exportConditions: ['node', 'import', 'default'] }),
    cssLiterals(),
    esbuild({ target: 'node20', legalComments: 'none' }),
  ],
};

export default [browser, node];
