import { formatDate, type Lang } from '../i18n/index.js';
import type { PublishedCite } from '../query/types.js';
import type { ProvenanceWords } from './provenance.js';

/** What every element says about its numbers, in French. */
export default {
  label: {
    published: 'Données publiées',
    'partly-simulated': 'Données en partie simulées',
    simulated: 'Données simulées, à titre d’illustration',
    unknown: 'Provenance des données non indiquée',
  },
  mark: {
    'published-figure': 'publié',
    'published-rows': 'publié',
    simulated: 'simulé',
    partly: 'en partie simulé',
    unknown: 'non indiqué',
  },
  source: (who: string) => `Source\u00a0: ${who}.`,
  noSource: (file: string) => `Données du fichier ${file}, qui n’indique pas de source.`,
  noSourceTable: (table: string) => `Données de la table ${table} du serveur ClickHouse du site, qui n’indique pas de source.`,
  cite: (c: PublishedCite, lang: Lang) =>
    `Chiffre publié\u00a0: ${c.source}, ${c.publishedOn ? `${formatDate(c.publishedOn, lang)} (données au ${formatDate(c.asOf, lang)})` : `données au ${formatDate(c.asOf, lang)}`}.`,
  about: 'D’où viennent ces chiffres\u00a0?',
  explain: {
    published: 'Chaque chiffre est un total publié, avec sa source et sa date, ou est compté sur des lignes de données publiées.',
    simulated:
      'Les chiffres simulés illustrent l’outil\u00a0: ils sont générés à partir du répertoire des communes et des totaux publiés, mais quelles collectivités ont atteint chaque étape, et quand, est inventé. Ce ne sont pas des données officielles.',
    site: (sim: string, of: string) => `Le fichier indique comme simulées ${sim} des ${of} lignes comptées.`,
    unknown:
      'Le fichier n’indique pas quelles lignes sont publiées et lesquelles simulées\u00a0: vérifier les chiffres auprès de ceux qui les ont publiés.',
  },
} satisfies ProvenanceWords;
