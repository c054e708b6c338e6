import { expect } from '@open-wc/testing';
import { HISTORY_MAX, pushHistory, readHistory, readQueryFromUrl, writeQueryToUrl } from '../../../src/components/piccoli-sql/url-state.js';

/** An in-memory Storage. */
function memory(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('url-state', () => {
  it('writes the query into the hash with spaces as %20, other keys kept, and reads it back', () => {
    const href = writeQueryToUrl('https://x.test/p?a=1#tab=2', 'SELECT 1 + 2', 'q');
    expect(href).to.equal('https://x.test/p?a=1#tab=2&q=SELECT%201%20%2B%202');
    expect(readQueryFromUrl(href, 'q')).to.equal('SELECT 1 + 2');
    expect(writeQueryToUrl(href, '  ', 'q')).to.equal('https://x.test/p?a=1#tab=2');
    expect(readQueryFromUrl('https://x.test/p')).to.equal(null);
  });

  it('keeps the newest run first, an identical query moved up, at most HISTORY_MAX', () => {
    const s = memory();
    pushHistory(s, { sql: 'SELECT 1', at: 'a', ok: true }, 'k');
    pushHistory(s, { sql: 'SELECT 2', at: 'b', ok: false }, 'k');
    const list = pushHistory(s, { sql: ' SELECT 1 ', at: 'c', ok: true }, 'k');
    expect(list.map((e) => e.at)).to.deep.equal(['c', 'b']);
    expect(readHistory(s, 'k')).to.deep.equal(list);
    for (let i = 0; i < HISTORY_MAX + 5; i++) pushHistory(s, { sql: `SELECT ${i + 10}`, at: '', ok: true }, 'k');
    expect(readHistory(s, 'k').length).to.equal(HISTORY_MAX);
  });

  it('reads an unreadable or foreign store as an empty history', () => {
    const s = memory();
    s.setItem('k', '{not json');
    expect(readHistory(s, 'k')).to.deep.equal([]);
    s.setItem('k', JSON.stringify([{ sql: 'SELECT 1', at: '', ok: true }, { nope: 1 }]));
    expect(readHistory(s, 'k').map((e) => e.sql)).to.deep.equal(['SELECT 1']);
    expect(readHistory(undefined, 'k')).to.deep.equal([]);
  });
});
