import { expect } from '@open-wc/testing';
import { configure, getEngine } from '../../src/data/index.js';

describe('a site-configured extension repository that cannot serve the parquet extension', () => {
  it('falls back to the built-in Parquet reader with a warning, and contacts no other host', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      configure({ extensionRepository: '/no-such-extension-repository' });
      const info = await getEngine().load({ name: 'rows', url: '/test/fixtures/generated/rows.parquet' });
      expect(info.rows).to.equal(5000);
      expect(info.reader).to.equal('parquet-wasm');
      expect(getEngine().parquetReader).to.equal('parquet-wasm');
      expect(warnings.join('\n')).to.match(/could not load the parquet extension/);
      const t = await getEngine().query('SELECT count(DISTINCT province)::INTEGER AS n FROM rows');
      expect(t.getChild('n')!.get(0)).to.equal(4);
      const foreign = performance.getEntriesByType('resource').filter((e) => new URL(e.name).origin !== location.origin);
      expect(foreign.map((e) => e.name)).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });
});
