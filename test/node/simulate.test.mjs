// The committed events are what the seeded simulation produces: rerunning
// it in memory gives the same rows, so `npm run data` is reproducible and
// nobody has edited the output by hand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mulberry32 } from '../../data/scripts/lib/prng.mjs';
import { SIMULATORS, findComune } from '../../data/scripts/lib/simulate.mjs';
import { file, q } from './helpers.mjs';

const sources = JSON.parse(readFileSync(file('sources/programmes.json'), 'utf8'));

async function simulateAll() {
  const registry = /** @type {any[]} */ (await q('SELECT * FROM comuni ORDER BY istat_code'));
  const rng = mulberry32(sources.seed);
  return sources.programmes.flatMap((/** @type {any} */ p) => SIMULATORS[p.id](p, registry, rng.fork(p.id)).events);
}

test('mulberry32 is deterministic and uniform enough', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const xs = Array.from({ length: 10000 }, () => a.next());
  assert.deepEqual(
    xs.slice(0, 5),
    Array.from({ length: 5 }, () => b.next()),
  );
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.02, String(mean));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notEqual(mulberry32(42).fork('piccoli').next(), mulberry32(42).fork('province-e-comuni').next());
});

test('rerunning the simulation gives the committed rows', async () => {
  const key = (/** @type {any} */ e) => [e.programme, e.entity_code, e.entity_kind, e.stage, e.stage_order, e.date, e.provenance].join('|');
  const first = (await simulateAll()).map(key).sort();
  const second = (await simulateAll()).map(key).sort();
  assert.deepEqual(first, second);
  const committed = (await q('SELECT programme, entity_code, entity_kind, stage, stage_order, date, provenance FROM events'))
    .map(key)
    .sort();
  assert.deepEqual(first, committed);
});

test('named comuni are matched by region, so homonyms elsewhere cannot slip in', () => {
  const registry = [
    { istat_code: '055018', name: 'Montecchio', region_name: 'Umbria' },
    { istat_code: '099999', name: 'Montecchio', region_name: 'Veneto' },
  ];
  assert.equal(findComune(/** @type {any} */ (registry), 'Montecchio', 'Umbria').istat_code, '055018');
  assert.throws(() => findComune(/** @type {any} */ (registry), 'Montecchio', 'Lazio'), /expected one comune/);
});
