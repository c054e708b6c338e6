import { expect } from '@open-wc/testing';
import { PiccoliDataError } from '../../../src/data/errors.js';
import { ERRORS, describeError } from '../../../src/i18n/errors.js';
import { loadWords } from '../../../src/i18n/words.js';
import { CubeBackend } from '../../../src/query/backends/cube-backend.js';
import { DuckDBBackend } from '../../../src/query/backends/duckdb-backend.js';
import { resolveArea, type ProvinceEntry } from '../../../src/query/resolve.js';
import type { FunnelAnswer, FunnelRequest } from '../../../src/query/types.js';
import { thrown } from '../helpers.js';

// The English sentences are fetched on demand (src/i18n/words.ts).
before(() => loadWords(ERRORS, 'en'));

// Names as people write them, against the real names of the bundled data: regions and
// provinces (src/query/resolve.ts resolveArea), and comuni in both backends alike (the
// cube's pickEntity and the engine's entityQuery).

const cubeFile = (await (await fetch('/data/programmes.cube.json')).json()) as {
  provinces: Record<string, [string, string, string, string]>;
};
const PROVINCES: ProvinceEntry[] = Object.entries(cubeFile.provinces).map(([code, [sigla, name, regionCode, regionName]]) => ({
  code,
  sigla: sigla || null,
  name,
  regionCode,
  regionName,
}));

const region = (v: string) => resolveArea(PROVINCES, PROVINCES, v, null).regionCode;
const province = (v: string) => resolveArea(PROVINCES, PROVINCES, null, v).provinceCode;

describe('region and province names as people write them (bundled data)', () => {
  it('finds the regions by official, bilingual, hyphenated or spaced name, curly apostrophes, any case', () => {
    const cases: [string, string][] = [
      ["Valle d'Aosta", '02'],
      ['Valle d\u2019Aosta', '02'],
      ['valle d aosta', '02'],
      ["Vallée d'Aoste", '02'],
      ['Trentino-Alto Adige', '04'],
      ['Trentino Alto Adige', '04'],
      ['TRENTINO-ALTO ADIGE/SÜDTIROL', '04'],
      ['Friuli-Venezia Giulia', '06'],
      ['Friuli Venezia Giulia', '06'],
      ['Emilia Romagna', '08'],
      ['emilia-romagna', '08'],
      ['Trentino', '04'],
      ['Friuli', '06'],
      ['Emilia', '08'],
    ];
    for (const [typed, code] of cases) expect(region(typed), typed).to.equal(code);
  });

  it('finds the provinces by official, bilingual, everyday or short name, without accents, any case', () => {
    const cases: [string, string][] = [
      ['Bolzano', '021'],
      ['Bozen', '021'],
      ['bolzano/bozen', '021'],
      ['Trento', '022'],
      ['Reggio Emilia', '035'],
      ["Reggio nell'Emilia", '035'],
      ['Reggio nell\u2019Emilia', '035'],
      ['reggio-emilia', '035'],
      ['Reggio Calabria', '080'],
      ['Reggio di Calabria', '080'],
      ['Pesaro-Urbino', '041'],
      ['Pesaro e Urbino', '041'],
      ['Pesaro', '041'],
      ['Forlì-Cesena', '040'],
      ['Forli Cesena', '040'],
      ['FORLI-CESENA', '040'],
      ['Massa-Carrara', '045'],
      ['Massa Carrara', '045'],
      ['Massa', '045'],
      ['Monza', '108'],
      ['Monza e Brianza', '108'],
      ['Monza e della Brianza', '108'],
      ['Aosta', '007'],
      ["Valle d'Aosta", '007'],
      ['L\u2019Aquila', '066'],
      ['La Spezia', '011'],
      ['Verbano Cusio Ossola', '103'],
    ];
    for (const [typed, code] of cases) expect(province(typed), typed).to.equal(code);
  });

  it('finds every province by its own sigla, ISTAT code and name, and every region by its own name and code', () => {
    for (const p of PROVINCES) {
      for (const v of [p.sigla!, p.code, p.name, p.name.toUpperCase()]) expect(province(v), `${v} (${p.code})`).to.equal(p.code);
      for (const v of [p.regionName, p.regionCode]) expect(region(v), v).to.equal(p.regionCode);
    }
  });

  it('refuses "Reggio", which names two provinces, listing both with their siglas', () => {
    const e = thrown(() => province('Reggio'));
    expect([e.kind, e.params]).to.deep.equal([
      'ambiguous-name',
      { value: 'Reggio', what: 'province', matches: ["Reggio nell'Emilia (RE)", 'Reggio Calabria (RC)'] },
    ]);
    expect(describeError(e, 'it').text).to.equal(
      "«Reggio» indica più province: Reggio nell'Emilia (RE), Reggio Calabria (RC). Scrivere la sigla o il codice ISTAT.",
    );
    expect(describeError(e, 'en').text).to.equal(
      "“Reggio” names more than one province: Reggio nell'Emilia (RE), Reggio Calabria (RC). Write the sigla or the ISTAT code.",
    );
    // Other starts several provinces share.
    expect(thrown(() => province('Cata')).params.matches).to.deep.equal(['Catanzaro (CZ)', 'Catania (CT)']);
    expect(thrown(() => province('Lecc')).params.matches).to.deep.equal(['Lecce (LE)', 'Lecco (LC)']);
  });
});

describe('comuni as people write them: the cube and the engine alike (bundled data)', () => {
  const cube = new CubeBackend();
  const engine = new DuckDBBackend();
  const base: FunnelRequest = { kind: 'funnel', src: null, programme: 'piccoli', asOf: null, region: null, province: null, comune: null };

  /** What each backend does with a comune: its answer's scope, or its error's kind and params. */
  async function both(comune: string) {
    const req = { ...base, comune };
    const out = await Promise.all(
      [cube.answer(req), engine.answer(req, {})].map((p) =>
        p.then(
          (a) => {
            const f = a as FunnelAnswer;
            return { scope: f.scope, n: f.stages.map((s) => s.n) };
          },
          (e: PiccoliDataError) => ({ kind: e.kind, params: e.params }),
        ),
      ),
    );
    expect(out[0], `the engine answers ${JSON.stringify(comune)} as the cube does`).to.deep.equal(out[1]);
    return out[0]!;
  }

  it('finds a comune without its accents, with either apostrophe, with a hyphen or a space', async function () {
    this.timeout(120_000);
    const cases: [string, string, string][] = [
      ['Aglie', '001001', 'Agliè'],
      ['AGLIÈ', '001001', 'Agliè'],
      ['Sant\u2019Ambrogio di Torino', '001255', "Sant'Ambrogio di Torino"],
      ['sant ambrogio di torino', '001255', "Sant'Ambrogio di Torino"],
      ['Pont Canavese', '001199', 'Pont-Canavese'],
      ['saint rhemy en bosses', '007064', 'Saint-Rhémy-en-Bosses'],
      ['Castell\u2019Arquato', '033012', "Castell'Arquato"],
      ['Treville', '006175', 'Treville'],
      ['Tre Ville', '022247', 'Tre Ville'],
      [' 033005 ', '033005', 'Bobbio'],
    ];
    for (const [typed, code, name] of cases) {
      expect((await both(typed)).scope, typed).to.deep.equal({ level: 'entity', code, name });
    }
  });

  it('refuses a name comuni of two provinces share, listing each with its sigla and ISTAT code', async function () {
    this.timeout(120_000);
    const twins: [string, string[]][] = [
      ['Samone', ['Samone (TO, 001235)', 'Samone (TN, 022165)']],
      ['calliano', ['Calliano (AT, 005014)', 'Calliano (TN, 022035)']],
      ['Livo', ['Livo (CO, 013130)', 'Livo (TN, 022106)']],
      ['Castro', ['Castro (BG, 016065)', 'Castro (LE, 075096)']],
      ['Peglio', ['Peglio (CO, 013178)', 'Peglio (PU, 041041)']],
      ['San Teodoro', ['San Teodoro (ME, 083090)', 'San Teodoro (SS, 090092)']],
    ];
    for (const [typed, matches] of twins) {
      expect(await both(typed), typed).to.deep.equal({ kind: 'ambiguous-name', params: { value: typed, what: 'comune', matches } });
    }
    // The code picks one.
    expect((await both('022165')).scope).to.deep.equal({ level: 'entity', code: '022165', name: 'Samone' });
    const e = {
      kind: 'ambiguous-name' as const,
      params: { value: 'Samone', what: 'comune', matches: twins[0]![1] },
      message: '',
      source: undefined,
    };
    expect(describeError(e, 'it').text).to.equal(
      '«Samone» indica più comuni: Samone (TO, 001235), Samone (TN, 022165). Scrivere il codice ISTAT.',
    );
    expect(describeError(e, 'en').text).to.equal(
      '“Samone” names more than one comune: Samone (TO, 001235), Samone (TN, 022165). Write the ISTAT code.',
    );
  });

  it('refuses alike what names no comune, however it is written', async function () {
    this.timeout(120_000);
    for (const typed of ['Nessunluogo', "'", "Samone' OR 1=1 --", 'Sam one']) {
      expect(await both(typed), typed).to.deep.equal({ kind: 'unknown-comune', params: { value: typed } });
    }
  });
});
