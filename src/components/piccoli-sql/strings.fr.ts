import type { OutputStrings } from './output-strings.js';
import type { ChartChoice } from './chart.js';
import type { Strings } from './strings.js';

/** A colon with French spacing (non-breaking). */
const C = '\u00a0:';

/** Everything the console says, in French: its own words and its result panel's. */
export default {
  editorLabel: 'Requête SQL',
  run: 'Exécuter',
  runHint: 'Ctrl+Entrée (⌘+Entrée sur Mac)\u00a0; avec une sélection, n’exécute qu’elle',
  cancel: 'Interrompre',
  examples: 'Exemples',
  chooseExample: 'Choisir un exemple…',
  history: 'Historique',
  noHistory: 'Aucune requête exécutée pour l’instant.',
  schema: 'Tables',
  schemaLoading: 'Chargement des données…',
  insert: (name: string) => `Insérer ${name} dans la requête`,
  columnsOf: (table: string) => `Colonnes de ${table}`,
  running: 'Exécution en cours…',
  cancelled: 'Requête interrompue.',
  resultSummary: (rows: string, ms: string) => `${rows} lignes en ${ms} ms`,
  resultRow: (rows: string) => `${rows} ligne`,
  errorAt: (line: number, col: number) => `ligne ${line}, colonne ${col}`,
  loadError: `Les données d’exemple n’ont pas pu être chargées${C}`,
  editorError: `L’éditeur n’a pas pu être chargé\u00a0; la requête peut quand même être exécutée${C}`,
  fromLink: `Requête du lien chargée${C} appuyer sur Exécuter (Ctrl+Entrée) pour l’exécuter.`,
  fromHistory: `Requête de l’historique chargée${C} appuyer sur Exécuter (Ctrl+Entrée) pour l’exécuter.`,
  bundledFailed: (tables: string) => `Tables non chargées${C} ${tables} (nouvel essai à la prochaine exécution)`,
  noRows: 'La requête n’a renvoyé aucune ligne.',
  table: 'Tableau',
  chart: 'Graphique',
  chartKind: 'Type de graphique',
  bar: 'Barres',
  line: 'Ligne',
  dot: 'Points',
  noChart: 'Aucun graphique ne convient à ces colonnes (il faut au moins une colonne numérique).',
  chartLoading: 'Préparation du graphique…',
  chartTruncated: (n: string) => `Le graphique montre les ${n} premières lignes.`,
  chartTitle: (c: ChartChoice) =>
    c.kind === 'bar' ? `${c.x} par ${c.y}` : c.kind === 'line' ? `${c.y} dans le temps` : `${c.y} en fonction de ${c.x}`,
  chartSource: (from: string) => `Source${C} ${from}. Traitement avec piccoli-dashboard.`,
  bundledSource: (tables: string) => `données des programmes incluses dans piccoli-dashboard (${tables})`,
  querySource: 'requête SQL de la console',
  downloadSvg: 'Télécharger le graphique (SVG)',
  downloadPng: 'Télécharger le graphique (PNG)',
  chartLabel: (c: ChartChoice) =>
    c.kind === 'bar'
      ? `Graphique en barres de ${c.x} par ${c.y}`
      : c.kind === 'line'
        ? `Graphique linéaire de ${c.y} dans le temps (${c.x})`
        : `Nuage de points de ${c.y} en fonction de ${c.x}`,
  chartCaption: (c: ChartChoice, points: string, shownBars?: string) =>
    c.kind === 'bar'
      ? `${c.x} par ${c.y}${C} ${shownBars ? `les ${shownBars} barres les plus longues sur ${points}` : `${points} barres`}, de la plus longue à la plus courte.`
      : c.kind === 'line'
        ? `${c.y} dans le temps (${c.x})${C} ${points} points.`
        : `${c.y} en fonction de ${c.x}${C} ${points} points.`,
  exportCsvExcel: 'Télécharger le CSV pour Excel (;)',
  exportCsv: 'Télécharger le CSV',
  exportArrow: 'Télécharger Arrow',
  exportParquet: 'Télécharger Parquet',
  copyTsv: 'Copier pour un tableur',
  exportNote: `CSV et copie${C} les cellules qui commencent par = + - @ (sauf les nombres) sont précédées d’une ' pour que le tableur ne les exécute pas comme des formules.`,
  copied: 'Copié.',
  copyFailed: `Échec de la copie${C} le navigateur ne le permet pas.`,
  sortBy: (c: string) => `Trier par ${c}`,
  resultsLabel: 'Résultats',
  cellDetail: 'Valeur complète',
  close: 'Fermer',
  limited: (shown: string, read: string, exact: boolean, cap: string) =>
    `${shown} lignes affichées sur ${exact ? '' : 'au moins '}${read}${C} la requête a été arrêtée pour ne pas alourdir la page (limite${C} ${cap}).`,
  capRows: (n: string) => `${n} lignes`,
  saveFull: 'Enregistrer toutes les lignes (CSV)…',
  saveFullExcel: 'Enregistrer toutes les lignes (CSV pour Excel)…',
  savingFull: 'Enregistrement de toutes les lignes…',
  savedFull: (n: string) => `${n} lignes enregistrées.`,
  exportsLimited: 'Les exports ne contiennent que les lignes affichées.',
  engineStarting: 'Démarrage du moteur de données…',
  engineDownload: (pct: string) => `Démarrage du moteur de données${C} ${pct}`,
} satisfies Strings & OutputStrings;
