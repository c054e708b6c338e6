import { expect } from '@open-wc/testing';
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
import { thrown } from '../helpers.js';

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

  it('finds a province or region by the start of its name when only one starts so, from four letters', () => {
    const RE: ProvinceEntry = { code: '035', sigla: 'RE', name: "Reggio nell'Emilia", regionCode: '08', regionName: 'Emilia-Romagna' };
    const RC: ProvinceEntry = { code: '080', sigla: 'RC', name: 'Reggio Calabria', regionCode: '18', regionName: 'Calabria' };
    const MS: ProvinceEntry = { code: '045', sigla: 'MS', name: 'Massa-Carrara', regionCode: '09', regionName: 'Toscana' };
    const some = [...ALL, RE, RC, MS];
    for (const value of ['Massa', 'massa ', 'Forl', 'forlì']) {
      expect(resolveArea(some, some, null, value).provinceCode, value).to.equal(
        value.startsWith('M') || value.startsWith('m') ? '045' : '040',
      );
    }
    expect(resolveArea(some, some, 'Emilia', null).regionCode).to.equal('08');
    expect(resolveArea(some, some, 'Valle', null).regionCode).to.equal('02');
    // Three letters are not enough.
    expect(thrown(() => resolveArea(some, some, null, 'Mas')).kind).to.equal('unknown-province');
    expect(thrown(() => resolveArea(some, some, 'Emi', null)).kind).to.equal('unknown-region');
    // A whole name wins over the start of another.
    const sienese = [SI, { ...PC, code: '999', sigla: 'XX', name: 'Siena Nord' }];
    expect(resolveArea(sienese, sienese, null, 'siena').provinceCode).to.equal('052');
  });

  it('refuses a name several areas answer to as ambiguous-name, listing each with its sigla or code', () => {
    const RE: ProvinceEntry = { code: '035', sigla: 'RE', name: "Reggio nell'Emilia", regionCode: '08', regionName: 'Emilia-Romagna' };
    const RC: ProvinceEntry = { code: '080', sigla: 'RC', name: 'Reggio Calabria', regionCode: '18', regionName: 'Calabria' };
    const some = [...ALL, RE, RC];
    const e = thrown(() => resolveArea(some, some, null, 'Reggio'));
    expect([e.code, e.kind, e.params]).to.deep.equal([
      'invalid-option',
      'ambiguous-name',
      { value: 'Reggio', what: 'province', matches: ["Reggio nell'Emilia (RE)", 'Reggio Calabria (RC)'] },
    ]);
    expect(e.message).to.equal('invalid province: "Reggio"');
    // A province with no sigla is told by its code.
    const noSigla = [
      { ...RE, sigla: null },
      { ...RC, sigla: null },
    ];
    expect(thrown(() => resolveArea(noSigla, noSigla, null, 'reggio')).params.matches).to.deep.equal([
      "Reggio nell'Emilia (035)",
      'Reggio Calabria (080)',
    ]);
    const regions = [
      { ...PC, regionCode: '21', regionName: 'Campania Nord' },
      { ...SI, regionCode: '22', regionName: 'Campania Sud' },
    ];
    const r = thrown(() => resolveArea(regions, regions, 'Campania', null));
    expect([r.kind, r.params]).to.deep.equal([
      'ambiguous-name',
      { value: 'Campania', what: 'region', matches: ['Campania Nord (21)', 'Campania Sud (22)'] },
    ]);
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

  it('compares names without case, accents, apostrophe kind, hyphens or extra spaces', () => {
    const SANT = { code: '001236', name: "Sant'Ambrogio di Torino" };
    const PONT = { code: '001199', name: 'Pont-Canavese' };
    const AGLIE = { code: '001001', name: 'Agliè' };
    const all = [SANT, PONT, AGLIE, BOBBIO];
    for (const v of ['Sant\u2019Ambrogio di Torino', "sant'ambrogio  di torino", 'SANT AMBROGIO DI TORINO'])
      expect(pickEntity(all, v), v).to.equal(SANT);
    for (const v of ['Pont Canavese', 'pont-canavese', ' PONT -CANAVESE ']) expect(pickEntity(all, v), v).to.equal(PONT);
    for (const v of ['Aglie', 'AGLIÈ', 'agliè']) expect(pickEntity(all, v), v).to.equal(AGLIE);
    // Spaces count: "Treville" and "Tre Ville" are two comuni.
    const tre = [
      { code: '006175', name: 'Treville' },
      { code: '022247', name: 'Tre Ville' },
    ];
    expect(pickEntity(tre, 'treville')).to.equal(tre[0]);
    expect(pickEntity(tre, 'tre-ville')).to.equal(tre[1]);
    // A value with no letters names nothing, even a comune whose name has none.
    expect(thrown(() => pickEntity([{ code: '099001', name: '' }], "'")).kind).to.equal('unknown-comune');
  });

  it('refuses no match as unknown-comune, and a name two comuni share as ambiguous-name listing both', () => {
    const none = thrown(() => pickEntity([BOBBIO], 'Nessunluogo'));
    expect([none.code, none.kind, none.params]).to.deep.equal(['invalid-option', 'unknown-comune', { value: 'Nessunluogo' }]);
    const twins = [
      { code: '022165', name: 'Samone', province: '022' },
      { code: '001235', name: 'Samone', province: '001' },
    ];
    const provinces: ProvinceEntry[] = [
      { code: '001', sigla: 'TO', name: 'Torino', regionCode: '01', regionName: 'Piemonte' },
      { code: '022', sigla: 'TN', name: 'Trento', regionCode: '04', regionName: 'Trentino-Alto Adige/Südtirol' },
    ];
    const two = thrown(() => pickEntity(twins, ' samone', provinces));
    expect([two.code, two.kind, two.params]).to.deep.equal([
      'invalid-option',
      'ambiguous-name',
      { value: ' samone', what: 'comune', matches: ['Samone (TO, 001235)', 'Samone (TN, 022165)'] },
    ]);
    expect(two.message).to.equal('invalid comune: " samone"');
    expect(pickEntity(twins, '022165')).to.equal(twins[0]);
    // Without the provinces (or with none known), each is told by its code alone.
    expect(thrown(() => pickEntity(twins, 'Samone')).params.matches).to.deep.equal(['Samone (001235)', 'Samone (022165)']);
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
      ['Reggio Calabria', 'Reggio di Calabria'],
      ['Reggio di Calabria', 'Reggio Calabria'],
      ["Valle d'Aosta/Vallée d'Aoste", 'Aosta'],
      ['Massa-Carrara', 'Massa Carrara'],
      ['Monza e della Brianza', 'Monza e Brianza'],
    ];
    for (const [official, typed] of yes) expect(sameName(official, typed), `${typed} → ${official}`).to.equal(true);
    const no: [string, string][] = [
      ['Bolzano/Bozen', 'Bolzan'],
      ["Reggio nell'Emilia", 'Reggio Calabria'],
      ['Pesaro e Urbino', 'Pesaro'],
      ['Monza e della Brianza', ''],
      ['Massa-Carrara', 'Massa'], // a start of a name is resolveArea's, when it is the only one
      ["Reggio nell'Emilia", 'Reggio di Calabria'],
    ];
    for (const [official, typed] of no) expect(sameName(official, typed), `${typed} ↛ ${official}`).to.equal(false);
  });
});
