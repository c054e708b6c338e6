import { expect } from '@open-wc/testing';
import { PiccoliDataError } from '../../../src/data/errors.js';
import {
  metricNames,
  normName,
  pickEntity,
  resolveArea,
  resolveProgramme,
  resolveStage,
  sameName,
  type ProvinceEntry,
} from '../../../src/query/resolve.js';

// What a page writes (province="Piacenza", region="08", metric="plan-submitted") turned
// into the codes of the data: src/query/resolve.ts.

const PC: ProvinceEntry = { code: '033', sigla: 'PC', name: 'Piacenza', regionCode: '08', regionName: 'Emilia-Romagna' };
const PR: ProvinceEntry = { code: '034', sigla: 'PR', name: 'Parma', regionCode: '08', regionName: 'Emilia-Romagna' };
const FC: ProvinceEntry = { code: '040', sigla: 'FC', name: 'Forlì-Cesena', regionCode: '08', regionName: 'Emilia-Romagna' };
const SI: ProvinceEntry = { code: '052', sigla: 'SI', name: 'Siena', regionCode: '09', regionName: 'Toscana' };
const AO: ProvinceEntry = {
  code: '007',
  sigla: null,
  name: "Valle d'Aosta/Vallée d'Aoste",
  regionCode: '02',
  regionName: "Valle d'Aosta/Vallée d'Aoste",
};
const ALL = [AO, PC, PR, FC, SI];

/** The error a call throws (the test fails when it throws nothing). */
function thrown(f: () => unknown): PiccoliDataError {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(PiccoliDataError);
    return e as PiccoliDataError;
  }
  throw new Error('expected an error, got none');
}

describe('resolveProgramme', () => {
  it('gives the programme named, else piccoli, else the only programme of a file', () => {
    expect(resolveProgramme(['piccoli', 'province-e-comuni'], 'province-e-comuni')).to.equal('province-e-comuni');
    expect(resolveProgramme(['next-generation-siena', 'piccoli'], null)).to.equal('piccoli');
    expect(resolveProgramme(['next-generation-siena'], null)).to.equal('next-generation-siena');
    expect(resolveProgramme(['next-generation-siena'], '')).to.equal('next-generation-siena');
  });

  it('refuses a programme the file does not have, naming the value', () => {
    const e = thrown(() => resolveProgramme(['piccoli'], 'nessuno'));
    expect([e.code, e.kind, e.params]).to.deep.equal(['invalid-option', 'unknown-programme', { value: 'nessuno' }]);
    expect(e.message).to.equal('invalid programme: "nessuno"');
    // Two programmes and neither is piccoli: no default to pick.
    const d = thrown(() => resolveProgramme(['a', 'b'], null));
    expect([d.kind, d.params]).to.deep.equal(['unknown-programme', { value: 'piccoli' }]);
  });
});

describe('normName', () => {
  it('ignores case, accents, spaces, dashes and apostrophes', () => {
    expect(normName('Forlì-Cesena')).to.equal('forlicesena');
    expect(normName('  forli cesena ')).to.equal('forlicesena');
    expect(normName("Valle d'Aosta/Vallée d'Aoste")).to.equal('valledaostavalleedaoste');
    expect(normName('Reggio nell’Emilia')).to.equal('reggionellemilia');
    expect(normName('EMILIA-ROMAGNA')).to.equal(normName('emilia romagna'));
  });
});

describe('resolveArea', () => {
  it('finds a province by sigla in any case, by ISTAT code with or without zeros, and by name', () => {
    const piacenza = { provinceCode: '033', scope: { level: 'province', code: '033', name: 'Piacenza' } };
    for (const value of ['PC', 'pc', ' Pc ', '033', '33', ' 033 ', 'Piacenza', 'PIACENZA']) {
      expect(resolveArea(ALL, ALL, null, value), value).to.deep.equal(piacenza);
    }
    expect(resolveArea(ALL, ALL, null, 'forli cesena').scope).to.deep.equal({ level: 'province', code: '040', name: 'Forlì-Cesena' });
    expect(resolveArea(ALL, ALL, null, '7').provinceCode).to.equal('007');
  });

  it('finds a region by ISTAT code with or without its zero, and by name', () => {
    const emilia = { regionCode: '08', scope: { level: 'region', code: '08', name: 'Emilia-Romagna' } };
    for (const value of ['08', '8', ' 08 ', 'Emilia-Romagna', 'emilia romagna']) {
      expect(resolveArea(ALL, ALL, value, null), value).to.deep.equal(emilia);
    }
    expect(resolveArea(ALL, ALL, "valle d'aosta/vallée d'aoste", null).regionCode).to.equal('02');
  });

  it('the province wins over the region', () => {
    expect(resolveArea(ALL, ALL, 'Toscana', 'PR')).to.deep.equal({
      provinceCode: '034',
      scope: { level: 'province', code: '034', name: 'Parma' },
    });
  });

  it('resolves among all the provinces of the file, not only those the programme reaches', () => {
    expect(resolveArea(ALL, [PC], 'Toscana', null)).to.deep.equal({
      regionCode: '09',
      scope: { level: 'region', code: '09', name: 'Toscana' },
    });
    expect(resolveArea(ALL, [PC], null, 'SI').provinceCode).to.equal('052');
  });

  it('a programme of one province with no area named is that province; several is Italy', () => {
    expect(resolveArea(ALL, [SI], null, null)).to.deep.equal({ scope: { level: 'province', code: '052', name: 'Siena' } });
    expect(resolveArea(ALL, [PC, SI], null, null)).to.deep.equal({ scope: { level: 'italy' } });
    expect(resolveArea(ALL, [PC, SI], '', '')).to.deep.equal({ scope: { level: 'italy' } });
  });

  it('refuses an unknown province or region with its kind and the value as written', () => {
    for (const value of ['Atlantide', ' Atlantide ', '999', '0033', 'P']) {
      const e = thrown(() => resolveArea(ALL, ALL, null, value));
      expect([e.code, e.kind, e.params], value).to.deep.equal(['invalid-option', 'unknown-province', { value }]);
    }
    for (const value of ['99', '008', 'Atlantide']) {
      const e = thrown(() => resolveArea(ALL, ALL, value, null));
      expect([e.code, e.kind, e.params], value).to.deep.equal(['invalid-option', 'unknown-region', { value }]);
    }
    expect(thrown(() => resolveArea(ALL, ALL, null, 'Atlantide')).message).to.equal('invalid province: "Atlantide"');
  });
});

describe('pickEntity', () => {
  const BOBBIO = { code: '033005', name: 'Bobbio' };
  const CASTELLO = { code: '033013', name: 'Castel San Giovanni' };

  it('picks the one candidate whose code or name (any case) matches the trimmed value', () => {
    expect(pickEntity([CASTELLO, BOBBIO], 'bobbio')).to.equal(BOBBIO);
    expect(pickEntity([CASTELLO, BOBBIO], ' 033005 ')).to.equal(BOBBIO);
    expect(pickEntity([CASTELLO, BOBBIO], 'CASTEL SAN GIOVANNI')).to.equal(CASTELLO);
  });

  it('refuses no match and two matches alike, as unknown-comune with the value as written', () => {
    const none = thrown(() => pickEntity([BOBBIO], 'Nessunluogo'));
    expect([none.code, none.kind, none.params]).to.deep.equal(['invalid-option', 'unknown-comune', { value: 'Nessunluogo' }]);
    const twins = [
      { code: '001001', name: 'Samone' },
      { code: '022165', name: 'Samone' },
    ];
    const two = thrown(() => pickEntity(twins, 'Samone'));
    expect([two.kind, two.params]).to.deep.equal(['unknown-comune', { value: 'Samone' }]);
    expect(pickEntity(twins, '022165')).to.equal(twins[1]);
  });
});

describe('resolveStage and metricNames', () => {
  const STAGES = [
    { stage: 'eligible', order: 0 },
    { stage: 'engaged', order: 1 },
    { stage: 'plan_submitted', order: 2 },
  ];

  it('resolveStage accepts a stage with dashes or underscores, in any case', () => {
    for (const value of ['plan-submitted', 'plan_submitted', 'PLAN-SUBMITTED', ' plan-submitted ']) {
      expect(resolveStage(STAGES, value), value).to.equal(STAGES[2]);
    }
    expect(resolveStage(STAGES, 'eligible')).to.equal(STAGES[0]);
  });

  it('resolveStage refuses an unknown metric, listing the ones there are', () => {
    const e = thrown(() => resolveStage(STAGES, 'signed'));
    expect([e.code, e.kind, e.params]).to.deep.equal([
      'invalid-option',
      'unknown-metric',
      { value: 'signed', available: ['engaged-share', 'plan-submitted-share', 'eligible', 'engaged', 'plan-submitted'] },
    ]);
    // A share is a metric of the map, not a stage.
    expect(thrown(() => resolveStage(STAGES, 'engaged-share')).kind).to.equal('unknown-metric');
  });

  it('metricNames lists shares of the later stages first, then every stage, in stage order', () => {
    expect(metricNames(STAGES)).to.deep.equal(['engaged-share', 'plan-submitted-share', 'eligible', 'engaged', 'plan-submitted']);
    expect(metricNames([{ stage: 'eligible', order: 0 }])).to.deep.equal(['eligible']);
    expect(metricNames([])).to.deep.equal([]);
  });
});

describe('sameName: the names people type', () => {
  it('takes either language of a bilingual name, curly apostrophes, and everyday names', () => {
    const yes: [string, string][] = [
      ["Valle d'Aosta/Vallée d'Aoste", "Valle d'Aosta"],
      ["Valle d'Aosta/Vallée d'Aoste", 'Valle d\u2019Aosta'],
      ["Valle d'Aosta/Vallée d'Aoste", "Vallée d'Aoste"],
      ['Trentino-Alto Adige/Südtirol', 'Trentino-Alto Adige'],
      ['Trentino-Alto Adige/Südtirol', 'Trentino Alto Adige'],
      ['Bolzano/Bozen', 'Bolzano'],
      ['Bolzano/Bozen', 'Bozen'],
      ["Reggio nell'Emilia", 'Reggio Emilia'],
      ["Reggio nell'Emilia", 'Reggio nell\u2019Emilia'],
      ['Pesaro e Urbino', 'Pesaro-Urbino'],
      ['Monza e della Brianza', 'Monza'],
      ["L'Aquila", 'L\u2019Aquila'],
      ['Forlì-Cesena', 'Forli Cesena'],
    ];
    for (const [official, typed] of yes) expect(sameName(official, typed), `${typed} → ${official}`).to.equal(true);
    const no: [string, string][] = [
      ['Bolzano/Bozen', 'Bolzan'],
      ["Reggio nell'Emilia", 'Reggio Calabria'],
      ['Pesaro e Urbino', 'Pesaro'],
      ['Monza e della Brianza', ''],
    ];
    for (const [official, typed] of no) expect(sameName(official, typed), `${typed} ↛ ${official}`).to.equal(false);
  });
});
