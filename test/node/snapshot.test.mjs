// `piccoli-data snapshot`: the tag pre-rendered by the element's own code, in a declarative
// shadow root, with the numbers DuckDB counts from the same data; what it refuses (exit 2)
// and what the element would show as an error (exit 1); hostile attribute values escaped,
// never markup; English with --lang en. The browser side (JavaScript off, then the element
// taking over with nothing moving) is test/e2e/snapshot.test.mjs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { loadBuilders } from '../../data/scripts/lib/builders.mjs';
import { main, parseTag, scriptJson, snapshot } from '../../data/scripts/snapshot.mjs';
import { ROOT, q } from './helpers.mjs';

const BIN = join(ROOT, 'data', 'bin', 'piccoli-data.mjs');
const exec = promisify(execFile);

/** Run the command in-process: exit status, stdout, stderr. */
async function run(...argv) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** The text of the cells of one column of the funnel's table, in stage order. */
function column(html, cls) {
  return [...html.matchAll(new RegExp(`<td class="${cls}">([^<]*)`, 'g'))].map((m) => m[1]);
}

/** The JSON answer the snapshot carries. */
function carried(html) {
  const m = /<script type="application\/json">(.*?)<\/script>/s.exec(html);
  assert.ok(m, 'the snapshot carries its answer');
  return JSON.parse(m[1]);
}

describe('piccoli-data snapshot', () => {
  test('prints the tag with its funnel in a declarative shadow root: the counts DuckDB gives for the same data', async () => {
    const r = await run('<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>');
    assert.equal(r.code, 0, r.stderr);
    const html = r.stdout.trim();
    assert.match(html, /^<piccoli-progress province="PC" as-of="2021-10-31" lang="it"[^>]*><template shadowrootmode="open"><style>/);
    assert.match(html, /<\/template><\/piccoli-progress>$/);
    assert.doesNotMatch(html, /<!--|<\?>/, 'no hydration markers: the element renders afresh from the answer');

    // The same funnel counted by DuckDB with the SQL the browser's engine runs.
    const { funnelQuery } = await loadBuilders();
    const { sql, params } = funnelQuery('events', { programme: 'piccoli', asOf: '2021-10-31', provinceCode: '033' });
    // Stages nobody reached have no row: 0.
    const byStage = new Map((await q(sql, params)).map((x) => [x.stage_order, x.n]));
    const counts = [0, 1, 2, 3, 4].map((i) => byStage.get(i) ?? 0);
    assert.ok(counts[1] > 0);
    assert.deepEqual(
      column(html, 'count').map((c) => Number(c.replace('.', ''))),
      counts,
    );
    assert.match(html, /<span class="title">P\.I\.C\.C\.O\.L\.I\.<\/span>/);
    assert.match(html, /Provincia di Piacenza · Dati al 31 ottobre 2021/);
    assert.match(html, /<span class="label">Progettazione partecipata<\/span/);
    assert.match(html, /data-provenance="partly-simulated">Dati in parte simulati</);
    assert.match(html, /<p class="source" part="source">Fonte: ANCI\.<\/p>/);
    // The bars' widths (set through the CSSOM in the browser) are rules of the snapshot's style.
    assert.ok(html.includes(`[data-piccoli-s="1"]{--w:${((counts[1] / counts[0]) * 100).toFixed(2)}%}`));
    const answer = carried(html);
    assert.deepEqual(
      answer.stages.map((s) => s.n),
      counts,
    );
    assert.equal(answer.programme.meta.facts, undefined, 'prose no element shows is left out');
  });

  test("the programme's national funnel cites the published figures (612, 568, 485)", async () => {
    const r = await run('<piccoli-progress></piccoli-progress>');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(column(r.stdout, 'count').slice(1, 4), ['612', '568', '485']);
    assert.match(r.stdout, /Italia · Dati al 31 ottobre 2021/);
    assert.match(r.stdout, /data-provenance="published">Dati pubblicati</);
    assert.match(r.stdout, /Fonte: ANCI\. Dato pubblicato: ANCI Campania, [^<]*, dati al 31 ottobre 2021\./);
  });

  test('--lang en writes the English funnel and lang="en" on the tag; the tag\'s own lang is used without it', async () => {
    const r = await run('<piccoli-progress province="Piacenza" as-of="2021-10-31"></piccoli-progress>', '--lang', 'en');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<piccoli-progress province="Piacenza" as-of="2021-10-31" lang="en"/);
    assert.match(r.stdout, /Province of Piacenza · Data [^<]*31 October 2021/);
    assert.match(r.stdout, /<span class="label">Participatory design<\/span/);
    assert.match(r.stdout, />Partly simulated data</);
    assert.match(r.stdout, /Source: ANCI\./);
    const national = await run('<piccoli-progress lang="en"></piccoli-progress>');
    assert.equal(national.code, 0, national.stderr);
    assert.equal(column(national.stdout, 'count')[0], '5,490');
    const overridden = await run('<piccoli-progress lang="en"></piccoli-progress>', '--lang', 'it');
    assert.match(overridden.stdout, /^<piccoli-progress lang="it"/);
    assert.equal(column(overridden.stdout, 'count')[0], '5.490');
  });

  test('theme, id and class go on the tag as given', async () => {
    const r = await run('<piccoli-progress theme="dark" id="f1" class="box wide"></piccoli-progress>');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<piccoli-progress theme="dark" id="f1" class="box wide" lang="it"/);
    assert.match(r.stdout, /:host\(\[theme='dark'\]\)/, "the element's dark scheme is in the snapshot's style");
  });

  test('hostile attribute values are escaped on the tag, never markup', async () => {
    const r = await run(`<piccoli-progress id='"><img src=x onerror=alert(1)>' class="a&quot; onmouseover=&quot;x"></piccoli-progress>`);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<piccoli-progress id="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;" class="a&quot; onmouseover=&quot;x"/);
    assert.doesNotMatch(r.stdout, /<img|onmouseover="/);
  });

  test("a value the element refuses is its own error, in the tag's language, and nothing is printed (exit 1)", async () => {
    const hostile = await run(`<piccoli-progress province='"><script>alert(1)</script>'></piccoli-progress>`);
    assert.equal(hostile.code, 1);
    assert.equal(hostile.stdout, '');
    assert.match(hostile.stderr, /^piccoli-data snapshot: .*provincia/im);
    const view = await run('<piccoli-progress view="big" lang="en"></piccoli-progress>');
    assert.equal(view.code, 1);
    assert.equal(view.stdout, '');
    assert.match(view.stderr, /big/);
    // In the tag's language, as the element would say it.
    const en = await run('<piccoli-progress province="Atlantide" lang="en"></piccoli-progress>');
    assert.equal(en.code, 1);
    assert.match(en.stderr, /^piccoli-data snapshot: Unknown province/);
    const de = await run('<piccoli-progress province="Atlantide"></piccoli-progress>', '--lang', 'de');
    assert.match(de.stderr, /^piccoli-data snapshot: Unbekannte Provinz/);
    const date = await run('<piccoli-progress as-of="31/10/2021"></piccoli-progress>');
    assert.equal(date.code, 1);
    assert.match(date.stderr, /31\/10\/2021/);
  });

  test('what is not one element of the library with a static form, or an attribute it does not have, is a usage error (exit 2)', async () => {
    for (const [argv, pattern] of [
      [[], /^Usage: piccoli-data snapshot/],
      [['<piccoli-progress></piccoli-progress>', 'extra'], /^Usage/],
      [['<piccoli-progress onclick="alert(1)"></piccoli-progress>'], /no attribute onclick/],
      [['<piccoli-progress province="PC" province="TO"></piccoli-progress>'], /twice/],
      [['<piccoli-progress><script>alert(1)</script></piccoli-progress>'], /nothing inside it/],
      [['<piccoli-progress></piccoli-map>'], /one element/],
      [['<piccoli-progress></piccoli-progress><piccoli-map></piccoli-map>'], /one element/],
      [['<piccoli-sql></piccoli-sql>'], /<piccoli-sql> has no static form/],
      [['<my-widget></my-widget>'], /<my-widget> has no static form/],
      [['<piccoli-progress src="/x.parquet"></piccoli-progress>'], /src= is not supported: a snapshot renders the bundled data/],
      [['<piccoli-progress compare="italy"></piccoli-progress>'], /compare= is not supported/],
      [['<piccoli-progress></piccoli-progress>', '--lang', 'es'], /--lang es/],
      [['<piccoli-progress></piccoli-progress>', '--data', '/nonexistent'], /no such file/],
      [['<piccoli-progress></piccoli-progress>', '--bogus'], /Unknown option/],
    ]) {
      const r = await run(...argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
    }
    const help = await run('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: piccoli-data snapshot/);
  });

  test('the bin runs it, with its exit status', async () => {
    const { stdout } = await exec(process.execPath, [
      BIN,
      'snapshot',
      '<piccoli-progress as-of="2021-10-31" view="compact"></piccoli-progress>',
    ]);
    assert.match(stdout, /^<piccoli-progress as-of="2021-10-31" view="compact" lang="it"><template shadowrootmode="open">/);
    await assert.rejects(exec(process.execPath, [BIN, 'snapshot', '<piccoli-progress province="Atlantide"></piccoli-progress>']), (err) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /Atlantide/);
      return true;
    });
    await assert.rejects(exec(process.execPath, [BIN, 'snapshot']), (err) => err.code === 2 && /Usage/.test(err.stderr));
    await assert.rejects(exec(process.execPath, [BIN]), (err) => err.code === 2 && /snapshot/.test(err.stderr));
  });
});

describe('the snapshot parts', () => {
  test('parseTag reads the attribute forms HTML has and decodes character references', () => {
    assert.deepEqual(
      parseTag(` <PICCOLI-PROGRESS Province="P&#67;" as-of='2021-10-31' view=compact ignore-selection>\n</piccoli-progress> `),
      {
        tag: 'piccoli-progress',
        attributes: [
          ['province', 'PC'],
          ['as-of', '2021-10-31'],
          ['view', 'compact'],
          ['ignore-selection', ''],
        ],
      },
    );
  });

  test('scriptJson cannot end its script or open a comment', () => {
    const s = scriptJson({ a: '</script><!-- & \u2028' });
    assert.doesNotMatch(s, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(s), { a: '</script><!-- & \u2028' });
  });

  test('snapshot() gives the request and the answer it rendered', async () => {
    const s = await snapshot('<piccoli-progress region="Umbria" as-of="2022-06-30"></piccoli-progress>', { lang: 'en' });
    assert.equal(s.lang, 'en');
    assert.equal(s.request.region, 'Umbria');
    assert.deepEqual(s.answer.scope, { level: 'region', code: '10', name: 'Umbria' });
    assert.deepEqual(carried(s.html), JSON.parse(JSON.stringify(s.answer)));
  });
});
