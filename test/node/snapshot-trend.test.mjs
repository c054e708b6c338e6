// `piccoli-data snapshot '<piccoli-trend …>'`: the trend pre-rendered by the element's own
// code, its chart drawn by Observable Plot in Node. What the chart draws is read back from
// the printed SVG (each stage line's steps through the y axis' own ticks, the cursor and the
// published points through the milestones' rules) and compared with DuckDB's counts of the
// same data (trendQuery, the SQL the browser's engine runs); the reading of the chosen day
// likewise. No style attribute (a strict CSP allows the snapshot by --csp's hashes); what
// the trend refuses; hostile values, in the tag or in the data, stay text. The browser side
// (JavaScript off, then the element taking over) is test/e2e/snapshot-trend.test.mjs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { loadBuilders } from '../../data/scripts/lib/builders.mjs';
import { loadElements } from '../../data/scripts/lib/elements.mjs';
import { main, snapshot } from '../../data/scripts/snapshot.mjs';
import { DATA, q } from './helpers.mjs';

const META = JSON.parse(readFileSync(join(DATA, 'programmes-meta.json'), 'utf8')).programmes.find((p) => p.programme === 'piccoli');
const STAGES = META.stages.map((s) => s.stage);

async function run(...argv) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** The snapshot's shadow content as a document: its chart, legend, reading. */
function shadowOf(html) {
  const m = /<template shadowrootmode="open">([\s\S]*)<\/template>/.exec(html);
  assert.ok(m, 'a declarative shadow root');
  return parseHTML(`<!doctype html><html><body>${m[1]}</body></html>`).document;
}

const translate = (el) =>
  (el.getAttribute('transform') ?? '')
    .match(/translate\(([-\d.e]+),([-\d.e]+)\)/)
    .slice(1)
    .map(Number);
const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (d) => new Date(Math.round(d) * 86_400_000).toISOString().slice(0, 10);

/** The chart's scales, read from what it draws: y from the axis' first and last tick, x from the milestones' rules at their dates. */
function scales(doc, parseTick) {
  const ticks = [...doc.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => [parseTick(t.textContent), translate(t)[1]]);
  const [[v0, y0], [v1, y1]] = [ticks[0], ticks.at(-1)];
  const rules = [...doc.querySelectorAll('.milestone-rule line')].map((l) => Number(l.getAttribute('x1')));
  const [d0, d1] = [day(META.milestones[0].date), day(META.milestones.at(-1).date)];
  return {
    value: (y) => v0 + ((y - y0) * (v1 - v0)) / (y1 - y0),
    date: (x) => isoOf(d0 + ((x - rules[0]) * (d1 - d0)) / (rules.at(-1) - rules[0])),
    ticks,
  };
}

/** Each stage line's successive levels (values, in order, repeats dropped), as drawn. */
function drawnLevels(doc, value, round = Math.round) {
  return [...doc.querySelectorAll('g[aria-label="line"] path')].map((p) => {
    const ys = [...p.getAttribute('d').matchAll(/[ML][-\d.e]+,([-\d.e]+)/g)].map((m) => round(value(Number(m[1]))));
    return ys.filter((v, i) => i === 0 || v !== ys[i - 1]);
  });
}

/** DuckDB: each stage's cumulative count after each day it changed, from the same events. */
async function duckSeries(filter) {
  const { trendQuery } = await loadBuilders();
  const { sql, params } = trendQuery('events', { programme: 'piccoli', ...filter });
  const rows = await q(sql, params);
  return STAGES.map((_, order) => {
    let n = 0;
    return rows.filter((r) => r.stage_order === order).map((r) => ({ date: r.date, n: (n += Number(r.n)) }));
  });
}

const levels = (steps) => [0, ...steps.map((s) => s.n)].filter((v, i, a) => i === 0 || v !== a[i - 1]);
const countAt = (steps, date) => steps.filter((s) => s.date <= date).at(-1)?.n ?? 0;

/** The reading of the chosen day: each stage's text, by stage id. */
function reading(doc) {
  return Object.fromEntries(
    [...doc.querySelectorAll('[part="readout"] span[data-stage]')].map((s) => [
      s.getAttribute('data-stage'),
      s.querySelector('b').textContent,
    ]),
  );
}

const tmp = mkdtempSync(join(tmpdir(), 'piccoli-trend-snapshot-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('piccoli-data snapshot of <piccoli-trend>', () => {
  test("prints the tag with its chart: each stage's line steps through the counts DuckDB gives, the cursor on as-of, the reading of that day", async () => {
    const r = await run('<piccoli-trend province="PC" as-of="2021-10-31"></piccoli-trend>');
    assert.equal(r.code, 0, r.stderr);
    const html = r.stdout.trim();
    assert.match(html, /^<piccoli-trend province="PC" as-of="2021-10-31" lang="it" metric="count"><template shadowrootmode="open"><style>/);
    assert.match(html, /<\/template><\/piccoli-trend>$/);
    assert.doesNotMatch(html, /<!--|<\?>/, 'no hydration markers: the element renders afresh from the answer');
    const doc = shadowOf(html);
    assert.equal(doc.querySelector('figcaption .title').textContent, 'P.I.C.C.O.L.I.');
    assert.match(
      doc.querySelector('figcaption .sub').textContent,
      /^Provincia di Piacenza · Andamento nel tempo: numero di enti per fase$/,
    );
    assert.deepEqual(
      [...doc.querySelectorAll('[part="legend"] li')].map((li) => li.textContent),
      META.stages.map((s) => s.label_it),
    );

    const duck = await duckSeries({ provinceCode: '033' });
    assert.ok(duck[1].length > 3, 'Piacenza has several days of participatory design');
    const svg = doc.querySelector('.plot svg');
    assert.equal(svg.getAttribute('viewBox'), '0 0 640 292', 'drawn at the box size the snapshot assumes, scaled by its viewBox');
    const { value, date, ticks } = scales(doc, (s) => Number(s.replace(/\./g, '')));
    assert.equal(ticks[0][0], 0);
    assert.deepEqual(drawnLevels(doc, value), duck.map(levels));
    assert.deepEqual(
      [...doc.querySelectorAll('g[aria-label="line"] path')].map((p) => p.getAttribute('stroke')),
      STAGES.map((_, i) => `var(--_s${i})`),
    );

    // The milestones, labelled at their rules; the cursor on the chosen day.
    assert.deepEqual(
      [...doc.querySelectorAll('.milestone text')].map((t) => t.textContent),
      META.milestones.map((m) => m.label_it),
    );
    const cursor = doc.querySelector('.plot svg line[part="cursor"]');
    assert.equal(cursor.getAttribute('data-date'), '2021-10-31');
    assert.equal(date(Number(cursor.getAttribute('x1'))), '2021-10-31');

    // The reading of the day: each stage's count on 31 October 2021, as DuckDB counts it.
    assert.match(doc.querySelector('[part="readout"] strong').textContent, /^Al 31 ottobre 2021:$/);
    assert.deepEqual(reading(doc), Object.fromEntries(STAGES.map((s, i) => [s, String(countAt(duck[i], '2021-10-31'))])));
    assert.equal(doc.querySelector('[part="provenance"]').textContent, 'Dati in parte simulati');
    assert.equal(doc.querySelector('[part="source"]').textContent, 'Fonte: ANCI.');

    // The answer the element takes over with: the same series.
    const answer = JSON.parse(/<script type="application\/json">(.*?)<\/script>/s.exec(html)[1]);
    assert.deepEqual(
      answer.series.map((s) => s.steps.map((x) => ({ date: x.date, n: x.n }))),
      duck,
    );
    assert.equal(answer.programme.meta.facts, undefined, 'prose no element shows is left out');
  });

  test('the national trend draws the published figures (612, 568, 485) as labelled points on their day, at their counts', async () => {
    const s = await snapshot('<piccoli-trend></piccoli-trend>');
    const doc = shadowOf(s.html);
    const { value, date } = scales(doc, (t) => Number(t.replace(/\./g, '')));
    const figures = META.published_figures.filter((f) => f.level === 'italy');
    assert.deepEqual(
      figures.map((f) => f.count),
      [612, 568, 485],
    );
    const dots = [...doc.querySelectorAll('g[aria-label="dot"] circle')];
    assert.deepEqual(
      dots.map((c) => ({ n: Math.round(value(Number(c.getAttribute('cy')))), date: date(Number(c.getAttribute('cx'))) })),
      figures.map((f) => ({ n: f.count, date: f.as_of })),
    );
    assert.deepEqual(
      dots.map((c) => c.querySelector('title').textContent),
      figures.map((f) => `${META.stages.find((x) => x.stage === f.stage).label_it}: ${f.count}, ${f.source}`),
    );
    assert.deepEqual(
      [...doc.querySelectorAll('.published text')].map((t) => t.textContent),
      ['612 · ANCI Campania', '568 · ANCI Campania', '485 · ANCI Campania'],
    );
    assert.match(doc.querySelector('[part="source"]').textContent, /^Fonte: ANCI\. Dato pubblicato: ANCI Campania, /);
    // Italy's lines too are DuckDB's counts.
    const duck = await duckSeries({});
    assert.deepEqual(drawnLevels(doc, value), duck.map(levels));
  });

  test('metric="share" in English: shares of eligible on the chart and in the reading, as DuckDB counts them', async () => {
    const r = await run('<piccoli-trend region="Umbria" as-of="2022-06-30" metric="share"></piccoli-trend>', '--lang', 'en');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<piccoli-trend region="Umbria" as-of="2022-06-30" metric="share" lang="en">/);
    const doc = shadowOf(r.stdout);
    assert.match(doc.querySelector('figcaption .sub').textContent, /^Umbria · Over time: share of eligible by stage$/);
    const { value, ticks } = scales(doc, (t) => Number(t.replace('%', '')) / 100);
    assert.deepEqual([ticks[0][0], ticks.at(-1)[0]], [0, 1]);
    const duck = await duckSeries({ regionCode: '10' });
    const eligible = countAt(duck[0], '2022-06-30');
    assert.ok(eligible > 0);
    const text = reading(doc);
    assert.deepEqual(Object.keys(text), STAGES.slice(1), 'the eligible themselves are not a share');
    for (const [i, stage] of STAGES.entries()) {
      if (i === 0) continue;
      const n = countAt(duck[i], '2022-06-30');
      const [, pct, of, all] = /^([\d.]+)% \((\d+) of (\d+)\)$/.exec(text[stage]);
      assert.equal(Number(of), n);
      assert.equal(Number(all), eligible);
      assert.ok(Math.abs(Number(pct) - (n / eligible) * 100) <= 0.05, `${stage}: ${text[stage]}`);
    }
    // The lines end at each stage's final share.
    const last = drawnLevels(doc, value, (v) => Math.round(v * 1000) / 1000).map((l) => l.at(-1));
    const total = duck[0].at(-1).n;
    assert.deepEqual(
      last,
      duck.slice(1).map((s) => Math.round(((s.at(-1)?.n ?? 0) / total) * 1000) / 1000),
    );
  });

  test('--lang de: the chart speaks German (legend, milestones, axis)', async () => {
    const s = await snapshot('<piccoli-trend province="PC" as-of="2021-10-31"></piccoli-trend>', { lang: 'de' });
    const doc = shadowOf(s.html);
    assert.deepEqual(
      [...doc.querySelectorAll('.milestone text')].map((t) => t.textContent),
      META.milestones.map((m) => m.label_de),
    );
    assert.equal(doc.querySelectorAll('[part="legend"] li')[1].textContent, META.stages[1].label_de);
    assert.ok(
      [...doc.querySelectorAll('g[aria-label="x-axis tick label"] text')].some((t) => /Okt/.test(t.textContent)),
      'German month names',
    );
  });

  test("no style attribute: the SVG's style is a rule of the snapshot's <style>, whose hash --csp prints", async () => {
    const tag = '<piccoli-trend province="PC" as-of="2021-10-31"></piccoli-trend>';
    const r = await run(tag);
    assert.doesNotMatch(r.stdout, /\sstyle=/);
    assert.match(r.stdout, /<svg data-piccoli-c="1" /);
    const styles = [...r.stdout.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    assert.equal(styles.length, 1);
    assert.ok(styles[0].includes('.plot [data-piccoli-c="1"]{font-size:12px;font-family:inherit;overflow:visible}'));
    assert.ok(styles[0].includes('.plot svg{width:100%;height:100%}'));
    const csp = await run(tag, '--csp');
    assert.equal(csp.code, 0, csp.stderr);
    assert.equal(csp.stdout.trim(), `'sha256-${createHash('sha256').update(styles[0], 'utf8').digest('base64')}'`);
  });

  test('what the trend refuses: src= and compare= (usage, exit 2), an attribute it does not have (exit 2), a bad metric (its own error, exit 1)', async () => {
    for (const [tag, pattern] of [
      ['<piccoli-trend src="/x.parquet"></piccoli-trend>', /src= is not supported: a snapshot renders the bundled data/],
      ['<piccoli-trend compare="italy"></piccoli-trend>', /compare= is not supported/],
      ['<piccoli-trend view="compact"></piccoli-trend>', /<piccoli-trend> has no attribute view/],
    ]) {
      const r = await run(tag);
      assert.equal(r.code, 2, `${tag}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
    }
    const metric = await run('<piccoli-trend metric="bogus" lang="en"></piccoli-trend>');
    assert.equal(metric.code, 1);
    assert.equal(metric.stdout, '');
    assert.match(metric.stderr, /bogus/);
    const help = await run('--help');
    assert.match(help.stdout, /static form: [^]*piccoli-trend/);
  });

  test('hostile values stay text: in the tag (escaped attributes) and in the data (milestone and source names drawn in the SVG)', async () => {
    const r = await run(`<piccoli-trend id='"><img src=x onerror=alert(1)>' class="a&quot; onmouseover=&quot;x"></piccoli-trend>`);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<piccoli-trend id="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;" class="a&quot; onmouseover=&quot;x"/);
    assert.doesNotMatch(r.stdout, /<img|onmouseover="/);
    const refused = await run(`<piccoli-trend programme='"><svg onload=alert(1)>'></piccoli-trend>`);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');

    // A copy of the data whose milestone and published source carry markup.
    const meta = JSON.parse(readFileSync(join(DATA, 'programmes-meta.json'), 'utf8'));
    const p = meta.programmes.find((x) => x.programme === 'piccoli');
    const evil = '</text></svg><script>alert(1)</script><img src=x onerror=alert(2)>';
    p.milestones[1].label_it = `Scadenza ${evil}`;
    p.published_figures[0].source = `Fonte ${evil}, altro`;
    writeFileSync(join(tmp, 'programmes-meta.json'), JSON.stringify(meta));
    copyFileSync(join(DATA, 'programmes.cube.json'), join(tmp, 'programmes.cube.json'));
    const d = await run('<piccoli-trend></piccoli-trend>', '--data', tmp);
    assert.equal(d.code, 0, d.stderr);
    assert.doesNotMatch(d.stdout, /<img|<script>alert|onerror=alert\(2\)>/);
    assert.equal(d.stdout.match(/<script/g).length, 1, 'one script: the answer, as JSON');
    const doc = shadowOf(d.stdout);
    assert.equal(doc.querySelectorAll('.plot svg').length, 1);
    assert.equal(doc.querySelectorAll('.milestone text')[1].textContent, `Scadenza ${evil}`);
    assert.ok(
      [...doc.querySelectorAll('g[aria-label="dot"] title')].some((t) => t.textContent.includes(`Fonte ${evil}`)),
      'the point names its source, as text',
    );
  });
});

describe('the trend snapshot parts', () => {
  test('simplePath drops the points inside a horizontal or vertical run, and nothing else', async () => {
    const { simplePath } = await loadElements();
    assert.equal(simplePath('M0,0L1,0L2,0L2,0L2,5L2,7L3,7L4,7'), 'M0,0L2,0L2,7L4,7');
    assert.equal(simplePath('M0,0L2,0L1,0L1,3'), 'M0,0L2,0L1,0L1,3', 'a run that turns back keeps its turn');
    assert.equal(simplePath('M0,0L1,1L2,2'), 'M0,0L1,1L2,2', 'a slope is kept');
    assert.equal(simplePath('M0,0L0,-6'), 'M0,0L0,-6');
    assert.equal(simplePath('M0,0A5,5,0,0,1,10,0Z'), 'M0,0A5,5,0,0,1,10,0Z', 'not a polyline: as it is');
  });
});
