import { formatDate, type Lang } from '../i18n/index.js';
import type { PublishedCite } from '../query/types.js';
import type { ProvenanceWords } from './provenance.js';

/** What every element says about its numbers, in German. */
export default {
  label: {
    published: 'Veröffentlichte Daten',
    'partly-simulated': 'Teilweise simulierte Daten',
    simulated: 'Simulierte Daten, zur Veranschaulichung',
    unknown: 'Herkunft der Daten nicht angegeben',
  },
  mark: {
    'published-figure': 'veröffentlicht',
    'published-rows': 'veröffentlicht',
    simulated: 'simuliert',
    partly: 'teilweise simuliert',
    unknown: 'nicht angegeben',
  },
  source: (who: string) => `Quelle: ${who}.`,
  noSource: (file: string) => `Daten aus der Datei ${file}, die keine Quelle nennt.`,
  noSourceTable: (table: string) => `Daten aus der Tabelle ${table} auf dem ClickHouse-Server der Website, die keine Quelle nennt.`,
  cite: (c: PublishedCite, lang: Lang) =>
    `Veröffentlichte Zahl: ${c.source}, ${c.publishedOn ? `${formatDate(c.publishedOn, lang)} (Stand: ${formatDate(c.asOf, lang)})` : `Stand: ${formatDate(c.asOf, lang)}`}.`,
  about: 'Woher kommen diese Zahlen?',
  explain: {
    published: 'Jede Zahl ist eine veröffentlichte Summe mit Quelle und Datum oder wird über veröffentlichte Datenzeilen gezählt.',
    simulated:
      'Simulierte Zahlen veranschaulichen das Werkzeug: Sie werden aus dem Gemeindeverzeichnis und den veröffentlichten Summen erzeugt, aber welche Körperschaften wann welche Phase erreicht haben, ist erfunden. Es sind keine amtlichen Daten.',
    site: (sim: string, of: string) => `Die Datei kennzeichnet ${sim} der ${of} gezählten Zeilen als simuliert.`,
    unknown:
      'Die Datei sagt nicht, welche Zeilen veröffentlicht und welche simuliert sind: Die Zahlen bei denen prüfen, die sie veröffentlicht haben.',
  },
} satisfies ProvenanceWords;
