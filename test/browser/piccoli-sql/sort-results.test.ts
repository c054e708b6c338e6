import { expect } from '@open-wc/testing';
import { Utf8, vectorFromArray, type Table } from 'apache-arrow';
import type { ArrowVectorLike } from '../../../src/components/piccoli-sql/format/arrow.js';
import { sortKey } from '../../../src/components/piccoli-sql/format/kind.js';
import { compareKeys, primaryKey, sortOrder } from '../../../src/components/piccoli-sql/sort-order.js';
import { getEngine } from '../../../src/data/engine.js';

/**
 * The console's sort (sort-order.ts) on results large enough to take every path of it,
 * against the comparison sort it replaced: each row's value compared, text with
 * Intl.Collator('it', { numeric: true }), ties in row order, NULLs last. The orders must
 * be equal row for row, both ways. Its times are the bench's (`node bench/run.mjs
 * --only=sort`: 1M rows, a click on the header -> the first rows on screen).
 */
const ROWS = 100_000;
const SQL = `SELECT range AS i,
  (hash(range) % 1000000)::BIGINT - 500000 AS h,
  ((hash(range) >> 1)::BIGINT) * CASE WHEN range % 2 = 0 THEN -1 ELSE 1 END AS big,
  CASE range % 997 WHEN 1 THEN 'NaN'::DOUBLE WHEN 2 THEN 'inf'::DOUBLE WHEN 3 THEN '-inf'::DOUBLE WHEN 4 THEN -0.0::DOUBLE WHEN 5 THEN 0.0::DOUBLE
    ELSE hash(range)::DOUBLE / 7 * CASE WHEN range % 3 = 0 THEN -1 ELSE 1 END END AS x,
  ((range * 37 % 9973) - 5000)::DECIMAL(18,3) AS d,
  CASE WHEN range % 7 = 0 THEN NULL ELSE 'riga ' || (hash(range) % 5000) END AS label,
  'voce ' || (range * 7919 % ${ROWS}) AS distinct_label,
  ['Èrba', 'erba', 'ERBA', 'èrba', 'Erba'][range % 5 + 1] || ' ' || lpad((range % 40)::VARCHAR, (range % 3)::INTEGER, '0') AS cased,
  ['nord', 'centro', 'sud', 'isole'][range % 4 + 1]::ENUM('nord', 'centro', 'sud', 'isole') AS zone,
  DATE '2020-01-01' + (hash(range * 7) % 1000)::INTEGER AS day,
  TIMESTAMP '2020-01-01' + to_seconds((hash(range) % 100000000)::BIGINT) AS ts,
  CASE WHEN range % 10 = 0 THEN NULL ELSE range % 97 END AS with_nulls,
  range % 3 = 0 AS flag
  FROM range(${ROWS})`;

/** The order the console computed before: each row's key compared, ties in row order. */
function referenceOrder(v: ArrowVectorLike, rows: number, dir: 1 | -1): Uint32Array {
  const keys = Array.from({ length: rows }, (_, r) => sortKey(v, r));
  return Uint32Array.from({ length: rows }, (_, r) => r).sort((a, b) => compareKeys(keys[a]!, keys[b]!, dir) || a - b);
}

/** The first row where the two orders differ, or -1. */
function firstDifference(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) return 0;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return k;
  return -1;
}

function expectSameOrder(v: ArrowVectorLike, rows: number, label: string, show: (row: number) => unknown): void {
  for (const dir of [1, -1] as const) {
    const fast = sortOrder(v, rows, dir);
    const slow = referenceOrder(v, rows, dir);
    const k = firstDifference(fast, slow);
    const what =
      k < 0 ? '' : `: at ${k}, ${JSON.stringify(show(fast[k]!))} where the comparison sort has ${JSON.stringify(show(slow[k]!))}`;
    expect(k, `${label} ${dir === 1 ? 'ascending' : 'descending'}${what}`).to.equal(-1);
  }
}

describe('sorting 100 000 rows of a console result', () => {
  let table: Table;
  before(async function () {
    this.timeout(120_000);
    table = await getEngine().query(SQL);
  });

  for (const column of ['h', 'big', 'x', 'd', 'label', 'distinct_label', 'cased', 'zone', 'day', 'ts', 'with_nulls', 'flag']) {
    it(`${column}: the radix sort gives the comparison sort's order, both directions`, function () {
      this.timeout(60_000);
      const v = table.getChild(column) as unknown as ArrowVectorLike;
      expect(v.length).to.equal(ROWS);
      expectSameOrder(v, ROWS, column, (r) => String(table.getChild(column)!.get(r)));
    });
  }

  it('takes the paths it is meant to: both 16-bit passes of each word, ranks of texts with and without keys', () => {
    const h = table.getChild('h')!;
    const values = Array.from(h, Number);
    // Low word above 65 535 and both signs: all four 16-bit passes have work.
    expect(Math.max(...values)).to.be.above(65_535);
    expect(Math.min(...values)).to.be.below(0);
    expect(new Set(Array.from(table.getChild('distinct_label')!, String)).size).to.equal(ROWS);
    expect(primaryKey('voce 1234'), 'ASCII text has a key').to.be.instanceOf(Uint8Array);
    expect(primaryKey('Straße 1'), 'ß (a letter that sorts as "ss") has none: the collator sorts').to.equal(undefined);
  });
});

/** Texts made of `alphabet`, with runs of digits (leading zeros too) and empty strings. */
function texts(n: number, alphabet: string[], seed: number, suffix = false): (string | null)[] {
  let s = seed;
  const rnd = (m: number) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % m;
  };
  return Array.from({ length: n }, (_, i) => {
    if (rnd(60) === 0) return null;
    if (rnd(40) === 0) return '';
    let t = '';
    for (let k = rnd(7); k > 0; k--)
      t += rnd(5) === 0 ? String(rnd(10 ** (1 + rnd(6)))).padStart(rnd(6), '0') : alphabet[rnd(alphabet.length)];
    return suffix ? `${t}${alphabet[rnd(alphabet.length)]}${i}` : t;
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => String.fromCharCode(from + k));
/** The characters the keys know: printable ASCII and Latin letters with accents. */
const KEYED = [
  ...range(0x20, 0x7e),
  ...[...'àèéìíòóùúÀÈÉÌÒÙâêîôûäëïöüÿçÇñÑãõåÅýŕĉčĈČšžĀāăĕėęěğĞģĥīįőűœ'].filter((c) => /^[A-Za-z][\u0300-\u036f]+$/.test(c.normalize('NFD'))),
];
/** Hard cases for the letters and digits: case, accents, zeros, punctuation next to digits. */
const CLOSE = [..."aAàÀáÁâeEéÉèÈoOòÓ0000123 -.,_'/"];
/** Characters the keys do not know: expansions (ß, æ, œ), a combining accent, a tab, other scripts, an emoji. */
const UNKEYED = [...KEYED, 'ß', 'æ', 'Æ', 'ø', 'ł', '\u0301', '\t', 'Ω', 'я', '中', '😀', '€', '½'];

describe('text sort: the primary keys give exactly the collator order', () => {
  const corpora: [string, (string | null)[]][] = [
    ['printable ASCII and accented letters, few distinct', texts(20_000, KEYED, 1)],
    ['printable ASCII and accented letters, nearly all distinct (no hash table)', texts(66_000, KEYED, 2, true)],
    ['case, accents, leading zeros and punctuation that differ little', texts(20_000, CLOSE, 3)],
    ['the same, nearly all distinct', texts(66_000, CLOSE, 4, true)],
    ['characters the keys do not know (the collator sorts)', texts(10_000, UNKEYED, 5)],
    ['a run of 250 digits (the collator sorts)', [...texts(5_000, CLOSE, 6), `1${'0'.repeat(249)}`, `0${'9'.repeat(249)}`]],
  ];
  for (const [name, corpus] of corpora) {
    it(`${name}: the same order as the comparison sort, both directions`, function () {
      this.timeout(60_000);
      const v = vectorFromArray(corpus, new Utf8()) as unknown as ArrowVectorLike;
      expectSameOrder(v, corpus.length, name, (r) => corpus[r]);
    });
  }

  it('every text of the known alphabet has a key, and keys never order two texts against the collator', () => {
    const collator = new Intl.Collator('it', { numeric: true });
    const all = [...texts(20_000, KEYED, 7), ...texts(20_000, CLOSE, 8)].filter((t): t is string => t !== null);
    const keys = all.map((t) => primaryKey(t));
    expect(keys.filter((k) => k === undefined).length, 'texts with no key').to.equal(0);
    const compare = (a: Uint8Array, b: Uint8Array) => {
      for (let k = 0; k < a.length && k < b.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
      return a.length - b.length;
    };
    let against = '';
    for (let k = 0; k + 1 < all.length && !against; k++) {
      const j = (k * 7919) % all.length;
      const byKey = Math.sign(compare(keys[k]!, keys[j]!));
      const byCollator = Math.sign(collator.compare(all[k]!, all[j]!));
      if (byKey !== 0 && byKey !== byCollator) against = `${JSON.stringify(all[k])} / ${JSON.stringify(all[j])}`;
      // Equal keys: only case, accents or leading zeros tell them apart (the collator orders those).
      if (byKey === 0 && new Intl.Collator('it', { numeric: true, sensitivity: 'base' }).compare(all[k]!, all[j]!) !== 0)
        against = `equal keys for ${JSON.stringify(all[k])} / ${JSON.stringify(all[j])}`;
    }
    expect(against).to.equal('');
  });

  it('knows case, accents and leading zeros are not primary differences, numbers are read as numbers', () => {
    const hex = (t: string) => Array.from(primaryKey(t) ?? [], (b) => b.toString(16)).join(' ');
    expect(hex('Voce 010')).to.equal(hex('voce 10'));
    expect(hex('perché')).to.equal(hex('PERCHE'));
    const key = (t: string) => primaryKey(t)!;
    const less = (a: string, b: string) => {
      const x = key(a);
      const y = key(b);
      for (let k = 0; k < x.length && k < y.length; k++) if (x[k] !== y[k]) return x[k]! < y[k]!;
      return x.length < y.length;
    };
    expect([less('a 9', 'a 10'), less('', ' '), less('a-b', 'ab'), less('riga 2', 'riga 10')]).to.deep.equal([true, true, true, true]);
  });
});
