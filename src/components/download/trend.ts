import { placeName, type Lang } from '../../i18n/index.js';
import type { TrendAnswer } from '../../query/types.js';
import { numberText } from './csv.js';
import { dataFile, figureText, legendOf, programmeName, stageName, textOf } from './figure.js';
import { drawnPicture } from './image.js';
import type { DownloadStrings } from './strings.js';
import type { Downloads, TrendShown } from './types.js';

/** A compared area's count of a stage by a day: its last step on or before it. */
function countAt(a: TrendAnswer, order: number, date: string): number {
  let n = 0;
  for (const step of a.series[order]?.steps ?? []) {
    if (step.date > date) break;
    n = step.n;
  }
  return n;
}

/**
 * The trend's files: a row per day a count changes, a column per stage (counts, or shares
 * of those eligible that day, as the trend's table shows them; with `compare=`, each
 * compared area's share beside each stage's, as in the table); and the chart as drawn,
 * with its legend and the reading of the chosen day.
 */
export function trendDownloads(root: ShadowRoot, shown: TrendShown, share: boolean, lang: Lang, s: DownloadStrings): Downloads {
  const c = s.columns;
  const { answer: a, table } = shown;
  const area = a.scope.level === 'italy' ? s.italy : placeName(s, a.scope.name);
  const compared = shown.compared ?? [];
  // A comparison shows shares, whatever the metric (counts of areas of different sizes do not compare).
  share ||= compared.length > 0;
  const stages = a.series.filter((x) => !share || x.order > 0);
  const svg = root.querySelector<SVGSVGElement>('[part=chart] svg');
  const nameOf = (name: string | null) => (name === null ? s.italy : placeName(s, name));
  return {
    name: [a.programme.id, s.names.trend, area, share ? 'share' : null, a.asOf],
    file: dataFile(a.source),
    table: () => {
      const programme = programmeName(a.programme.id, a.programme.meta, lang);
      const provenance = textOf(root.querySelector('[part=provenance]'));
      const source = a.origin.publisher ?? textOf(root.querySelector('[part=source]'));
      return {
        header: [
          c.date,
          ...stages.flatMap((x) => {
            const label = stageName(x.stage, a.programme.meta, lang);
            return [share ? c.percent(label) : label, ...compared.map((k) => c.percent(`${label}, ${nameOf(k.name)}`))];
          }),
          c.programme,
          c.area,
          c.provenance,
          c.source,
          c.file,
        ],
        numeric: [false, ...stages.flatMap(() => [true, ...compared.map(() => true)])],
        rows: table.dates.map((date, i) => {
          const row = table.counts[i]!;
          return [
            date,
            ...stages.flatMap((x) => [
              share ? numberText((row[x.order]! / (row[0] || NaN)) * 100, 1) : numberText(row[x.order]!),
              ...compared.map((k) => numberText((countAt(k.answer, x.order, date) / (countAt(k.answer, 0, date) || NaN)) * 100, 1)),
            ]),
            programme,
            area,
            provenance,
            source,
            a.source,
          ];
        }),
      };
    },
    picture: svg
      ? () => drawnPicture(svg, root.host, { ...figureText(root, s, [root.querySelector('[part=readout]')]), legend: legendOf(root) })
      : undefined,
  };
}
