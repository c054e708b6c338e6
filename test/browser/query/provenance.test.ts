import { expect } from '@open-wc/testing';
import type { ProgrammeMeta } from '../../../src/data/bundled.js';
import type { BackendAnswer } from '../../../src/query/backends/backend.js';
import { basisOf, summarise } from '../../../src/query/provenance.js';
import { latestPublishedDate, withProvenance } from '../../../src/query/with-provenance.js';
import type { AreasAnswer, FunnelAnswer } from '../../../src/query/types.js';

// What each figure rests on, and who the data comes from (src/query/provenance.ts, src/query/with-provenance.ts).

const META = {
  programme: 'piccoli',
  name_it: 'PICCOLI',
  name_en: 'PICCOLI',
  operator: 'ANCI',
  entity_kind: 'comune',
  stages: [],
  published_figures: [
    { stage: 'engaged', as_of: '2021-10-31', count: 612, level: 'italy', area: null, source: 'ANCI Campania' },
    {
      stage: 'plan_submitted',
      as_of: '2021-10-31',
      count: 485,
      level: 'italy',
      area: null,
      source: 'ANCI Campania',
      published_on: '2021-11-05',
    },
    { stage: 'engaged', as_of: '2021-10-31', count: 40, level: 'region', area: '10', source: 'ANCI Umbria' },
    { stage: 'focus_group', as_of: '2022-02-27', count: 15, level: 'other', area: null, source: 'UPI' },
  ],
} as ProgrammeMeta;

function funnel(scope: FunnelAnswer['scope'], counts: [string, number, number | null][], asOf = '2021-10-31') {
  return {
    kind: 'funnel',
    backend: 'cube',
    source: 'https://example.org/data/programmes.parquet',
    programme: { id: 'piccoli', stages: [], firstDate: '2021-05-03', lastDate: '2023-07-12' },
    asOf,
    scope,
    stages: counts.map(([stage, n, simulated], order) => ({ stage, order, n, simulated })),
  } satisfies BackendAnswer;
}

describe('basisOf and summarise', () => {
  it('a count rests on a published figure it equals, else on its rows: published, simulated, unstated, or none', () => {
    const cite = { source: 'ANCI', asOf: '2021-10-31' };
    expect(basisOf(612, 600, cite)).to.deep.equal({ kind: 'published-figure', cite });
    expect(basisOf(30, 0)).to.deep.equal({ kind: 'published-rows' });
    expect(basisOf(30, 12)).to.deep.equal({ kind: 'simulated', simulated: 12, of: 30 });
    expect(basisOf(30, null)).to.deep.equal({ kind: 'unknown' });
    expect(basisOf(0, 0)).to.deep.equal({ kind: 'none' });
  });

  it('figures together: published only when each is; counts of nobody do not count', () => {
    const pub = { kind: 'published-rows' } as const;
    const sim = { kind: 'simulated', simulated: 5, of: 5 } as const;
    const part = { kind: 'simulated', simulated: 2, of: 5 } as const;
    const none = { kind: 'none' } as const;
    expect(summarise([pub, { kind: 'published-figure', cite: { source: 'x', asOf: '2021-10-31' } }, none])).to.equal('published');
    expect(summarise([sim, sim, none])).to.equal('simulated');
    expect(summarise([pub, sim])).to.equal('partly-simulated');
    expect(summarise([part])).to.equal('partly-simulated');
    expect(summarise([pub, { kind: 'unknown' }])).to.equal('unknown');
  });
});

describe('withProvenance', () => {
  it('cites the published national figures a funnel of the bundled data equals, at their date', () => {
    const raw = funnel({ level: 'italy' }, [
      ['eligible', 5490, 0],
      ['engaged', 612, 609],
      ['needs_analysis', 568, 565],
      ['plan_submitted', 485, 482],
    ]);
    const a = withProvenance(raw, META, true) as FunnelAnswer;
    expect(a.origin).to.deep.equal({ data: 'bundled', publisher: 'ANCI' });
    expect(a.programme.meta).to.equal(META);
    expect(a.stages.map((s) => s.basis)).to.deep.equal([
      { kind: 'published-rows' },
      { kind: 'published-figure', cite: { source: 'ANCI Campania', asOf: '2021-10-31' } },
      // 568 was not published in this (test) metadata: its rows are what it rests on.
      { kind: 'simulated', simulated: 565, of: 568 },
      { kind: 'published-figure', cite: { source: 'ANCI Campania', asOf: '2021-10-31', publishedOn: '2021-11-05' } },
    ]);
    expect(a).not.to.have.property('publisher');
  });

  it('cites nothing at another date, for another count, at another level, or for a site’s file', () => {
    const at = (asOf: string, n: number) =>
      (withProvenance(funnel({ level: 'italy' }, [['engaged', n, n]], asOf), META, true) as FunnelAnswer).stages[0]!.basis.kind;
    expect(at('2021-11-01', 612)).to.equal('simulated');
    expect(at('2021-10-31', 611)).to.equal('simulated');
    const province = withProvenance(
      funnel({ level: 'province', code: '033', name: 'Piacenza' }, [['engaged', 612, 612]]),
      META,
      true,
    ) as FunnelAnswer;
    expect(province.stages[0]!.basis.kind).to.equal('simulated');
    const region = withProvenance(
      funnel({ level: 'region', code: '10', name: 'Umbria' }, [['engaged', 40, 30]]),
      META,
      true,
    ) as FunnelAnswer;
    expect(region.stages[0]!.basis).to.deep.equal({ kind: 'published-figure', cite: { source: 'ANCI Umbria', asOf: '2021-10-31' } });
    // A site's own file is not the data the published figures were checked against.
    const site = withProvenance(
      { ...funnel({ level: 'italy' }, [['engaged', 612, 0]]), publisher: 'Provincia di Piacenza' },
      META,
      false,
    ) as FunnelAnswer;
    expect(site.stages[0]!.basis).to.deep.equal({ kind: 'published-rows' });
    expect(site.origin).to.deep.equal({ data: 'site', publisher: 'Provincia di Piacenza' });
    const anonymous = withProvenance(
      { ...funnel({ level: 'italy' }, [['engaged', 3, null]]), publisher: '  ' },
      META,
      false,
    ) as FunnelAnswer;
    expect(anonymous.origin).to.deep.equal({ data: 'site', publisher: null });
    expect(anonymous.stages[0]!.basis).to.deep.equal({ kind: 'unknown' });
  });

  it('gives each area row of a map the basis of its reached count', () => {
    const raw = {
      kind: 'areas',
      backend: 'duckdb',
      source: 'https://example.org/data/programmes.parquet',
      programme: { id: 'piccoli', stages: [], firstDate: '2021-05-03', lastDate: '2023-07-12' },
      asOf: '2021-10-31',
      level: 'region',
      stage: { stage: 'engaged', order: 1 },
      rows: [
        { code: '10', name: 'Umbria', eligible: 80, reached: 40, simulated: 35 },
        { code: '08', name: 'Emilia-Romagna', eligible: 100, reached: 20, simulated: 20 },
        { code: '09', name: 'Toscana', eligible: 90, reached: 0, simulated: 0 },
      ],
    } satisfies BackendAnswer;
    const a = withProvenance(raw, META, true) as AreasAnswer;
    expect(a.rows.map((r) => r.basis)).to.deep.equal([
      { kind: 'published-figure', cite: { source: 'ANCI Umbria', asOf: '2021-10-31' } },
      { kind: 'simulated', simulated: 20, of: 20 },
      { kind: 'none' },
    ]);
  });
});

describe('latestPublishedDate', () => {
  it('is the last day a programme published figures for an area or Italy; null when it published none', () => {
    expect(latestPublishedDate(META)).to.equal('2021-10-31');
    expect(latestPublishedDate({ ...META, published_figures: [{ stage: 'x', count: 1 }] })).to.equal(null);
    expect(latestPublishedDate(undefined)).to.equal(null);
  });
});
