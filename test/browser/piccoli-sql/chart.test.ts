import { expect } from '@open-wc/testing';
import { Table, vectorFromArray, DateDay, Float64, Utf8 } from 'apache-arrow';
import { chartData, chartKinds, chooseChart, resultColumns } from '../../../src/components/piccoli-sql/chart.js';
import { resultTable } from '../../../src/components/piccoli-sql/export.js';

describe('chart', () => {
  it('draws bars of a number by a label, a line over dates, dots of two numbers', () => {
    expect(
      chooseChart([
        { name: 'region_name', kind: 'text' },
        { name: 'plans', kind: 'bigint' },
      ]),
    ).to.deep.equal({ kind: 'bar', x: 'plans', y: 'region_name' });
    expect(
      chooseChart([
        { name: 'date', kind: 'temporal' },
        { name: 'n', kind: 'number' },
      ]),
    ).to.deep.equal({ kind: 'line', x: 'date', y: 'n' });
    expect(
      chooseChart([
        { name: 'a', kind: 'number' },
        { name: 'b', kind: 'decimal' },
      ]),
    ).to.deep.equal({ kind: 'dot', x: 'a', y: 'b' });
    expect(chooseChart([{ name: 's', kind: 'text' }])).to.equal(undefined);
  });

  it('offers only the kinds the columns allow, and switches to one asked for', () => {
    const cols = [
      { name: 'date', kind: 'temporal' as const },
      { name: 'n', kind: 'number' as const },
    ];
    expect(chartKinds(cols)).to.deep.equal(['line', 'dot']);
    expect(chooseChart(cols, 'dot')).to.deep.equal({ kind: 'dot', x: 'date', y: 'n' });
    expect(chooseChart(cols, 'bar')!.kind).to.equal('line');
  });

  it('reads the columns of a result and its points, NULLs left out', () => {
    const t = new Table({
      s: vectorFromArray(['a', 'b', null], new Utf8()),
      n: vectorFromArray([1, 2, 3], new Float64()),
      d: vectorFromArray([new Date(0), null, null], new DateDay()),
    });
    expect(resultColumns(resultTable(t))).to.deep.equal([
      { name: 's', kind: 'text' },
      { name: 'n', kind: 'number' },
      { name: 'd', kind: 'temporal' },
    ]);
    expect(chartData(resultTable(t), { kind: 'bar', x: 'n', y: 's' })).to.deep.equal([
      { x: 1, y: 'a' },
      { x: 2, y: 'b' },
    ]);
  });
});
