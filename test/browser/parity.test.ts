import { expect } from '@open-wc/testing';
import { fetchMeta } from '../../src/data/bundled.js';
import { CubeBackend } from '../../src/query/backends/cube-backend.js';
import { DuckDBBackend } from '../../src/query/backends/duckdb-backend.js';
import type {
  AreaLevel,
  AreasAnswer,
  FunnelAnswer,
  FunnelRequest,
  QueryRequest,
  TrendAnswer,
  TrendRequest,
} from '../../src/query/types.js';

/*
 * One set of numbers: every backend gives the same answer to the same request, for every
 * programme, level (Italy, region, province, comune), date (before the start, the
 * published dates, between them, the last, after the end) and stage; and the funnel of an
 * area equals the map's value for that area. The engine side runs the SQL builders on
 * DuckDB-WASM; the cube side counts in JavaScript.
 */

const cube = new CubeBackend();
const engine = new DuckDBBackend();

async function both<A>(req: QueryRequest): Promise<[A, A]> {
  const [a, b] = await Promise.all([cube.answer(req), engine.answer(req, {})]);
  expect(a, `the cube answers ${JSON.stringify(req)}`).to.not.equal(null);
  return [a as A, b as A];
}

/** What must agree: everything but which backend answered, the file's URL form, and the file's publisher (only a cube records it). */
function comparable(a: FunnelAnswer | AreasAnswer | TrendAnswer) {
  return { ...a, backend: undefined, source: undefined, publisher: undefined, programme: { ...a.programme, meta: undefined } };
}

const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const metas = await fetchMeta();
const loaded = (await cube.cube(null))!;
const programmes = loaded.index.programmeIds;

describe('every backend gives the same numbers', () => {
  it('the bundled cube holds the four programmes', () => {
    expect(programmes).to.deep.equal(['next-generation-siena', 'piacenza-fabbisogni', 'piccoli', 'province-e-comuni']);
  });

  for (const programme of programmes) {
    it(`${programme}: funnels for Italy, every region, every province and comuni, at every kind of date`, async function () {
      this.timeout(240_000);
      const p = loaded.index.programme(programme);
      const meta = metas.find((m) => m.programme === programme)!;
      const published = ((meta.published_figures as { as_of?: string }[] | undefined) ?? []).flatMap((f) => (f.as_of ? [f.as_of] : []));
      const { firstDate, lastDate } = p.info;
      const middle = shift(firstDate, Math.round((Date.parse(lastDate) - Date.parse(firstDate)) / 86_400_000 / 2));
      const dates = [...new Set([shift(firstDate, -1), firstDate, ...published, middle, lastDate, shift(lastDate, 400)])].sort();
      const regions = [...new Set(p.provinces.map((x) => x.regionCode))];
      // Every entity of a small programme; for PICCOLI every 40th comune (and the published ones).
      const step = p.entities.length > 200 ? 40 : 1;
      const comuni = p.entities.filter((_, i) => i % step === 0).map((e) => e.code);
      let checked = 0;
      for (const asOf of dates) {
        const base: FunnelRequest = { kind: 'funnel', src: null, programme, asOf, region: null, province: null, comune: null };
        const requests: FunnelRequest[] = [
          base,
          ...regions.map((region) => ({ ...base, region })),
          ...p.provinces.map((x) => ({ ...base, province: x.code })),
          ...comuni.map((comune) => ({ ...base, comune })),
        ];
        for (const req of requests) {
          const [a, b] = await both<FunnelAnswer>(req);
          expect(comparable(a), JSON.stringify(req)).to.deep.equal(comparable(b));
          checked++;
        }
      }
      expect(checked).to.be.greaterThan(dates.length * 3);
    });

    it(`${programme}: the map's areas at every level and stage, and the funnel of each area agrees with them`, async function () {
      this.timeout(240_000);
      const p = loaded.index.programme(programme);
      const dates = [shift(p.info.firstDate, -1), p.info.firstDate, '2021-10-31', p.info.lastDate];
      const levels: AreaLevel[] = ['region', 'province', 'comune'];
      for (const asOf of dates) {
        for (const level of levels) {
          for (const s of p.info.stages) {
            const req = { kind: 'areas', src: null, programme, asOf, level, stage: s.stage } as const;
            const [a, b] = await both<AreasAnswer>(req);
            expect(comparable(a), JSON.stringify(req)).to.deep.equal(comparable(b));
            if (level === 'comune') continue;
            // The funnel of each area says what the map says of it.
            for (const row of a.rows) {
              const f = (await cube.answer({
                kind: 'funnel',
                src: null,
                programme,
                asOf,
                region: level === 'region' ? row.code : null,
                province: level === 'province' ? row.code : null,
                comune: null,
              })) as FunnelAnswer;
              expect([f.stages[0]!.n, f.stages[s.order]!.n], `${programme} ${level} ${row.code} ${asOf} ${s.stage}`).to.deep.equal([
                row.eligible,
                row.reached,
              ]);
            }
          }
        }
      }
    });
  }

  for (const programme of programmes) {
    it(`${programme}: the trend of Italy, every region, every province and comuni, and the funnel read from it on every day`, async function () {
      this.timeout(240_000);
      const p = loaded.index.programme(programme);
      const regions = [...new Set(p.provinces.map((x) => x.regionCode))];
      const step = p.entities.length > 200 ? 80 : 1;
      const base: TrendRequest = { kind: 'trend', src: null, programme, asOf: null, region: null, province: null, comune: null };
      const requests: TrendRequest[] = [
        base,
        ...regions.map((region) => ({ ...base, region })),
        ...p.provinces.map((x) => ({ ...base, province: x.code })),
        ...p.entities.filter((_, i) => i % step === 0).map((e) => ({ ...base, comune: e.code })),
      ];
      for (const req of requests) {
        const [a, b] = await both<TrendAnswer>(req);
        expect(comparable(a), JSON.stringify(req)).to.deep.equal(comparable(b));
      }
      // The trend's count on a day is the funnel of that day (the one definition), for Italy.
      const [t] = await both<TrendAnswer>(base);
      expect(t.series[0]!.steps.length).to.be.greaterThan(0);
      const days = [...new Set(t.series.flatMap((s) => s.steps.map((x) => x.date)))];
      for (const asOf of days.filter((_, i) => i % Math.max(1, Math.floor(days.length / 12)) === 0)) {
        const f = (await cube.answer({ ...base, kind: 'funnel', asOf })) as FunnelAnswer;
        const read = t.series.map((s) => s.steps.filter((x) => x.date <= asOf).at(-1)?.n ?? 0);
        expect(read, `${programme} ${asOf}`).to.deep.equal(f.stages.map((s) => s.n));
      }
    });
  }

  it('before a programme starts, nobody is eligible anywhere: the funnel and the map agree', async () => {
    const req = { kind: 'areas', src: null, programme: 'piccoli', asOf: '2021-05-02', level: 'region', stage: 'engaged' } as const;
    const [a, b] = await both<AreasAnswer>(req);
    expect(a.rows).to.deep.equal([]);
    expect(b.rows).to.deep.equal([]);
    const f = (await cube.answer({ ...req, kind: 'funnel', region: null, province: null, comune: null })) as FunnelAnswer;
    expect(f.stages.map((s) => s.n)).to.deep.equal([0, 0, 0, 0, 0]);
  });

  it('both refuse the same unknown names, with the same error data', async () => {
    const base: FunnelRequest = { kind: 'funnel', src: null, programme: 'piccoli', asOf: null, region: null, province: null, comune: null };
    for (const req of [
      { ...base, province: 'Atlantide' },
      { ...base, region: '99' },
      { ...base, comune: 'Nessunluogo' },
      { ...base, programme: 'nessuno' },
    ]) {
      const errors = await Promise.all(
        [cube.answer(req), engine.answer(req, {})].map((p) =>
          p.then(
            () => null,
            (e: { kind: string; params: unknown }) => e,
          ),
        ),
      );
      expect(errors[0], JSON.stringify(req)).to.not.equal(null);
      expect([errors[0]!.kind, errors[0]!.params]).to.deep.equal([errors[1]!.kind, errors[1]!.params]);
    }
  });
});
