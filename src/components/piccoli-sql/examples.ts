/** Example queries over the bundled tables (data/SCHEMA.md), shown in the console. */
export interface ExampleQuery {
  id: string;
  title: { it: string; en: string; de: string; fr: string } & Record<string, string | undefined>;
  sql: string;
}

export const EXAMPLES: readonly ExampleQuery[] = [
  {
    id: 'funnel-2021-10-31',
    title: {
      it: 'PICCOLI: il funnel al 31 ottobre 2021',
      en: 'PICCOLI: the funnel at 31 October 2021',
      de: 'PICCOLI: der Trichter am 31. Oktober 2021',
      fr: 'PICCOLI\u00a0: l’entonnoir au 31 octobre 2021',
    },
    sql: `-- Comuni arrivati a ogni fase entro il 31 ottobre 2021 (attesi: 612 / 568 / 485)
SELECT e.stage_order, s.label_it AS fase, count(*) AS comuni
FROM programme_events e
JOIN stages s USING (programme, stage)
WHERE e.programme = 'piccoli'
  AND e.stage_order > 0
  AND e.date <= DATE '2021-10-31'
GROUP BY ALL
ORDER BY e.stage_order;`,
  },
  {
    id: 'plans-by-region',
    title: {
      it: 'PICCOLI: piani presentati per regione',
      en: 'PICCOLI: plans submitted by region',
      de: 'PICCOLI: eingereichte Pläne nach Region',
      fr: 'PICCOLI\u00a0: plans transmis par région',
    },
    sql: `SELECT region_name AS regione, count(*) AS piani
FROM programme_events
WHERE programme = 'piccoli' AND stage = 'plan_submitted'
GROUP BY ALL
ORDER BY piani DESC, regione;`,
  },
  {
    id: 'areas-chosen',
    title: {
      it: 'PICCOLI: aree di intervento scelte',
      en: 'PICCOLI: areas of intervention chosen',
      de: 'PICCOLI: gewählte Interventionsbereiche',
      fr: 'PICCOLI\u00a0: domaines d’intervention choisis',
    },
    sql: `SELECT label_it AS area, count(*) AS comuni
FROM choices
WHERE programme = 'piccoli' AND kind = 'area'
GROUP BY ALL
ORDER BY comuni DESC;`,
  },
  {
    id: 'engaged-over-time',
    title: {
      it: 'PICCOLI: adesioni nel tempo',
      en: 'PICCOLI: sign-ups over time',
      de: 'PICCOLI: Beitritte im Zeitverlauf',
      fr: 'PICCOLI\u00a0: adhésions dans le temps',
    },
    sql: `SELECT date AS giorno, sum(count(*)) OVER (ORDER BY date) AS comuni_aderenti
FROM programme_events
WHERE programme = 'piccoli' AND stage = 'engaged'
GROUP BY date
ORDER BY date;`,
  },
  {
    id: 'province-share',
    title: {
      it: 'Piccoli comuni e adesioni per provincia',
      en: 'Small comuni and sign-ups by province',
      de: 'Kleine Gemeinden und Beitritte nach Provinz',
      fr: 'Petites communes et adhésions par province',
    },
    sql: `SELECT province_sigla AS provincia,
       count(*) FILTER (WHERE stage = 'eligible') AS ammissibili,
       count(*) FILTER (WHERE stage = 'engaged') AS aderenti
FROM programme_events
WHERE programme = 'piccoli'
GROUP BY ALL
ORDER BY ammissibili DESC;`,
  },
  {
    id: 'siena',
    title: {
      it: 'Next Generation Siena: i 24 comuni',
      en: 'Next Generation Siena: the 24 comuni',
      de: 'Next Generation Siena: die 24 Gemeinden',
      fr: 'Next Generation Siena\u00a0: les 24 communes',
    },
    sql: `SELECT entity_name AS comune, max(stage_order) AS fase, max(date) AS ultima_data
FROM programme_events
WHERE programme = 'next-generation-siena'
GROUP BY ALL
ORDER BY comune;`,
  },
  {
    id: 'programmes',
    title: { it: 'I programmi', en: 'The programmes', de: 'Die Programme', fr: 'Les programmes' },
    sql: `SELECT programme, name_it, operator, entity_kind, start_date, end_date, budget_eur
FROM programmes
ORDER BY start_date;`,
  },
  {
    id: 'types',
    title: {
      it: 'Tipi DuckDB (prova di resa)',
      en: 'DuckDB types (rendering check)',
      de: 'DuckDB-Typen (Darstellungstest)',
      fr: 'Types DuckDB (test d’affichage)',
    },
    sql: `SELECT 9007199254740993::BIGINT AS bigint,
       170141183460469231731687303715884105727::HUGEINT AS hugeint,
       1234567.50::DECIMAL(18,2) AS decimal,
       DATE '2021-10-31' AS date,
       TIMESTAMP '2021-10-31 12:34:56.789123' AS ts,
       TIMESTAMPTZ '2021-10-31 12:34:56+02' AS tstz,
       INTERVAL '1 year 2 months 3 days 04:05:06.789' AS interval,
       true AS bool,
       [1, 2, NULL] AS list,
       {'comune': 'Forlì', 'abitanti': 117946} AS struct,
       MAP {'PC': 46, 'SI': 35} AS map,
       '\\xAA\\x00ab'::BLOB AS blob,
       NULL AS null_value, 'NULL' AS null_text, '' AS empty_text,
       '<b>non è HTML</b>' AS markup;`,
  },
];
