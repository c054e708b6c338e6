import { expect } from '@open-wc/testing';
import { cubeProblem, cubeUrlFor, dayNumber, isoDay } from '../../../src/query/cube.js';
import { checkCube } from '../../../src/query/cube-check.js';

// The cube file beside a stage-events file: where it is, whether it can be read, and its
// day numbers (src/query/cube.ts).

/** A cube this code reads: one programme of two stages, one entity. */
function goodCube(): Record<string, unknown> {
  return {
    format: 'piccoli-cube',
    version: 1,
    sources: [{ file: 'events.parquet', bytes: 10, sha256_16: '0123456789abcdef' }],
    queries: [],
    provinces: { '033': ['PC', 'Piacenza', '08', 'Emilia-Romagna'] },
    programmes: { p: { stages: ['eligible', 'engaged'], epoch: '2021-05-03', entities: [['033005', 'Bobbio', [0, 12], 0]] } },
  };
}

describe('cubeUrlFor', () => {
  it('puts .cube.json in place of the extension, keeping the query string and fragment', () => {
    expect(cubeUrlFor('https://example.org/data/programmes.parquet')).to.equal('https://example.org/data/programmes.cube.json');
    expect(cubeUrlFor('https://example.org/data/programmes.arrow')).to.equal('https://example.org/data/programmes.cube.json');
    expect(cubeUrlFor('https://example.org/data/events.csv?v=2&x=y')).to.equal('https://example.org/data/events.cube.json?v=2&x=y');
    expect(cubeUrlFor('https://example.org/e.parquet#top')).to.equal('https://example.org/e.cube.json#top');
  });

  it('adds .cube.json to a name without an extension, and replaces only the last extension', () => {
    expect(cubeUrlFor('https://example.org/api/events')).to.equal('https://example.org/api/events.cube.json');
    expect(cubeUrlFor('https://example.org/v1.2/events')).to.equal('https://example.org/v1.2/events.cube.json');
    expect(cubeUrlFor('https://example.org/events.2021.parquet')).to.equal('https://example.org/events.2021.cube.json');
  });
});

describe('checkCube', () => {
  it('accepts a well-formed cube, and the bundled one', async () => {
    expect(checkCube(goodCube())).to.equal(null);
    const bundled: unknown = await (await fetch('/data/programmes.cube.json')).json();
    expect(checkCube(bundled)).to.equal(null);
  });

  it('gives the reason for each malformed shape', () => {
    const cases: [string, unknown, string][] = [
      ['null', null, 'not a piccoli cube'],
      ['a string', 'piccoli-cube', 'not a piccoli cube'],
      ['another format', { ...goodCube(), format: 'other' }, 'not a piccoli cube'],
      ['version 2', { ...goodCube(), version: 2 }, 'cube version 2 is not supported (1 is)'],
      ['no version', { ...goodCube(), version: undefined }, 'cube version undefined is not supported (1 is)'],
      ['sources not a list', { ...goodCube(), sources: {} }, 'malformed cube'],
      ['no provinces', { ...goodCube(), provinces: null }, 'malformed cube'],
      ['no programmes', { ...goodCube(), programmes: undefined }, 'malformed cube'],
      ['programme without stages', { ...goodCube(), programmes: { p: { epoch: '2021-05-03', entities: [] } } }, 'malformed programme p'],
      ['programme without entities', { ...goodCube(), programmes: { p: { stages: [], epoch: '2021-05-03' } } }, 'malformed programme p'],
      ['epoch not a day', { ...goodCube(), programmes: { p: { stages: [], epoch: '3 May 2021', entities: [] } } }, 'malformed programme p'],
      ['programme null', { ...goodCube(), programmes: { q: null } }, 'malformed programme q'],
    ];
    const entity = (e: unknown) => ({
      ...goodCube(),
      programmes: { p: { stages: ['eligible', 'engaged'], epoch: '2021-05-03', entities: [e] } },
    });
    cases.push(
      ['entity not a list', entity({ code: '033005' }), 'malformed entity in programme p'],
      ['entity code a number', entity([33005, 'Bobbio', [0], 0]), 'malformed entity in programme p'],
      ['entity without days', entity(['033005', 'Bobbio', [], 0]), 'malformed entity in programme p'],
      ['days not a list', entity(['033005', 'Bobbio', 0, 0]), 'malformed entity in programme p'],
      ['more days than stages', entity(['033005', 'Bobbio', [0, 1, 2], 0]), 'malformed entity in programme p'],
    );
    for (const [what, json, reason] of cases) expect(checkCube(json), what).to.equal(reason);
  });
});

describe('dayNumber and isoDay', () => {
  it('count days since 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).to.equal(0);
    expect(dayNumber('1969-12-31')).to.equal(-1);
    expect(dayNumber('2021-10-31')).to.equal(18931);
    expect(isoDay(0)).to.equal('1970-01-01');
    expect(isoDay(18931)).to.equal('2021-10-31');
  });

  it('count leap days: 29 February exists in 2000 and 2024, not in 2021 or 2100', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).to.equal(2);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).to.equal(2);
    expect(dayNumber('2021-03-01') - dayNumber('2021-02-28')).to.equal(1);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).to.equal(1);
    expect(isoDay(dayNumber('2024-02-28') + 1)).to.equal('2024-02-29');
    expect(isoDay(dayNumber('2021-02-28') + 1)).to.equal('2021-03-01');
  });

  it('round-trip every day from 1999 to 2101', () => {
    const bad: string[] = [];
    for (let day = dayNumber('1999-01-01'); day <= dayNumber('2101-12-31'); day++) {
      if (dayNumber(isoDay(day)) !== day) bad.push(isoDay(day));
    }
    expect(bad).to.deep.equal([]);
    for (const iso of ['2000-02-29', '2024-02-29', '2023-12-31', '2024-01-01']) expect(isoDay(dayNumber(iso))).to.equal(iso);
  });
});

describe('cubeProblem', () => {
  it('is a format error of kind stale-cube naming the file and the reason', () => {
    const e = cubeProblem('https://example.org/e.cube.json', 'malformed cube');
    expect([e.code, e.kind, e.source, e.params]).to.deep.equal([
      'format',
      'stale-cube',
      'https://example.org/e.cube.json',
      { reason: 'malformed cube' },
    ]);
    expect(e.message).to.equal('https://example.org/e.cube.json: malformed cube; answering from the data file instead.');
  });
});
