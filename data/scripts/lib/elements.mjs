// The library's elements, coordinator and cube evaluator for Node (src/ssr/index.ts), for
// `piccoli-data snapshot`: the browser's code, with Lit's Node build.
//
// In this repository (src/ and esbuild present) the module is compiled from the TypeScript
// source on each run, as the SQL builders are (builders.mjs), into node_modules/.cache/ so
// that its imports (lit, @lit/task ...) resolve from this package; an installed package,
// which has no src/, uses its built dist/node/snapshot.js (rollup.config.mjs).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let loaded;

/** @returns {Promise<typeof import('../../../src/ssr/index.ts')>} */
export function loadElements() {
  return (loaded ??= load());
}

async function load() {
  const entry = join(ROOT, 'src/ssr/index.ts');
  if (existsSync(entry)) {
    let esbuild;
    try {
      esbuild = await import('esbuild');
    } catch {
      esbuild = null; // an installed package without dev dependencies: use dist/
    }
    if (esbuild) {
      const { cssLiterals: buildCss } = await import(pathToFileURL(join(ROOT, 'rollup.config.mjs')).href);
      const out = await esbuild
        .build({
          entryPoints: [entry],
          bundle: true,
          format: 'esm',
          platform: 'node',
          target: 'node20',
          packages: 'external',
          write: false,
          logLevel: 'silent',
          plugins: [assetUrls(), cssLiterals(buildCss().transform)],
        })
        .catch((e) => {
          throw new Error(
            `src/ssr/index.ts does not compile: ${e.errors?.map((x) => `${x.location?.file}: ${x.text}`).join('; ') ?? e.message}`,
          );
        });
      // Written beside this package's node_modules, where its imports resolve; one file per
      // process (tests run several at once), removed once loaded.
      const file = join(ROOT, `node_modules/.cache/piccoli-dashboard/ssr-${process.pid}-${Date.now()}.mjs`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, out.outputFiles[0].text);
      try {
        return await import(pathToFileURL(file).href);
      } finally {
        rmSync(file, { force: true });
      }
    }
  }
  const built = join(ROOT, 'dist/node/snapshot.js');
  if (!existsSync(built)) throw new Error(`the snapshot's element code is missing: neither ${entry} nor ${built} exists`);
  return import(pathToFileURL(built).href);
}

/** `asset:/data/x` -> the file: URL of data/x in this repository (what the dev server serves); other assets are never read in Node. */
function assetUrls() {
  return {
    name: 'piccoli-assets',
    setup(build) {
      build.onResolve({ filter: /^asset:/ }, (a) => ({ path: a.path.slice('asset:'.length), namespace: 'asset' }));
      build.onLoad({ filter: /.*/, namespace: 'asset' }, (a) => {
        const url = a.path.startsWith('/data/') ? pathToFileURL(join(ROOT, a.path)).href : `asset:${a.path}`;
        return { contents: `export default ${JSON.stringify(url)};`, loader: 'js' };
      });
    },
  };
}

/** The CSS of Lit's css`` templates minified by the build's own transform (rollup.config.mjs), so a snapshot's styles are the same. */
function cssLiterals(transform) {
  return {
    name: 'piccoli-css-literals',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (a) => {
        const out = transform(readFileSync(a.path, 'utf8'), a.path);
        return out ? { contents: out.code, loader: 'ts' } : undefined;
      });
    },
  };
}
