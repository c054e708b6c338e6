import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatInteger, type Lang } from '../i18n/index.js';
import { words, type Words } from '../i18n/words.js';
import { summarise, type Provenance } from '../query/provenance.js';
import type { Basis, Origin, PublishedCite } from '../query/types.js';

export { provenanceViewStyles } from './provenance-view.styles.js';

/**
 * What every element says about its numbers (data/README.md, "What a count means"), in
 * the reader's language: a visible label in the caption (published, partly or wholly
 * simulated), a mark on each figure when they differ, the source line read from the
 * data, and a short explanation on demand. Shared by the funnel and the map, so they
 * word it alike. Loaded beside the data (it is needed only once there are numbers to
 * show); its styles (provenance.styles.ts) come with the element.
 */

const it = {
  label: {
    published: 'Dati pubblicati',
    'partly-simulated': 'Dati in parte simulati',
    simulated: 'Dati simulati a scopo illustrativo',
    unknown: 'Provenienza dei dati non indicata',
  },
  mark: {
    'published-figure': 'pubblicato',
    'published-rows': 'pubblicato',
    simulated: 'simulato',
    partly: 'in parte simulato',
    unknown: 'non indicato',
  },
  source: (who: string) => `Fonte: ${who}.`,
  noSource: (file: string) => `Dati dal file ${file}, che non indica la fonte.`,
  noSourceTable: (table: string) => `Dati dalla tabella ${table} del server ClickHouse del sito, che non indica la fonte.`,
  cite: (c: PublishedCite, lang: Lang) =>
    `Dato pubblicato: ${c.source}, ${c.publishedOn ? `${formatDate(c.publishedOn, lang)} (dati al ${formatDate(c.asOf, lang)})` : `dati al ${formatDate(c.asOf, lang)}`}.`,
  about: 'Da dove vengono questi numeri?',
  explain: {
    published: 'Ogni cifra è un totale pubblicato, con la fonte e la data indicate, o è contata su righe di dati pubblicate.',
    simulated:
      'Le cifre simulate illustrano lo strumento: sono generate a partire dal registro dei comuni e dai totali pubblicati, ma quali enti abbiano raggiunto ogni fase, e quando, è inventato. Non sono dati ufficiali.',
    site: (sim: string, of: string) => `Il file indica come simulate ${sim} delle ${of} righe contate.`,
    unknown: 'Il file non indica quali righe siano pubblicate e quali simulate: i numeri vanno verificati con chi li ha pubblicati.',
  },
};

export type ProvenanceWords = typeof it;

/** What every element says about its numbers: Italian here; English, German and French fetched when spoken. */
export const PROVENANCE: Words<ProvenanceWords> = {
  name: 'provenance',
  it,
  other: {
    en: () => import('./provenance.en.js'),
    de: () => import('./provenance.de.js'),
    fr: () => import('./provenance.fr.js'),
  },
};

/** The words in `lang`, once loaded (`loadWords(PROVENANCE, lang)`; Italian until then). */
function wordsIn(lang: Lang): ProvenanceWords {
  return words(PROVENANCE, lang) ?? it;
}

/** The word for one figure's basis, or null for a count of nobody (also the download's CSV column). */
export function markOf(b: Basis, lang: Lang): string | null {
  const m = wordsIn(lang).mark;
  if (b.kind === 'none') return null;
  if (b.kind === 'simulated') return b.simulated === b.of ? m.simulated : m.partly;
  return m[b.kind];
}

/** What one view of figures says about them. */
export interface ProvenanceView {
  provenance: Provenance;
  /** The label for the caption: always shown. */
  label: TemplateResult;
  /** A mark for each figure, when the figures of the view do not all rest on the same kind of data. */
  mark: (b: Basis) => TemplateResult | typeof nothing;
  /** Source line and explanation, for the foot of the figure. */
  footer: TemplateResult;
}

/**
 * The provenance of a view showing figures with these bases, from data of this origin.
 * @param file URL of the data file, named when a site's file names no source.
 */
export function provenanceView(bases: readonly Basis[], origin: Origin, file: string, lang: Lang): ProvenanceView {
  const t = wordsIn(lang);
  const provenance = summarise(bases);
  const marks = new Set(bases.map((b) => markOf(b, lang)).filter((m) => m !== null));
  const mark = (b: Basis) => {
    const m = marks.size > 1 ? markOf(b, lang) : null;
    return m ? html`<span class="basis" data-basis=${b.kind}>${m}</span>` : nothing;
  };
  const cites = new Map<string, string>();
  for (const b of bases) if (b.kind === 'published-figure') cites.set(JSON.stringify(b.cite), t.cite(b.cite, lang));
  const table = file.startsWith('clickhouse:') ? file.slice('clickhouse:'.length) : null;
  const who = origin.publisher
    ? t.source(origin.publisher)
    : origin.data !== 'site'
      ? ''
      : table
        ? t.noSourceTable(table)
        : t.noSource(fileName(file));
  const simulated = bases.reduce((s, b) => s + (b.kind === 'simulated' ? b.simulated : 0), 0);
  const rows = bases.reduce((s, b) => s + (b.kind === 'simulated' ? b.of : 0), 0);
  const explain =
    provenance === 'published'
      ? t.explain.published
      : provenance === 'unknown'
        ? t.explain.unknown
        : origin.data === 'site'
          ? t.explain.site(formatInteger(simulated, lang), formatInteger(rows, lang))
          : t.explain.simulated;
  return {
    provenance,
    label: html`<span class="provenance" part="provenance" data-provenance=${provenance}>${t.label[provenance]}</span>`,
    mark,
    footer: html`<p class="source" part="source">${[who, ...cites.values()].filter(Boolean).join(' ')}</p>
      <details class="about" part="about">
        <summary>${t.about}</summary>
        <p>${explain}</p>
      </details>`,
  };
}

/** The last part of a URL's path, for naming a file. */
function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  } catch {
    return url;
  }
}
