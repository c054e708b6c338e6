import { formatDate, type Lang } from '../i18n/index.js';
import type { PublishedCite } from '../query/types.js';
import type { ProvenanceWords } from './provenance.js';

/** What every element says about its numbers, in English. */
export default {
  label: {
    published: 'Published data',
    'partly-simulated': 'Partly simulated data',
    simulated: 'Simulated data, for illustration',
    unknown: 'Data provenance not stated',
  },
  mark: {
    'published-figure': 'published',
    'published-rows': 'published',
    simulated: 'simulated',
    partly: 'partly simulated',
    unknown: 'not stated',
  },
  source: (who: string) => `Source: ${who}.`,
  noSource: (file: string) => `Data from the file ${file}, which names no source.`,
  noSourceTable: (table: string) => `Data from the table ${table} on the site's ClickHouse server, which names no source.`,
  cite: (c: PublishedCite, lang: Lang) =>
    `Published figure: ${c.source}, ${c.publishedOn ? `${formatDate(c.publishedOn, lang)} (data at ${formatDate(c.asOf, lang)})` : `data at ${formatDate(c.asOf, lang)}`}.`,
  about: 'Where do these numbers come from?',
  explain: {
    published: 'Each figure is a published total, with its source and date, or is counted over published rows of data.',
    simulated:
      'Simulated figures illustrate the tool: they are generated from the registry of comuni and the published totals, but which entities reached each stage, and when, is invented. They are not official data.',
    site: (sim: string, of: string) => `The file marks ${sim} of the ${of} rows counted as simulated.`,
    unknown: 'The file does not say which rows are published and which simulated: check the numbers with whoever published them.',
  },
} satisfies ProvenanceWords;
