import { expect } from '@open-wc/testing';
import { getEngine } from '../../../../src/data/engine.js';
import { checkTableName, quoteIdent, quoteLiteral } from '../../../../src/data/sql/quote.js';

// The one place text becomes part of SQL (src/data/sql/quote.ts).

/** The message of the error a call throws (the test fails when it throws nothing). */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(TypeError);
    return (e as Error).message;
  }
  throw new Error('expected a TypeError, got none');
}

describe('SQL quoting', () => {
  it('quoteIdent doubles double quotes and wraps the name in them', () => {
    expect(quoteIdent('programme_events')).to.equal('"programme_events"');
    expect(quoteIdent('a"b')).to.equal('"a""b"');
    expect(quoteIdent('"; DROP TABLE x; --')).to.equal('"""; DROP TABLE x; --"');
    expect(quoteIdent('x'.repeat(255))).to.equal(`"${'x'.repeat(255)}"`);
  });

  it('quoteIdent refuses an empty name, a NUL character, and names over 255 characters', () => {
    expect(thrown(() => quoteIdent(''))).to.equal('invalid identifier: ""');
    expect(thrown(() => quoteIdent('a\u0000b'))).to.equal('invalid identifier: "a\\u0000b"');
    expect(thrown(() => quoteIdent('y'.repeat(256)))).to.equal(`invalid identifier: "${'y'.repeat(40)}"`);
    expect(thrown(() => quoteIdent(42 as unknown as string))).to.equal('invalid identifier: 42');
  });

  it('quoteLiteral doubles single quotes; refuses NUL and non-strings', () => {
    expect(quoteLiteral("it's")).to.equal("'it''s'");
    expect(quoteLiteral("'; DROP TABLE x; --")).to.equal("'''; DROP TABLE x; --'");
    expect(quoteLiteral('')).to.equal("''");
    expect(thrown(() => quoteLiteral('a\u0000'))).to.equal('invalid literal: contains a NUL character');
    expect(thrown(() => quoteLiteral(7 as unknown as string))).to.equal('invalid literal: 7');
  });

  it('checkTableName accepts letters, digits and _ not starting with a digit, up to 63 characters', () => {
    for (const ok of ['events', '_x', 'Events_2021', 'a'.repeat(63)]) expect(checkTableName(ok)).to.equal(ok);
    expect(thrown(() => checkTableName('2021_events'))).to.equal('invalid table name: "2021_events" (use letters, digits and _)');
    for (const bad of ['', 'a b', 'a-b', 'a"b', 'è', 'a'.repeat(64), 'x; DROP TABLE y']) {
      expect(() => checkTableName(bad), bad).to.throw(TypeError, 'invalid table name');
    }
  });

  it('DuckDB reads quoted names and literals back exactly as written', async () => {
    const name = 'a "tricky"; name';
    const value = "it's'; DROP TABLE x; --";
    const t = await getEngine().query(`SELECT ${quoteLiteral(value)} AS ${quoteIdent(name)}, 1 AS ${quoteIdent('select')}`);
    expect(t.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).to.deep.equal([`${name}: Utf8`, 'select: Int32']);
    expect(t.getChild(name)!.get(0)).to.equal(value);
    const table = 'q"t';
    const v = await getEngine().query(
      `SELECT count(*)::INTEGER AS n FROM (VALUES (1), (2)) AS ${quoteIdent(table)}(${quoteIdent('x "y"')})`,
    );
    expect(v.getChild('n')!.get(0)).to.equal(2);
  });
});
