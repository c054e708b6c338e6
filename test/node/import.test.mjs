// The import tool: each kind of bad row is rejected with its row number
// (header = row 1), nothing is written for an invalid file, an existing
// output survives a failed import, and a valid file is converted.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { allJson, openDb } from '../../data/scripts/lib/duck.mjs';
import { main } from '../../data/scripts/import.mjs';
import { ROOT } from './helpers.mjs';

const HEADER = 'programme,entity_code,stage,stage_order,date,provenance';
/** A valid file: Massa Martana engaged, Montecchio eligible only, Perugia province. */
const GOOD = [
  HEADER,
  'my-prog,054028,eligible,0,2022-01-10,published',
  'my-prog,054028,engaged,1,2022-02-01,simulated',
  'my-prog,055018,eligible,0,2022-01-10,',
].join('\n');

/** @type {string} */
let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'piccoli-import-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Write `text` to a CSV in the temp dir and run the import on it.
 * @param {string} name
 * @param {string} text
 * @param {string[]} [extra]
 */
async function runImport(name, text, extra = []) {
  const input = join(dir, `${name}.csv`);
  const out = join(dir, `${name}.parquet`);
  writeFileSync(input, `${text}\n`);
  return runOn(input, out, extra);
}

/** @param {string} input @param {string} out @param {string[]} [extra] */
async function runOn(input, out, extra = []) {
  let stdout = '';
  let stderr = '';
  const code = await main([input, '--out', out, ...extra], {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr, out, lines: stderr.split('\n').filter((l) => l.startsWith('row ')) };
}

/**
 * A file that is GOOD plus `rows`, which start at spreadsheet row 5.
 * @param {string[]} rows
 */
const goodPlus = (rows) => [GOOD, ...rows].join('\n');

describe('piccoli-data import', () => {
  test('accepts a valid CSV and fills entity details from the registry', async () => {
    const r = await runImport('good', GOOD);
    assert.equal(r.code, 0, r.stderr);
    const conn = await openDb();
    const rows = await allJson(conn, 'SELECT * FROM read_parquet($1)', [r.out]);
    assert.equal(rows.length, 3);
    assert.deepEqual(Object.keys(rows[0]), [
      'programme',
      'entity_code',
      'entity_kind',
      'entity_name',
      'province_code',
      'province_sigla',
      'province_name',
      'region_code',
      'region_name',
      'stage',
      'stage_order',
      'date',
      'provenance',
    ]);
    const mm = rows.find((x) => x.entity_code === '054028' && x.stage === 'engaged');
    assert.equal(mm?.entity_name, 'Massa Martana');
    assert.equal(mm?.province_sigla, 'PG');
    assert.equal(mm?.region_name, 'Umbria');
    assert.equal(mm?.provenance, 'simulated');
    // Empty provenance means the programme's own, published record.
    assert.equal(rows.find((x) => x.entity_code === '055018')?.provenance, 'published');
  });

  test('rejects unknown ISTAT codes with the row number', async () => {
    const r = await runImport('unknown', goodPlus(['my-prog,999999,eligible,0,2022-01-10,']));
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, ["row 5: unknown ISTAT comune code '999999'"]);
    assert.equal(existsSync(r.out), false);
  });

  test('rejects codes that lost their leading zeros', async () => {
    const r = await runImport('zeros', goodPlus(['my-prog,55018,eligible,0,2022-01-10,']));
    assert.equal(r.code, 1);
    assert.match(r.lines[0], /^row 5: entity_code '55018' is not a 6-digit .* \(leading zeros lost\?\)$/);
  });

  test('rejects missing columns, naming them on the header row', async () => {
    const r = await runImport('missing', ['programme,entity_code,stage,date', 'my-prog,054028,eligible,2022-01-10'].join('\n'));
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, ["row 1: missing column 'stage_order' (header row)"]);
    assert.equal(existsSync(r.out), false);
  });

  test('rejects wrong types: stage_order, date, provenance', async () => {
    const r = await runImport(
      'types',
      goodPlus([
        'my-prog,055001,eligible,zero,2022-01-10,',
        'my-prog,055007,eligible,0,2022-02-30,',
        'my-prog,055008,eligible,0,10/01/2022,',
        'my-prog,055009,eligible,1.5,2022-01-10,',
        'my-prog,055010,eligible,0,2022-01-10,guessed',
      ]),
    );
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, [
      "row 5: stage_order 'zero' is not a whole number (0, 1, 2, ...)",
      "row 6: date '2022-02-30' is not a valid date (YYYY-MM-DD)",
      "row 7: date '10/01/2022' is not a valid date (YYYY-MM-DD)",
      "row 8: stage_order '1.5' is not a whole number (0, 1, 2, ...)",
      "row 9: provenance 'guessed' is not one of 'published', 'simulated'",
    ]);
  });

  test('rejects rows with too many or too few fields, by row', async () => {
    const r = await runImport('ragged', goodPlus(['my-prog,055001,eligible,0,2022-01-10,,extra', 'my-prog,055007,eligible']));
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, [
      'row 5: cannot be read: more fields than the header has',
      'row 6: cannot be read: fewer fields than the header has',
    ]);
    assert.equal(existsSync(r.out), false);
  });

  test('reads semicolon-separated CSV (Italian spreadsheet export)', async () => {
    const r = await runImport('semicolon', GOOD.replaceAll(',', ';'));
    assert.equal(r.code, 0, r.stderr);
  });

  test('rejects duplicate events', async () => {
    const r = await runImport('dup', goodPlus(['my-prog,054028,engaged,1,2022-02-03,']));
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, ["row 5: duplicate event: 054028 already reached stage 'engaged' in row 3"]);
  });

  test('rejects dates out of order', async () => {
    const r = await runImport('order', goodPlus(['my-prog,055018,engaged,1,2022-01-05,']));
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, ['row 5: date out of order: 2022-01-05 is before 2022-01-10, the date of stage_order 0 in row 4']);
  });

  test('rejects skipped stages, including a missing stage 0', async () => {
    const r = await runImport('skip', goodPlus(['my-prog,054028,plan,3,2022-03-01,', 'my-prog,055001,engaged,1,2022-03-01,']));
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, [
      "row 5: stage skipped: 054028 reached stage_order 3 ('plan') but has no stage_order 2",
      "row 6: stage skipped: 055001 reached stage_order 1 ('engaged') but has no stage_order 0",
    ]);
  });

  test('checks stage ids of known programmes against stages.parquet', async () => {
    const r = await runImport(
      'known',
      [HEADER, 'piccoli,054028,eligible,0,2021-05-03,', 'piccoli,054028,needs_analysis,1,2021-06-01,'].join('\n'),
    );
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, ["row 3: stage 'needs_analysis' is stage_order 2 in programme piccoli, not 1"]);
  });

  test('lists every error, capped, with the total', async () => {
    const bad = Array.from({ length: 60 }, (_, i) => `my-prog,9${String(i).padStart(5, '0')},eligible,0,2022-01-10,`);
    const r = await runImport('many', goodPlus(bad), ['--max-errors', '50']);
    assert.equal(r.code, 1);
    assert.equal(r.lines.length, 50);
    assert.equal(r.lines[0], "row 5: unknown ISTAT comune code '900000'");
    assert.match(r.stderr, /60 errors; nothing written/);
    assert.match(r.stderr, /\.\.\. and 10 more/);
  });

  test('an existing output is left untouched by an invalid file, and no temp file remains', async () => {
    const out = join(dir, 'keep.parquet');
    writeFileSync(out, 'previous content');
    const input = join(dir, 'keep.csv');
    writeFileSync(input, goodPlus(['my-prog,999999,eligible,0,2022-01-10,']));
    const r = await runOn(input, out);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(out, 'utf8'), 'previous content');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  test('a valid file replaces an existing output', async () => {
    const out = join(dir, 'replace.parquet');
    writeFileSync(out, 'previous content');
    const input = join(dir, 'replace.csv');
    writeFileSync(input, GOOD);
    const r = await runOn(input, out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(out).subarray(0, 4).toString(), 'PAR1');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  test('reads Parquet input too, with the same row numbering', async () => {
    const conn = await openDb();
    const csv = join(dir, 'pq-src.csv');
    writeFileSync(csv, goodPlus(['my-prog,055018,engaged,1,2022-01-05,']));
    const input = join(dir, 'pq-in.parquet');
    const good = join(dir, 'pq-good.csv');
    writeFileSync(good, `${GOOD}\n`);
    await conn.run(`COPY (SELECT * FROM read_csv($1, all_varchar = true)) TO $2 (FORMAT parquet)`, [csv, input]);
    const bad = await runOn(input, join(dir, 'pq-out.parquet'));
    assert.equal(bad.code, 1);
    assert.deepEqual(bad.lines, ['row 5: date out of order: 2022-01-05 is before 2022-01-10, the date of stage_order 0 in row 4']);
    // Typed Parquet (INTEGER stage_order, DATE date) is accepted.
    const typed = join(dir, 'pq-typed.parquet');
    await conn.run(
      `COPY (SELECT programme, entity_code, stage, CAST(stage_order AS INTEGER) AS stage_order, CAST(date AS DATE) AS date
      FROM read_csv($1, all_varchar = true)) TO $2 (FORMAT parquet)`,
      [good, typed],
    );
    const ok = await runOn(typed, join(dir, 'pq-typed-out.parquet'));
    assert.equal(ok.code, 0, ok.stderr);
  });

  test('the committed programmes.parquet passes its own import', async () => {
    const r = await runOn(join(ROOT, 'data', 'programmes.parquet'), join(dir, 'roundtrip.parquet'));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readFileSync(join(dir, 'roundtrip.parquet')), readFileSync(join(ROOT, 'data', 'programmes.parquet')));
  });

  test('writes the cube beside the output, in a folder it creates, describing exactly that file', async () => {
    const out = join(dir, 'new', 'nested', 'mine.parquet');
    const input = join(dir, 'cube.csv');
    writeFileSync(input, `${GOOD}\n`);
    const r = await runOn(input, out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote .*mine\.parquet and .*mine\.cube\.json/);
    const cube = JSON.parse(readFileSync(join(dir, 'new', 'nested', 'mine.cube.json'), 'utf8'));
    assert.equal(cube.sources.length, 1);
    assert.equal(cube.sources[0].file, 'mine.parquet');
    assert.equal(cube.sources[0].bytes, readFileSync(out).length);
    // Massa Martana: eligible on 2022-01-10, engaged 22 days later (simulated); Montecchio eligible only.
    assert.deepEqual(cube.programmes['my-prog'].stages, ['eligible', 'engaged']);
    assert.equal(cube.programmes['my-prog'].epoch, '2022-01-10');
    assert.deepEqual(cube.programmes['my-prog'].entities, [
      ['054028', 'Massa Martana', [0, 22], 0b10],
      ['055018', 'Montecchio', [0], 0],
    ]);
    assert.deepEqual(cube.provinces['054'], ['PG', 'Perugia', '10', 'Umbria']);
  });

  test("--source records the site's own source in the cube and the Parquet metadata, verbatim", async () => {
    // Quotes, a semicolon and SQL-looking text travel as data, never as SQL.
    const source = `Comune d'Arezzo, «Delibera n. 12»; '); DROP TABLE ok; -- "fine" \\ ✓`;
    const input = join(dir, 'source.csv');
    writeFileSync(input, `${GOOD}\n`);
    const out = join(dir, 'source.parquet');
    const r = await runOn(input, out, ['--source', `  ${source} `]);
    assert.equal(r.code, 0, r.stderr);
    const cube = JSON.parse(readFileSync(join(dir, 'source.cube.json'), 'utf8'));
    assert.equal(cube.source, source);
    assert.deepEqual(Object.keys(cube).slice(0, 4), ['format', 'version', 'source', 'sources']);
    assert.equal(cube.version, 1);
    const conn = await openDb();
    const kv = await allJson(conn, `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata($1)`, [out]);
    assert.deepEqual(
      kv.filter((x) => x.key === 'source'),
      [{ key: 'source', value: source }],
    );
    // The rows are the same as without a source.
    assert.equal((await allJson(conn, 'SELECT count(*)::INTEGER AS n FROM read_parquet($1)', [out]))[0].n, 3);
    conn.closeSync();
  });

  test('without --source, neither the cube nor the Parquet file names a source', async () => {
    const r = await runImport('nosource', GOOD);
    assert.equal(r.code, 0, r.stderr);
    const cube = JSON.parse(readFileSync(join(dir, 'nosource.cube.json'), 'utf8'));
    assert.equal('source' in cube, false);
    const conn = await openDb();
    const kv = await allJson(conn, `SELECT decode(key) AS key FROM parquet_kv_metadata($1)`, [r.out]);
    assert.equal(
      kv.some((x) => x.key === 'source'),
      false,
    );
    conn.closeSync();
  });

  test('an empty --source is a usage error, and --help documents the option', async () => {
    const r = await runImport('emptysource', GOOD, ['--source', '  ']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--source needs a text/);
    assert.equal(existsSync(r.out), false);
    let help = '';
    assert.equal(await main(['--help'], { stdout: (s) => (help += s), stderr: () => {} }), 0);
    assert.match(help, /--source <text>/);
  });

  test('an invalid file writes no cube either', async () => {
    const r = await runImport('nocube', goodPlus(['my-prog,999999,eligible,0,2022-01-10,']));
    assert.equal(r.code, 1);
    assert.equal(existsSync(join(dir, 'nocube.cube.json')), false);
  });

  test('npx piccoli-data import: exit status 1 on an invalid file, 0 on a valid one, 2 on usage', async () => {
    const bin = join(ROOT, 'data', 'bin', 'piccoli-data.mjs');
    const exec = promisify(execFile);
    const input = join(dir, 'cli.csv');
    writeFileSync(input, goodPlus(['my-prog,999999,eligible,0,2022-01-10,']));
    await assert.rejects(exec(process.execPath, [bin, 'import', input, '--out', join(dir, 'cli.parquet')]), (/** @type {any} */ err) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /^row 5: unknown ISTAT comune code '999999'$/m);
      return true;
    });
    const valid = join(dir, 'cli-good.csv');
    writeFileSync(valid, `${GOOD}\n`);
    const { stdout } = await exec(process.execPath, [bin, 'import', valid, '--out', join(dir, 'cli-ok.parquet')]);
    assert.match(stdout, /3 rows valid/);
    await assert.rejects(exec(process.execPath, [bin, 'import', input]), (/** @type {any} */ err) => err.code === 2);
  });
});
