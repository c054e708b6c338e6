// `piccoli-data import <file.csv|file.parquet> --out <file.parquet>`
//
// Validates a programme's own stage-events file against the ISTAT registry
// and the stage rules (see data/SCHEMA.md) and, only if the whole file is
// valid, writes it in the programmes.parquet shape, with its cube beside it
// (my.parquet -> my.cube.json: what the elements answer from without the
// engine). Each file is written to a temporary file next to it and renamed,
// so an existing output is never left half-written. `--source "…"` records
// where the data comes from, in the cube (`source`) and in the Parquet file's
// key-value metadata (key `source`).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDb } from './lib/duck.mjs';
import { UsageError, VALID_EVENTS_QUERY, validateEventsFile } from './lib/validate.mjs';
import { writeParquet } from './lib/tables.mjs';
import { cubePathFor, writeCube } from './lib/cube.mjs';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..');

export const USAGE = `Usage: piccoli-data import <file.csv|file.parquet> --out <file.parquet> [options]

Validates a programme's stage events and converts them to the programmes.parquet shape.

Options:
  --out <file>        output Parquet file (required; replaced only if the input is valid);
                      its cube is written beside it (<file>.cube.json in place of .parquet),
                      and missing folders are created
  --registry <file>   comuni registry (default: data/comuni.parquet of this package)
  --stages <file>     known stages to check stage ids against (default: data/stages.parquet)
  --source <text>     where the data comes from, e.g. "Comune di X, delibera n. 12/2024":
                      written into the cube ("source", shown by the elements as the
                      publisher) and into the Parquet file's key-value metadata (key "source");
                      without it, neither has one
  --max-errors <n>    errors to list (default 50; the total is always given)
  --json              print the result as JSON on stdout
  -h, --help          this help

Rows are numbered as in a spreadsheet: the header is row 1, the first data row is row 2.
Exit status: 0 valid and written, 1 invalid (nothing written), 2 usage or read error.`;

/**
 * @param {string} input
 * @param {{ out: string, registry?: string, stages?: string, maxErrors?: number, source?: string }} opts
 */
export async function importFile(input, opts) {
  const registryPath = resolve(opts.registry ?? join(DATA, 'comuni.parquet'));
  if (!existsSync(input)) throw new UsageError(`${input}: no such file`);
  if (!existsSync(registryPath)) throw new UsageError(`${registryPath}: registry not found (run npm run data, or pass --registry)`);
  const conn = await openDb();
  try {
    const result = await validateEventsFile(conn, resolve(input), {
      registryPath,
      stagesPath: opts.stages ? resolve(opts.stages) : join(DATA, 'stages.parquet'),
      maxErrors: opts.maxErrors,
    });
    if (result.valid) {
      const out = resolve(opts.out);
      mkdirSync(dirname(out), { recursive: true });
      const source = opts.source === undefined ? {} : { source: opts.source };
      await writeParquet(conn, VALID_EVENTS_QUERY, out, { metadata: source });
      // Built from the file just written, by the library's own SQL builders.
      result.cube = await writeCube(conn, out, source);
    }
    return result;
  } finally {
    conn.closeSync();
  }
}

/**
 * CLI entry point. Returns the exit status instead of exiting, for tests.
 * @param {string[]} argv arguments after `import`
 * @param {{ stdout: (s: string) => void, stderr: (s: string) => void }} io
 */
export async function main(argv, io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        registry: { type: 'string' },
        stages: { type: 'string' },
        source: { type: 'string' },
        'max-errors': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.stderr(`${/** @type {Error} */ (err).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1 || !values.out) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const maxErrors = values['max-errors'] === undefined ? 50 : Number(values['max-errors']);
  if (!Number.isInteger(maxErrors) || maxErrors < 1) {
    io.stderr('--max-errors must be a positive whole number\n');
    return 2;
  }
  const source = values.source?.trim();
  if (source !== undefined && (source === '' || source.includes('\0'))) {
    io.stderr('--source needs a text saying where the data comes from\n');
    return 2;
  }
  const [input] = positionals;
  let result;
  try {
    result = await importFile(input, { out: values.out, registry: values.registry, stages: values.stages, maxErrors, source });
  } catch (err) {
    // DuckDB read errors (a CSV row with too many fields, a corrupt Parquet
    // file) come here: the file cannot be read at all.
    io.stderr(`piccoli-data import: ${/** @type {Error} */ (err).message}\n`);
    return 2;
  }
  if (values.json) io.stdout(`${JSON.stringify({ input, out: values.out, ...(source === undefined ? {} : { source }), ...result })}\n`);
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  if (!result.valid) {
    io.stderr(`${input}: ${result.errorCount} error${result.errorCount === 1 ? '' : 's'}; nothing written.\n`);
    for (const e of result.errors) io.stderr(`row ${e.row}: ${e.message}\n`);
    if (result.errorCount > result.errors.length) io.stderr(`... and ${result.errorCount - result.errors.length} more\n`);
    return 1;
  }
  if (!values.json) io.stdout(`${input}: ${result.rows} rows valid; wrote ${values.out} and ${cubePathFor(values.out)}\n`);
  return 0;
}
