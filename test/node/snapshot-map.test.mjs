// `piccoli-data snapshot` of a map: the element's own drawing (its SVG written by a shim in
// Node) with each area's numbers as DuckDB counts them from the same data and its fill the
// class a quantized scale (d3's, apart from the library's) gives; colours as CSS rules keyed
// by markers, never style attributes; what a snapshot refuses for a map (exit 2) and what
// the element would show as an error (exit 1). The browser side (JavaScript off, then the
// element taking over) is test/e2e/snapshot-map.test.mjs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scaleQuantize } from 'd3-scale';
import { loadBuilders } from '../../data/scripts/lib/builders.mjs';
import { loadElements } from '../../data/scripts/lib/elements.mjs';
import { main, snapshot } from '../../data/scripts/snapshot.mjs';
import { q } from './helpers.mjs';

/** Run the command in-process: exit status, stdout, stderr. */
async function run(...argv) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** The snapshot's <style>. */
const styleOf = (html) => /<style>([\s\S]*?)<\/style>/.exec(html)[1];

/** Each area of the printed SVG: code, name and numbers (aria-label), and its fill as the snapshot's style gives it. */
function areasOf(html) {
  const css = styleOf(html);
  const rule = (n) => new RegExp(`\\[data-piccoli-m="${n}"\\]\\{([^}]*)\\}`).exec(css)?.[1];
  return [...html.matchAll(/<(?:path|rect) ([^>]*class="area"[^>]*)>/g)].map(([, attrs]) => {
    const a = Object.fromEntries([...attrs.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    return { code: a['data-code'], label: a['aria-label'], role: a.role, fill: a.fill ?? rule(a['data-piccoli-m']) };
  });
}

/** DuckDB's numbers per area, by the SQL the browser's engine runs. */
async function duck(level, stageOrder) {
  const { areaMetricQuery } = await loadBuilders();
  const { sql, params } = areaMetricQuery('events', { programme: 'piccoli', level, stageOrder, asOf: '2021-10-31' });
  return new Map((await q(sql, params)).map((r) => [r.code, r]));
}

/** The class (1 … 5) d3's quantize scale gives each value, as the map's legend has them (0 to a round maximum). */
function classes(values, share) {
  const max = Math.max(...values);
  const s = scaleQuantize()
    .domain([0, share ? Math.min(1, max) : max])
    .range([1, 2, 3, 4, 5])
    .nice(5);
  return (v) => s(v);
}

const italian = (n, digits) => n.toLocaleString('it-IT', { minimumFractionDigits: digits, maximumFractionDigits: digits });

describe('piccoli-data snapshot of a map', () => {
  test("the provinces' tiles: each one's numbers are DuckDB's, its fill the class of its share, its sigla drawn", async () => {
    const r = await run('<piccoli-map level="province" metric="plan-submitted-share" as-of="2021-10-31"></piccoli-map>');
    assert.equal(r.code, 0, r.stderr);
    const html = r.stdout.trim();
    assert.match(
      html,
      /^<piccoli-map level="province" metric="plan-submitted-share" as-of="2021-10-31" lang="it"><template shadowrootmode="open"><style>/,
    );
    assert.doesNotMatch(html, /<!--|<\?>/, 'no hydration markers');
    assert.doesNotMatch(html, /\sstyle="/, 'no style attribute: a strict CSP allows the snapshot by its hashes');
    const counts = await duck('province', 3);
    const areas = areasOf(html);
    assert.equal(areas.length, 107);
    const shown = areas.filter((a) => counts.has(a.code));
    assert.ok(shown.length > 90, `${shown.length} provinces with data`);
    const share = (c) => c.reached / c.eligible;
    const classOf = classes([...counts.values()].map(share), true);
    for (const a of shown) {
      const c = counts.get(a.code);
      const pct = italian(share(c) * 100, 1);
      const m = new RegExp(
        `^[^:]+ \\([A-Z]{2}\\): ${pct.replace('.', '\\.')}\\s%, ${c.reached} su ${italian(c.eligible, 0)} comuni ammissibili$`,
      );
      assert.match(a.label, m, a.code);
      assert.equal(a.fill, `fill:var(--_m${classOf(share(c))})`, `${a.code} ${a.label}`);
      assert.equal(a.role, 'img', 'with JavaScript off an area is a picture, not a button');
    }
    assert.ok(new Set(shown.map((a) => a.fill)).size >= 3, 'several classes');
    for (const a of areas.filter((x) => !counts.has(x.code))) {
      assert.match(a.fill, /^url\(#pm\d+-nodata\)$/);
      assert.match(a.label, /nessun dato/);
    }
    assert.match(html, /<text [^>]*>PC<\/text>/);
    assert.match(
      html,
      /<span class="sub">Piano di intervento trasmesso: % dei comuni ammissibili, per provincia · Dati al 31 ottobre 2021<\/span>/,
    );
    // The legend's swatches and the box's proportions are rules too.
    assert.ok(styleOf(html).includes('{background:var(--_m5)}'));
    assert.match(styleOf(html), /\{aspect-ratio:546 \/ 630\}/);
    // A tile's label reads on its fill in each scheme: class 3 takes the text colour in the light one, the background's in the dark one.
    assert.match(styleOf(html), /:host\{[^}]*--_label-m3:var\(--_text\)/);
    assert.match(styleOf(html), /:host\(\[theme='dark'\]\)\{[^}]*--_label-m3:var\(--_bg\)/);
  });

  test("the regions as counts: the cube's answer is DuckDB's, and the English words", async () => {
    const s = await snapshot('<piccoli-map metric="engaged" as-of="2021-10-31"></piccoli-map>', { lang: 'en' });
    assert.equal(s.answer.backend, 'cube');
    const counts = await duck('region', 1);
    assert.deepEqual(
      s.answer.rows.map((x) => [x.code, x.reached, x.eligible]),
      [...counts.values()].map((x) => [x.code, x.reached, x.eligible]),
    );
    const areas = areasOf(s.html);
    assert.equal(areas.length, 20);
    const classOf = classes(
      [...counts.values()].map((c) => c.reached),
      false,
    );
    for (const a of areas) {
      const c = counts.get(a.code);
      assert.match(
        a.label,
        new RegExp(`: ${c.reached.toLocaleString('en')}, ${c.reached} of ${c.eligible.toLocaleString('en')} eligible comuni$`),
      );
      assert.equal(a.fill, `fill:var(--_m${classOf(c.reached)})`, a.label);
    }
    assert.match(s.html, /Participatory design: number of comuni, by region · Data as of 31 October 2021/);
    assert.match(s.html, /<p class="credit" part="credit"><a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/"/);
    assert.match(s.html, /Source: ANCI\./);
  });

  test('what a map snapshot refuses, and the errors the element would show', async () => {
    for (const [tag, pattern] of [
      ['<piccoli-map geo="/geo/comuni.json" key="PRO_COM_T"></piccoli-map>', /geo= is not supported: a snapshot draws the bundled shapes/],
      ['<piccoli-map play></piccoli-map>', /play= is not supported: the player is not pre-rendered/],
      ['<piccoli-map level="comune"></piccoli-map>', /level="comune" is not supported: a comune map draws a site's own boundaries/],
      ['<piccoli-map src="/x.parquet"></piccoli-map>', /src= is not supported/],
      ['<piccoli-map onclick="x"></piccoli-map>', /no attribute onclick/],
    ]) {
      const r = await run(tag);
      assert.equal(r.code, 2, `${tag}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
    }
    // The element's own errors: an unknown stage, the share of stage 0, a bad level, a bad date.
    for (const [tag, pattern] of [
      ['<piccoli-map metric="bogus"></piccoli-map>', /bogus/],
      ['<piccoli-map metric="eligible-share"></piccoli-map>', /eligible-share/],
      ['<piccoli-map level="stato"></piccoli-map>', /stato/],
      ['<piccoli-map as-of="31/10/2021"></piccoli-map>', /31\/10\/2021/],
    ]) {
      const r = await run(tag);
      assert.equal(r.code, 1, `${tag}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
    }
  });

  test('hostile attribute values are escaped on the tag, never markup', async () => {
    const r = await run(`<piccoli-map id='"><img src=x onerror=alert(1)>' class="a&quot; onmouseover=&quot;x"></piccoli-map>`);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<piccoli-map id="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;" class="a&quot; onmouseover=&quot;x"/);
    assert.doesNotMatch(r.stdout, /<img|onmouseover="/);
  });

  test("--csp prints the hashes of the map snapshot's one style", async () => {
    const tag = '<piccoli-map level="province"></piccoli-map>';
    const r = await run(tag, '--csp');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split(' '), (await snapshot(tag)).styleHashes);
    assert.match(r.stdout, /^'sha256-[A-Za-z0-9+/]+=*'$/m);
  });
});

describe("the map snapshot's SVG shim", () => {
  test('writes attribute values and text escaped, and refuses names that are not names', async () => {
    const { svgDocument, SvgNode } = await loadElements();
    const svg = svgDocument.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const text = svgDocument.createElementNS('http://www.w3.org/2000/svg', 'text');
    text.setAttribute('aria-label', `a"b'c<d>&e`);
    text.textContent = '</svg><script>alert(1)</script> & more';
    svg.append(text);
    assert.equal(
      svg.outerHTML,
      '<svg><text aria-label="a&quot;b\'c&lt;d&gt;&amp;e">&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</text></svg>',
    );
    assert.equal(text.getAttribute('aria-label'), `a"b'c<d>&e`);
    text.removeAttribute('aria-label');
    assert.equal(text.getAttribute('aria-label'), null);
    assert.throws(() => text.setAttribute('onclick="x', '1'), /bad attribute name/);
    assert.throws(() => new SvgNode('svg><script'), /bad element name/);
    assert.throws(() => svgDocument.createElementNS('http://www.w3.org/1999/xhtml', 'div'), /only SVG/);
    // Moving a node takes it from its old parent, as the DOM does.
    const g = svgDocument.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.append(text);
    assert.equal(svg.children.length, 0);
  });

  test("the scheme colours a tile's label is chosen for are the element's own CSS defaults", async () => {
    const { schemePalette } = await loadElements();
    assert.deepEqual(schemePalette(false), {
      colours: ['#DCEBFA', '#A6CBF2', '#5B9DE3', '#0066CC', '#003D7A'],
      noData: '#E6E9F2',
      noDataLines: '#8E99AB',
      text: '#1a1a1a',
      background: '#ffffff',
    });
    assert.deepEqual(schemePalette(true).colours, ['#1E3A5C', '#24609E', '#3D86D8', '#86BBF3', '#D2E6FC']);
    assert.equal(schemePalette(true).background, '#121417');
  });
});
