import { expect } from '@open-wc/testing';
import { configure, getEngine, PiccoliDataError, type PiccoliErrorCode } from '../../src/data/index.js';

const FIX = '/test/fixtures/generated/';

async function loadError(url: string, format?: 'parquet' | 'arrow' | 'csv'): Promise<PiccoliDataError> {
  const err = await getEngine()
    .load({ name: 'bad', url, format })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(err, `${url} should fail`).to.be.instanceOf(PiccoliDataError);
  return err as PiccoliDataError;
}

async function engineStillAnswers() {
  const t = await getEngine().query('SELECT count(*)::INTEGER AS n FROM good');
  expect(t.getChild('n')!.get(0)).to.equal(5000);
}

describe('bad input gets a typed error naming the source, and the engine keeps working', () => {
  before(async () => {
    await getEngine().load({ name: 'good', url: `${FIX}rows.parquet` });
  });

  const cases: [string, string, PiccoliErrorCode, RegExp, ('parquet' | 'arrow' | 'csv')?][] = [
    ['a 404', `${FIX}missing.parquet`, 'http', /missing\.parquet could not be loaded: the server answered 404/],
    ['a 500', '/__status__/500.parquet', 'http', /500\.parquet could not be loaded: the server answered 500/],
    ['no server at all', 'http://127.0.0.1:9/x.parquet', 'network', /127\.0\.0\.1:9\/x\.parquet could not be fetched/],
    ['an empty file', `${FIX}empty.parquet`, 'empty', /empty\.parquet is empty \(0 bytes\)/],
    ['a truncated Parquet file', `${FIX}truncated.parquet`, 'corrupt', /truncated\.parquet is a truncated Parquet file/],
    ['a damaged Parquet file', `${FIX}damaged.parquet`, 'corrupt', /damaged\.parquet is a damaged Parquet file/],
    ['random bytes named .parquet', `${FIX}random.parquet`, 'format', /random\.parquet should be Parquet but is binary data/],
    ['random bytes named .arrow', `${FIX}random.arrow`, 'format', /random\.arrow should be Arrow IPC but is binary data/],
    ['random bytes named .csv', `${FIX}random.csv`, 'format', /random\.csv should be CSV but is binary data/],
    ['an HTML page served as .parquet', `${FIX}page.parquet`, 'format', /page\.parquet should be Parquet but is an HTML page/],
    ['a truncated Arrow file', `${FIX}truncated.arrow`, 'corrupt', /truncated\.arrow is a truncated Arrow IPC file/],
    [
      'an Arrow stream cut between two record batches',
      `${FIX}events-cut.arrows`,
      'corrupt',
      /events-cut\.arrows is a truncated Arrow IPC stream \(its end-of-stream marker is missing\)/,
    ],
    ['a Parquet file announced as CSV', `${FIX}rows.parquet`, 'format', /rows\.parquet should be CSV but is a Parquet file/, 'csv'],
  ];
  for (const [label, url, code, message, format] of cases) {
    it(`${label}: ${code}`, async () => {
      const err = await loadError(url, format);
      expect(err.code).to.equal(code);
      expect(err.message).to.match(message);
      expect(err.source).to.contain(url.replace(/^\//, ''));
      await engineStillAnswers();
    });
  }

  it('a server that stalls: gives up after the stall timeout', async () => {
    configure({ stallTimeoutMs: 700 });
    try {
      const err = await loadError('/__stall__/data.parquet');
      expect(err.code).to.equal('timeout');
      expect(err.message).to.match(/stopped sending data for 1 s/);
    } finally {
      configure({ stallTimeoutMs: 30_000 });
    }
    await engineStillAnswers();
  });

  it('a failed reload keeps the table that was there', async () => {
    await getEngine().load({ name: 'keep', url: `${FIX}rows.csv` });
    await loadErrorNamed('keep', `${FIX}missing.csv`);
    const t = await getEngine().query('SELECT count(*)::INTEGER AS n FROM keep');
    expect(t.getChild('n')!.get(0)).to.equal(5000);
  });

  it('a query on a table never loaded says which table', async () => {
    const err = await getEngine()
      .query('SELECT * FROM programmi_inesistenti')
      .catch((e: unknown) => e);
    expect(err).to.be.instanceOf(PiccoliDataError);
    expect((err as PiccoliDataError).code).to.equal('missing-table');
    expect((err as PiccoliDataError).message).to.match(/no table named programmi_inesistenti/);
    await engineStillAnswers();
  });

  it('SQL that needs a DuckDB extension gets a readable message instead of a cryptic one', async () => {
    const err = await getEngine()
      .query(`SELECT * FROM read_parquet('${FIX}rows.parquet')`)
      .catch((e: unknown) => e);
    expect(err).to.be.instanceOf(PiccoliDataError);
    expect((err as PiccoliDataError).code).to.equal('extension');
    expect((err as PiccoliDataError).message).to.match(/could not load the parquet extension/);
    await engineStillAnswers();
  });

  it('an invalid table name is refused before any SQL is built', async () => {
    const err = await getEngine()
      .load({ name: 'x"; DROP TABLE good; --', url: `${FIX}rows.parquet` })
      .catch((e: unknown) => e);
    expect((err as PiccoliDataError).code).to.equal('invalid-option');
    expect((err as PiccoliDataError).message).to.match(/invalid table name/);
    await engineStillAnswers();
  });
});

async function loadErrorNamed(name: string, url: string) {
  const err = await getEngine()
    .load({ name, url })
    .catch((e: unknown) => e);
  expect(err).to.be.instanceOf(PiccoliDataError);
}

describe('when the engine dies mid-query', () => {
  it('the running query reports it, and the next query runs on a fresh engine with the same tables', async () => {
    const engine = getEngine();
    await engine.load({ name: 'survivor', url: `${FIX}rows.arrow` });
    const long = engine.query('SELECT count(*) FROM range(3000000000) a(x) WHERE (x * 7919) % 104729 = 17');
    await new Promise((r) => setTimeout(r, 300));
    await engine.restart(); // the worker goes away under the running query
    const [a] = await Promise.allSettled([long]);
    expect(a.status).to.equal('rejected');
    expect(((a as PromiseRejectedResult).reason as PiccoliDataError).code).to.equal('engine');
    const t = await engine.query('SELECT count(*)::INTEGER AS n FROM survivor');
    expect(t.getChild('n')!.get(0)).to.equal(5000);
  });
});

describe('a failing query', () => {
  it("reads as DuckDB's own text, with the offset it points at", async () => {
    const sql = 'SELECT 1,\n  2 FORM t';
    const err = (await getEngine()
      .query(sql)
      .catch((e: unknown) => e)) as PiccoliDataError;
    expect(err.code).to.equal('query');
    expect(err.message).to.match(/^Parser Error: syntax error at or near "t"/);
    expect(err.message).not.to.contain('exception_type');
    expect(sql.slice(err.position)).to.match(/^t/);
  });
});
