// The library's SQL builders (src/data/sql), for the Node data scripts: the cube and the
// summary numbers are computed by the very strings the browser engine runs.
//
// In this repository (src/ and esbuild present) they are compiled from the TypeScript
// source on each run, so a change to a builder can never leave the data stale behind a
// stale build; an installed package, which has no src/, uses its built dist/sql.js.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** @returns {Promise<typeof import('../../../src/data/sql/index.ts')>} */
export async function loadBuilders() {
  const entry = join(ROOT, 'src/data/sql/index.ts');
  if (existsSync(entry)) {
    let esbuild;
    try {
      esbuild = await import('esbuild');
    } catch {
      esbuild = null; // an installed package without dev dependencies: use dist/
    }
    if (esbuild) {
      const out = await esbuild.build({
        entryPoints: [entry],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        write: false,
        logLevel: 'silent',
      });
      const code = out.outputFiles[0].text;
      return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    }
  }
  const built = join(ROOT, 'dist/sql.js');
  if (!existsSync(built)) throw new Error(`the SQL builders are missing: neither ${entry} nor ${built} exists`);
  return import(pathToFileURL(built).href);
}
