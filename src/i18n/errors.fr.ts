import type { ErrorWords } from './errors.js';

/** The error sentences in French (src/i18n/errors.ts has the Italian and the describer). */

/** A value from the page between guillemets, and a colon, with French spacing (non-breaking). */
const q = (v: string) => `«\u00a0${v}\u00a0»`;
const C = '\u00a0:';

export default {
  details: 'Détails techniques',
  retry: 'Réessayer',
  data: 'les données',
  file: (src) => (src ? `Le fichier ${src}` : 'Le fichier de données'),
  units: { byte: 'octet', bytes: 'octets', kB: 'ko', MB: 'Mo', GB: 'Go' },
  text: {
    http: (p) => `${p.file} n’a pas été chargé${C} le serveur a répondu ${p.status || 'par une erreur'}.`,
    network: (p) => `${p.file} est injoignable (pas de réseau, ou la requête a été bloquée).`,
    timeout: (p) => `Le serveur a cessé d’envoyer ${p.src}. Réessayer plus tard.`,
    empty: (p) => `${p.file} est vide.`,
    format: (p) => `${p.file} n’est pas au format attendu.`,
    corrupt: (p) => `${p.file} est endommagé ou incomplet.`,
    schema: (p) =>
      `${p.file} n’a pas les colonnes d’un fichier de programme${p.missing ? ` (manquent${C} ${p.missing})` : ''} (voir data/SCHEMA.md).`,
    shape: (p) => `${p.file} n’a pas une ligne par étape atteinte par chaque collectivité (voir data/SCHEMA.md).`,
    'missing-table': () => 'Une table nécessaire n’a pas été chargée.',
    extension: () => 'Le moteur DuckDB n’a pas pu charger l’une de ses extensions.',
    engine: () => 'Le moteur de données s’est arrêté. Réessayer.',
    query: () => 'L’interrogation des données a échoué.',
    aborted: () => 'Opération annulée.',
    'stale-cube': (p) => `Le résumé des données ${p.src} ne correspond pas au fichier.`,
    'read-only': () =>
      `La console lit les données${C} elle ne peut pas les modifier. Seules les requêtes sont admises (SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT).`,
    'read-only:extension': () => `La console lit les données${C} elle ne peut ni installer ni charger d’extensions DuckDB.`,
    'read-only:setting': () => `La console lit les données${C} elle ne peut pas changer les réglages du moteur.`,
    'read-only:several': () => `La console exécute une instruction à la fois${C} sélectionner celle à exécuter.`,
    'access-denied': (p) => `La console ne peut pas ouvrir ${q(p.value)}${C} ce site ne le permet pas.`,
    'query-timeout': (p) =>
      `La requête a été arrêtée après ${p.seconds} ${p.seconds === '1' ? 'seconde' : 'secondes'}, la durée maximale que ce site autorise.`,
    'out-of-memory': (p) =>
      `La requête demande plus de mémoire que disponible${p.limit ? ` (${p.limit})` : ''} et a été arrêtée${C} essayer de filtrer ou d’agréger les données.`,
    'remote-unreachable': (p) => `Le serveur de données ne répond pas${p.status ? ` (réponse ${p.status})` : ''}. Réessayer plus tard.`,
    'remote-auth': () =>
      `Le serveur de données a refusé l’accès${C} l’utilisateur ou le mot de passe configurés par le site ne sont pas valides.`,
    'remote-quota': () => 'Ce site a épuisé pour l’instant les requêtes que le serveur de données autorise. Réessayer plus tard.',
    'remote-too-large': (p) =>
      `Le résultat dépasse ${p.bytes}, le maximum que la console conserve${C} ajouter LIMIT ou agréger les données.`,
    'read-only:remote': () =>
      `Le serveur de données n’accepte que des lectures${C} la requête tente de modifier des données ou des réglages.`,
    'unknown-name:table': (p) => `La table ${q(p.value)} n’existe pas sur le serveur de données.`,
    'unknown-name:column': (p) => `La colonne ${q(p.value)} n’existe pas sur le serveur de données.`,
    'unknown-name:database': (p) => `La base de données ${q(p.value)} n’existe pas sur le serveur de données.`,
    'unknown-name': (p) => `${q(p.value)} n’existe pas sur le serveur de données.`,
    'engine-download:http': (p) =>
      `Le moteur de données n’a pas démarré${C} le serveur a répondu ${p.status} pour le fichier ${p.asset}. Réessayer.`,
    'engine-download:incomplete': (p) =>
      `Le moteur de données n’a pas démarré${C} le fichier ${p.asset} est arrivé incomplet ou endommagé. Réessayer.`,
    'engine-download:stalled': (p) =>
      `Le moteur de données n’a pas démarré${C} le serveur a cessé d’envoyer le fichier ${p.asset}. Réessayer.`,
    'engine-download:slow': (p) =>
      `Le moteur de données n’a pas démarré${C} le serveur envoie le fichier ${p.asset} trop lentement. Réessayer.`,
    'engine-download': (p) => `Le moteur de données n’a pas démarré${C} le fichier ${p.asset} est injoignable. Réessayer.`,
    'engine-unresponsive': (p) => `Le moteur de données n’a pas répondu pendant ${p.seconds} secondes et a été arrêté. Réessayer.`,
    'slow-download': (p) => `Le serveur envoie ${p.src} trop lentement (${p.bytes} en ${p.seconds} secondes). Réessayer plus tard.`,
    'not-utf8': (p) =>
      `${p.file} n’est pas en UTF-8 (ligne ${p.line}${C} ${q(p.sample)})${C} l’enregistrer en ${q('CSV UTF-8')} (dans Excel${C} Enregistrer sous, CSV UTF-8) et le charger de nouveau.`,
    'invalid-option': (p) => `Valeur non valide${C} ${q(p.value)}.`,
    'unknown-programme': (p) => `Programme inconnu${C} ${q(p.value)}.`,
    'unknown-region': (p) => `Région inconnue${C} ${q(p.value)} (utiliser le nom ou le code ISTAT).`,
    'unknown-province': (p) => `Province inconnue${C} ${q(p.value)} (utiliser le sigle, p. ex. PC, le nom ou le code ISTAT).`,
    'unknown-comune': (p) => `Commune absente du programme${C} ${q(p.value)}.`,
    'ambiguous-name:region': (p) => `${q(p.value)} désigne plusieurs régions${C} ${p.matches}. Écrire le nom complet ou le code ISTAT.`,
    'ambiguous-name:province': (p) => `${q(p.value)} désigne plusieurs provinces${C} ${p.matches}. Écrire le sigle ou le code ISTAT.`,
    'ambiguous-name:comune': (p) => `${q(p.value)} désigne plusieurs communes${C} ${p.matches}. Écrire le code ISTAT.`,
    'ambiguous-name': (p) => `${q(p.value)} désigne plusieurs lieux${C} ${p.matches}. Écrire le code ISTAT.`,
    'unknown-metric': (p) => `Indicateur inconnu${C} ${q(p.value)} (disponibles${C} ${p.available}).`,
    'bad-date': (p) => `Date non valide dans as-of${C} ${q(p.value)} (format AAAA-MM-JJ).`,
    'bad-view': (p) => `Vue inconnue${C} ${q(p.value)} (full ou compact).`,
    'bad-level': (p) => `Niveau inconnu${C} ${q(p.value)} (region ou province\u00a0; comune seulement avec geo).`,
    'need-key': () => `Avec l’attribut geo, il faut aussi key${C} le nom de la propriété qui contient le code ISTAT.`,
    'geo:not-json': (p) => `Le fichier géographique ${p.src} n’est pas du JSON valide.`,
    'geo:not-geo': (p) => `Le fichier géographique ${p.src} n’est ni du GeoJSON ni du TopoJSON.`,
    'geo:no-features': (p) => `Le fichier géographique ${p.src} ne contient aucun polygone.`,
    'geo:no-key': (p) =>
      `Aucun élément du fichier géographique n’a la propriété ${q(p.key)}${p.available ? ` (propriétés présentes${C} ${p.available})` : ''}.`,
    'geo:no-match': (p) =>
      `Aucun code de la propriété ${q(p.key)} ne correspond aux données (p. ex. ${p.sample})${C} vérifier key et level.`,
  },
} satisfies ErrorWords;
