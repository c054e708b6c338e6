import type { ErrorWords } from './errors.js';

/** The error sentences in German (src/i18n/errors.ts has the Italian and the describer). */
export default {
  details: 'Technische Details',
  retry: 'Erneut versuchen',
  data: 'die Daten',
  file: (src) => (src ? `Die Datei ${src}` : 'Die Datendatei'),
  units: { byte: 'Byte', bytes: 'Byte', kB: 'kB', MB: 'MB', GB: 'GB' },
  text: {
    http: (p) => `${p.file} wurde nicht geladen: Der Server antwortete ${p.status || 'mit einem Fehler'}.`,
    network: (p) => `${p.file} ist nicht erreichbar (keine Verbindung, oder die Anfrage wurde blockiert).`,
    timeout: (p) => `Der Server hat aufgehört, ${p.src} zu senden. Später erneut versuchen.`,
    empty: (p) => `${p.file} ist leer.`,
    format: (p) => `${p.file} hat nicht das erwartete Format.`,
    corrupt: (p) => `${p.file} ist beschädigt oder unvollständig.`,
    schema: (p) =>
      `${p.file} hat nicht die Spalten einer Programmdatei${p.missing ? ` (es fehlen: ${p.missing})` : ''} (siehe data/SCHEMA.md).`,
    shape: (p) => `${p.file} hat nicht eine Zeile je Phase, die jede Körperschaft erreicht hat (siehe data/SCHEMA.md).`,
    'missing-table': () => 'Eine benötigte Tabelle wurde nicht geladen.',
    extension: () => 'Die DuckDB-Engine konnte eine ihrer Erweiterungen nicht laden.',
    engine: () => 'Die Daten-Engine wurde unterbrochen. Erneut versuchen.',
    query: () => 'Die Datenabfrage ist fehlgeschlagen.',
    aborted: () => 'Vorgang abgebrochen.',
    'stale-cube': (p) => `Die Zusammenfassung der Daten ${p.src} stimmt nicht mit der Datei überein.`,
    'read-only': () =>
      'Die Konsole liest Daten: Sie kann sie nicht ändern. Nur Abfragen werden ausgeführt (SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT).',
    'read-only:extension': () => 'Die Konsole liest Daten: Sie kann keine DuckDB-Erweiterungen installieren oder laden.',
    'read-only:setting': () => 'Die Konsole liest Daten: Sie kann die Einstellungen der Engine nicht ändern.',
    'read-only:several': () => 'Die Konsole führt eine Anweisung nach der anderen aus: die auszuführende markieren.',
    'access-denied': (p) => `Die Konsole kann „${p.value}“ nicht öffnen: Diese Website erlaubt es nicht.`,
    'query-timeout': (p) =>
      `Die Abfrage wurde nach ${p.seconds} ${p.seconds === '1' ? 'Sekunde' : 'Sekunden'} angehalten, der längsten Dauer, die diese Website erlaubt.`,
    'out-of-memory': (p) =>
      `Die Abfrage braucht mehr Speicher als verfügbar${p.limit ? ` (${p.limit})` : ''} und wurde angehalten: die Daten filtern oder aggregieren.`,
    'remote-unreachable': (p) => `Der Datenserver antwortet nicht${p.status ? ` (Status ${p.status})` : ''}. Später erneut versuchen.`,
    'remote-auth': () =>
      'Der Datenserver hat den Zugriff verweigert: Benutzer oder Passwort, die die Website eingerichtet hat, sind ungültig.',
    'remote-quota': () => 'Diese Website hat die Abfragen, die der Datenserver erlaubt, vorerst aufgebraucht. Später erneut versuchen.',
    'remote-too-large': (p) =>
      `Das Ergebnis ist größer als ${p.bytes}, das Höchste, was die Konsole behält: LIMIT hinzufügen oder die Daten aggregieren.`,
    'read-only:remote': () => 'Der Datenserver nimmt nur Lesezugriffe an: Die Abfrage versucht, Daten oder Einstellungen zu ändern.',
    'unknown-name:table': (p) => `Die Tabelle „${p.value}“ gibt es auf dem Datenserver nicht.`,
    'unknown-name:column': (p) => `Die Spalte „${p.value}“ gibt es auf dem Datenserver nicht.`,
    'unknown-name:database': (p) => `Die Datenbank „${p.value}“ gibt es auf dem Datenserver nicht.`,
    'unknown-name': (p) => `„${p.value}“ gibt es auf dem Datenserver nicht.`,
    'engine-download:http': (p) =>
      `Die Daten-Engine ist nicht gestartet: Der Server antwortete ${p.status} für die Datei ${p.asset}. Erneut versuchen.`,
    'engine-download:incomplete': (p) =>
      `Die Daten-Engine ist nicht gestartet: Die Datei ${p.asset} kam unvollständig oder beschädigt an. Erneut versuchen.`,
    'engine-download:stalled': (p) =>
      `Die Daten-Engine ist nicht gestartet: Der Server hat aufgehört, die Datei ${p.asset} zu senden. Erneut versuchen.`,
    'engine-download:slow': (p) =>
      `Die Daten-Engine ist nicht gestartet: Der Server sendet die Datei ${p.asset} zu langsam. Erneut versuchen.`,
    'engine-download': (p) => `Die Daten-Engine ist nicht gestartet: Die Datei ${p.asset} ist nicht erreichbar. Erneut versuchen.`,
    'engine-unresponsive': (p) =>
      `Die Daten-Engine hat ${p.seconds} Sekunden lang nicht geantwortet und wurde angehalten. Erneut versuchen.`,
    'slow-download': (p) => `Der Server sendet ${p.src} zu langsam (${p.bytes} in ${p.seconds} Sekunden). Später erneut versuchen.`,
    'not-utf8': (p) =>
      `${p.file} ist nicht in UTF-8 (Zeile ${p.line}: „${p.sample}“): als „CSV UTF-8“ speichern (in Excel: Speichern unter, CSV UTF-8) und erneut laden.`,
    'invalid-option': (p) => `Ungültiger Wert: „${p.value}“.`,
    'unknown-programme': (p) => `Unbekanntes Programm: „${p.value}“.`,
    'unknown-region': (p) => `Unbekannte Region: „${p.value}“ (den Namen oder den ISTAT-Code verwenden).`,
    'unknown-province': (p) => `Unbekannte Provinz: „${p.value}“ (das Kürzel wie PC, den Namen oder den ISTAT-Code verwenden).`,
    'unknown-comune': (p) => `Gemeinde nicht im Programm: „${p.value}“.`,
    'ambiguous-name:region': (p) =>
      `„${p.value}“ bezeichnet mehrere Regionen: ${p.matches}. Den vollständigen Namen oder den ISTAT-Code schreiben.`,
    'ambiguous-name:province': (p) => `„${p.value}“ bezeichnet mehrere Provinzen: ${p.matches}. Das Kürzel oder den ISTAT-Code schreiben.`,
    'ambiguous-name:comune': (p) => `„${p.value}“ bezeichnet mehrere Gemeinden: ${p.matches}. Den ISTAT-Code schreiben.`,
    'ambiguous-name': (p) => `„${p.value}“ bezeichnet mehrere Orte: ${p.matches}. Den ISTAT-Code schreiben.`,
    'unknown-metric': (p) => `Unbekannte Kennzahl: „${p.value}“ (verfügbar: ${p.available}).`,
    'bad-date': (p) => `Ungültiges Datum in as-of: „${p.value}“ (Format JJJJ-MM-TT).`,
    'bad-view': (p) => `Unbekannte Ansicht: „${p.value}“ (full oder compact).`,
    'bad-level': (p) => `Unbekannte Ebene: „${p.value}“ (region oder province; comune nur mit geo).`,
    'need-key': () => 'Zum Attribut geo gehört auch key: der Name der Eigenschaft mit dem ISTAT-Code.',
    'geo:not-json': (p) => `Die Geodatei ${p.src} ist kein gültiges JSON.`,
    'geo:not-geo': (p) => `Die Geodatei ${p.src} ist weder GeoJSON noch TopoJSON.`,
    'geo:no-features': (p) => `Die Geodatei ${p.src} enthält keine Polygone.`,
    'geo:no-key': (p) =>
      `Kein Element der Geodatei hat die Eigenschaft „${p.key}“${p.available ? ` (vorhandene Eigenschaften: ${p.available})` : ''}.`,
    'geo:no-match': (p) => `Kein Code der Eigenschaft „${p.key}“ passt zu den Daten (z. B. ${p.sample}): key und level prüfen.`,
  },
} satisfies ErrorWords;
