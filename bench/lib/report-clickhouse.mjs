// Section 6 of BENCHMARKS.md (bench/lib/clickhouse.mjs's results), and its rows in the
// headline table: the elements on a two-shard ClickHouse over 10M and 100M events, against
// DuckDB-WASM at 10M measured in the same run.
import { mb, median, ms, msRange, ratio } from './stats.mjs';

/** "About a second", as the product target says it, read as at most this. */
const ABOUT_A_SECOND = 1500;

const ok = (v) => v && !v.first?.error && !v.nextQ?.error;
const col = (xs, f) => xs.map(f).filter((x) => Number.isFinite(x));
const label = (rows) => `${rows / 1e6}M`;
const gb = (n) => (Number.isFinite(n) ? `${(n / 2 ** 30).toFixed(2)} GB` : 'n/a');
/** Median over the runs' values, with min–max. */
const range = (xs, f) => msRange(col(xs, f));

/** DuckDB-WASM's first area question: the same page up to the catalogue, then the area query. */
const engineMapFirst = (r) => r.firstAt - r.times.funnel[0] + r.times.map[0];

function sizesOf(ch) {
  return ch.sizes.filter((s) => !s.error && s.progress.length);
}

/** Rows of the headline table: the product target for the scale-out. */
export function clickhouseHeadline(ch, row) {
  if (!ch) return;
  const what = 'On a two-shard ClickHouse, 100M events answer a funnel in about a second, tab memory flat';
  if (!ch.measured) {
    row(`${what}`, '≈ 1 s', `**not measured**: ${ch.reason}`, '', '', null);
    return;
  }
  const sizes = sizesOf(ch);
  const big = sizes.at(-1);
  const small = sizes[0];
  if (!big) {
    row(what, '≈ 1 s', `**failed**: ${ch.sizes.map((s) => s.error).filter(Boolean).join('; ') || 'no run'}`, '', '', false);
    return;
  }
  const runs = ch.duckdb?.runs?.filter((r) => !r.error) ?? [];
  const duck = (f) => (runs.length ? median(col(runs, f)) : NaN);
  const n = label(big.rows);
  const first = median(col(big.progress.filter(ok), (v) => v.first.numbersAt));
  const next = median(col(big.progress.filter(ok), (v) => v.nextQ.ms));
  const duckFirst = duck((r) => r.firstAt);
  const duckNext = duck((r) => r.times.funnelNext[0]);
  const kinds = slowest(big);
  const plainFirst = median(col((big.plain ?? []).filter(ok), (v) => v.first.numbersAt));
  row(`${n} events on the two-shard ClickHouse: \`<piccoli-progress programme="scala">\`, first question in a new page (navigation → numbers on screen), the connector reading the table's catalogue (\`catalogue\`, a materialised view)`, `≈ 1 s (≤ ${ms(ABOUT_A_SECOND)})`, ms(first),
    `DuckDB-WASM, ${label(ch.duckdb?.rows ?? 1e7)} rows: ${ms(duckFirst)} (navigation → funnel answered); without the catalogue: ${ms(plainFirst)}`, ratio(first, duckFirst), first <= ABOUT_A_SECOND,
    `before the funnel, one round of small questions (the catalogue's programmes, provinces, the programme's stages, areas and days; the table's columns); server time by query, medians: ${kinds}. See section 6.`);
  row(`… the next question on the same page (\`province\` set: catalogue kept, one query)`, `≈ 1 s (≤ ${ms(ABOUT_A_SECOND)})`, ms(next), `DuckDB-WASM: ${ms(duckNext)} (query only)`, ratio(next, duckNext), next <= ABOUT_A_SECOND,
    `the server's own time for the one query: ${ms(median(col(big.progress.filter(ok), (v) => v.nextQ.server?.ms)))}.`);
  if (small && small !== big) {
    const uss = (s) => median(col(s.progress.filter(ok), (v) => v.memFirst?.uss));
    const a = uss(small);
    const z = uss(big);
    row(`Tab memory flat: the renderers' private memory after the funnel, ${n} vs ${label(small.rows)} events`, '≤ 1.1×', `${mb(z)} vs ${mb(a)}`, `DuckDB-WASM, ${label(ch.duckdb?.rows ?? 1e7)} rows: ${mb(duck((r) => r.mem?.uss))}`, ratio(z, a), z <= a * 1.1,
      `JS heap ${mb(median(col(big.progress, (v) => v.memFirst?.jsHeap)))} vs ${mb(median(col(small.progress, (v) => v.memFirst?.jsHeap)))}; per-run values in bench/results/latest.json (section 6).`);
  }
}

/** Median server time per kind of query in a size's first questions (of the visits `keys`), slowest first. */
function slowest(size, keys = ['progress', 'map']) {
  const kinds = new Map();
  for (const v of keys.flatMap((k) => size[k] ?? [])) {
    for (const [k, t] of Object.entries(v.first?.server?.byKind ?? {})) {
      if (!kinds.has(k)) kinds.set(k, []);
      kinds.get(k).push(t);
    }
  }
  return [...kinds]
    .map(([k, ts]) => [k, median(ts)])
    .sort((a, b) => b[1] - a[1])
    .map(([k, t]) => `${k} ${ms(t)}`)
    .join(', ');
}

export function clickhouseSection(ch, p, cores) {
  p('## 6. Scale-out: the same elements on a two-shard ClickHouse', '');
  if (!ch) {
    p('Not run (`--only` left it out).', '');
    return;
  }
  if (!ch.measured) {
    p(`**Not measured.** ${ch.reason}`, '');
    return;
  }
  const sizes = sizesOf(ch);
  const duck = ch.duckdb;
  const runs = duck?.runs?.filter((r) => !r.error) ?? [];
  p(
    `ClickHouse ${ch.version} (Debian's package), two shards started by \`test/clickhouse/cluster.mjs\` on this same machine (the browser, the bench and both servers share its ${cores} cores), up in ${ms(ch.startMs)}. ` +
      'The events are `loadSynthetic()`\'s: programme `scala`, 7 stages, rows/4 entities over the 107 real provinces, generated on each shard, the Distributed table over both. ' +
      'The page (`bench/pages/clickhouse.html`) is what a site writes: `configure({ connector: clickhouseConnector({ url: \'/ch/\', database: \'piccoli\', table, user: \'piccoli_reader\', password, catalogue }) })` from `dist/data.js`, then one element without `src` loaded through `dist/piccoli.js`. ' +
      '`catalogue` names the table\'s catalogue: a materialised view on each shard\'s events table into a small AggregatingMergeTree table, with a Distributed table over it (README, "The catalogue"), which `loadSynthetic` fills as it loads the events; the funnel\'s first question is also measured without it. ' +
      '`/ch/` is the bench server\'s same-origin proxy to shard 1 (`test/clickhouse/proxy.mjs`, the tests\' proxy, as the README\'s nginx recipe). The user is read-only (readonly=2); answers are JSONCompact (18.16 has no Arrow).',
    '',
    `Each run is a new browser context (nothing cached; the previous renderer gone). **First question**: navigation → the first frame in which the element shows the numbers computed on the cluster with the admin's own SQL. **Next question**, on the same page: \`<piccoli-progress>\` gets \`province\` (${ch.provinces.slice(0, ch.runs).join(', ')} in turn); \`<piccoli-map metric="engaged">\` gets \`as-of="${ch.nextDay}"\`; setAttribute → the frame showing the new numbers. Memory, after a forced GC: the renderer processes' private memory (USS: what the tab holds; their PSS also moves with the other Chromium processes on the machine that share the same library pages, by tens of MB here), their PSS, and the page's JS heap. ${ch.runs} runs per size and element; medians (min–max).`,
    '',
  );
  p('### The cluster', '', '| Events | Load (`loadSynthetic`, both shards in parallel) | On disk (active parts, after merges) | Parts (shard 1 + 2) | Merges settled | Servers\' PSS after the runs (shard 1 + 2) |', '| --- | --- | --- | --- | --- | --- |');
  for (const s of ch.sizes) {
    if (s.error && !s.load) {
      p(`| ${s.rows.toLocaleString('en')} | failed: ${s.error} | | | | |`);
      continue;
    }
    p(
      `| ${s.rows.toLocaleString('en')} | ${ms(s.load?.ms)} | ${s.facts ? mb(s.facts.bytes) : 'n/a'} | ${s.facts?.parts.join(' + ') ?? 'n/a'} | ${ms(s.settle?.ms)} | ${s.serverPss ? s.serverPss.map(mb).join(' + ') : 'n/a'} |`,
    );
  }
  p('', `The tables are dropped after their runs and the cluster stopped with its temporary folder; the section took ${ch.seconds} s in all.`, '');
  for (const s of ch.sizes.filter((x) => x.error)) p(`**${label(s.rows)} events: ${s.error}**`, '');

  const [a, z] = [sizes[0], sizes.at(-1)];
  const two = a && z && a !== z;
  const dl = duck ? label(duck.rows) : '10M';
  // The ClickHouse size compared with DuckDB-WASM: the one with as many rows.
  const same = sizes.find((s) => s.rows === duck?.rows);
  p(
    `### Time and memory, ${sizes.map((s) => label(s.rows)).join(' → ')}, against DuckDB-WASM at ${dl}`,
    '',
    `| Question | ClickHouse ${a ? label(a.rows) : ''} | ${two ? `ClickHouse ${label(z.rows)} | ${label(z.rows)} ÷ ${label(a.rows)} | ` : ''}DuckDB-WASM ${dl} (same run) | ClickHouse ÷ DuckDB-WASM, both ${dl} |`,
    `| --- | --- | ${two ? '--- | --- | ' : ''}--- | --- |`,
  );
  const med = (s, f) => (s ? median(col(f(s), (x) => x)) : NaN);
  const line = (what, f, duckCell, duckValue) => {
    const [va, vz] = [med(a, f), two ? med(z, f) : NaN];
    const cell = (s) => (s ? msRange(f(s)) : 'n/a');
    p(`| ${what} | ${cell(a)} | ${two ? `${cell(z)} | ${ratio(vz, va)} | ` : ''}${duckCell} | ${ratio(med(same, f), duckValue)} |`);
  };
  const memLine = (what, f, duckValue) => {
    const [va, vz] = [med(a, f), two ? med(z, f) : NaN];
    p(`| ${what} | ${mb(va)} | ${two ? `${mb(vz)} | ${ratio(vz, va)} | ` : ''}${mb(duckValue)} | ${ratio(med(same, f), duckValue)} |`);
  };
  const dmed = (f) => (runs.length ? median(col(runs, f)) : NaN);
  const drange = (f) => (runs.length ? range(runs, f) : 'n/a');
  const P = (s) => s.progress.filter(ok);
  const M = (s) => s.map.filter(ok);
  line('**Funnel, first question** (new page, with the catalogue): navigation → numbers on screen; DuckDB-WASM: navigation → funnel answered (engine, table, shape check, catalogue, query; no drawing)', (s) => P(s).map((v) => v.first.numbersAt), drange((r) => r.firstAt), dmed((r) => r.firstAt));
  line('… of which the element\'s connect → numbers', (s) => P(s).map((v) => v.first.numbersAt - v.first.connect), '–', NaN);
  line('… the server\'s own time, summed over the question\'s queries (they run in parallel)', (s) => P(s).map((v) => v.first.server?.ms), '–', NaN);
  line('… its slowest query on the server', (s) => P(s).map((v) => v.first.server?.maxMs), '–', NaN);
  const N = (s) => (s.plain ?? []).filter(ok);
  line('**Funnel, first question without the catalogue** (the same page without `catalogue`: the events answer the catalogue\'s questions too)', (s) => N(s).map((v) => v.first.numbersAt), '–', NaN);
  line('… the server\'s own time, summed', (s) => N(s).map((v) => v.first.server?.ms), '–', NaN);
  line('**Funnel, next question** (another province, same page)', (s) => P(s).map((v) => v.nextQ.ms), `${drange((r) => r.times.funnelNext[0])} (query only)`, dmed((r) => r.times.funnelNext[0]));
  line('… the server\'s own time', (s) => P(s).map((v) => v.nextQ.server?.ms), '–', NaN);
  line('**Area metric, first question** (`<piccoli-map metric="engaged">`, new page); DuckDB-WASM: the same page up to the catalogue, then the area query', (s) => M(s).map((v) => v.first.numbersAt), drange(engineMapFirst), dmed(engineMapFirst));
  line('… the server\'s own time, summed', (s) => M(s).map((v) => v.first.server?.ms), '–', NaN);
  line(`**Area metric, next question** (\`as-of="${ch.nextDay}"\`, same page)`, (s) => M(s).map((v) => v.nextQ.ms), `${drange((r) => r.times.mapNext[0])} (query only)`, dmed((r) => r.times.mapNext[0]));
  line('… the server\'s own time', (s) => M(s).map((v) => v.nextQ.server?.ms), '–', NaN);
  memLine('**Tab memory**: private memory (USS) of the renderer processes, after the funnel\'s first question', (s) => P(s).map((v) => v.memFirst?.uss), dmed((r) => r.mem?.uss));
  memLine('… after its next question', (s) => P(s).map((v) => v.memNext?.uss), NaN);
  memLine('… after the map\'s first question', (s) => M(s).map((v) => v.memFirst?.uss), NaN);
  const empty = median(col(ch.empty, (x) => x.uss));
  memLine(`… above the same page without the element (${mb(empty)})`, (s) => P(s).map((v) => v.memFirst?.uss - empty), dmed((r) => r.mem?.uss) - empty);
  memLine('Renderer PSS after the funnel\'s first question', (s) => P(s).map((v) => v.memFirst?.pss), dmed((r) => r.mem?.pss));
  memLine('Page JS heap after the funnel\'s first question', (s) => P(s).map((v) => v.memFirst?.jsHeap), dmed((r) => r.mem?.jsHeap));
  p('');
  if (a) {
    const reqs = median(col(P(a), (v) => v.first.count));
    p(
      `Where the first question's time goes on the server (median per query kind, funnel and map pages together, with the catalogue): ${sizes.map((s) => `${label(s.rows)}: ${slowest(s)}`).join('; ')}. ` +
        `Without it: ${sizes.map((s) => `${label(s.rows)}: ${slowest(s, ['plain'])}`).join('; ')}. ` +
        `The page sends ${reqs} requests through the proxy for it, in three rounds: the connector's capability probe (the server's version and settings; whether it answers \`FORMAT ArrowStream\`, which 18.16 refuses); the catalogue (programmes, provinces, the programme's stages, areas and days) with the table's columns, together; the question. A next question sends one. ` +
        `Rows the server read for a first question: ${sizes.map((s) => `${label(s.rows)}: ${(median(col(P(s), (v) => v.first.server?.read)) / 1e6).toFixed(0)}M`).join(', ')}.`,
      '',
    );
  }
  const visits = ch.sizes.flatMap((s) => [...s.progress, ...s.map, ...(s.plain ?? [])]);
  const bad = visits.filter((v) => !ok(v));
  const backends = new Set(visits.map((v) => v.first?.atDone?.backend).filter(Boolean));
  const engines = Math.max(0, ...visits.map((v) => v.first?.atDone?.engines ?? 0), ...visits.map((v) => v.nextQ?.engines ?? 0));
  const wasm = visits.reduce((n, v) => n + (v.wasmFetched ?? 0), 0);
  p(
    `Checks: ${visits.length - bad.length} of ${visits.length} ClickHouse visits showed the expected numbers, first and next${bad.length ? ` (failed: ${[...new Set(bad.map((v) => v.first?.error ?? v.nextQ?.error))].slice(0, 3).join('; ')})` : ''}; ` +
      `the figures said \`data-backend="${[...backends].join('", "')}"\`; DuckDB-WASM engines started on those pages: ${engines}; requests for its wasm: ${wasm}.`,
    '',
  );
  if (duck) {
    p('### DuckDB-WASM at the same size', '');
    if (duck.error) p(`**Failed:** ${duck.error}`, '');
    const failed = (duck.runs ?? []).filter((r) => r.error);
    if (runs.length) {
      const checks = runs.every((r) => r.count === duck.rows && r.shapeProblems === 0 && r.results.funnel[0] === duck.rows / 4 && r.results.funnel.reduce((x, y) => x + y, 0) === duck.rows);
      const q = (k) => msRange(runs.flatMap((r) => r.times[k].slice(1)));
      p(
        `The library's engine (\`getEngine()\` from \`dist/data.js\`, \`configure({ memoryLimit: '${duck.memoryLimit}' })\`: with the default 1GB, building the table runs out of memory after minutes) in a new page per run (${runs.length}${failed.length ? `, ${failed.length} failed: ${failed[0].error}` : ''}), \`bench/pages/scala-engine.js\`: ` +
          `the table generated in the engine with \`loadSynthetic\`'s shape (DuckDB's \`hash()\` for ClickHouse's \`cityHash64\`, so the counts per stage differ a little from the cluster's; same rows, entities, stages and provinces), then the queries the DuckDB backend runs for an element's first question, built by \`dist/sql.js\`. ` +
          `Engine ready ${range(runs, (r) => r.engineAt)} after navigation; table generated (stands for loading a file) ${range(runs, (r) => r.load)}; shape check ${range(runs, (r) => r.shape)}; catalogue ${range(runs, (r) => r.catalogue)}. ` +
          `Query only (${runs[0].times.funnel.length - 1} more runs of each on the same page): funnel ${q('funnel')}, a province's funnel ${q('funnelNext')}, area metric ${q('map')}, on ${ch.nextDay} ${q('mapNext')}. ` +
          `Tab memory with the table loaded: private ${gb(dmed((r) => r.mem?.uss))} <sub>(${col(runs, (r) => r.mem?.uss).map(gb).join(', ')})</sub>, PSS ${gb(dmed((r) => r.mem?.pss))}. ` +
          `Checks: ${checks ? `every run had ${duck.rows.toLocaleString('en')} rows, no shape problem, ${(duck.rows / 4).toLocaleString('en')} eligible entities and per-stage counts summing to the rows` : '**the counts are not what the generator makes**'}.`,
        '',
      );
    } else if (failed.length) p(`**Every run failed:** ${failed[0].error}`, '');
    const el = duck.element;
    if (el) {
      const v = el.visit;
      p(
        el.error
          ? `\`<piccoli-progress src=…>\` on a Parquet file of the cluster's rows: not run (${el.error}).`
          : `And the element itself, as a site would hand DuckDB-WASM the data: \`<piccoli-progress programme="scala" src=…>\` on a Parquet file of the cluster's very ${label(duck.rows)} rows (${mb(el.bytes)}, zstd; exported in ${ms(el.exportMs)}), once: ` +
              (v?.first?.error
                ? `**it fails**: «${v.first.error.replace(/https?:\/\/127\.0\.0\.1:\d+/g, ' ').replace(/\s+/g, ' ').trim()}»${v.memFirst ? `, the tab at ${mb(v.memFirst.uss)} private` : ''}. The library reads Parquet with parquet-wasm (DuckDB-WASM's own reader is an extension it would fetch from the internet); a wasm trap ("unreachable") with the tab at that size looks like parquet-wasm running out of its memory while it decodes the whole file to Arrow (not investigated further). The \`--quick\` run, at 1M rows, has the same page show its numbers.`
                : `numbers on screen after ${ms(v?.first?.numbersAt)} (the cluster's own numbers), next question ${ms(v?.nextQ?.ms)}, tab ${mb(v?.memFirst?.uss)} private.`),
        '',
      );
    }
  }
}
