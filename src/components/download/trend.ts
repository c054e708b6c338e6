import { placeName, type Lang } from '../../i18n/index.js';
import { numberText } from './csv.js';
import { dataFile, figureText, legendOf, programmeName, stageName, textOf } from './figure.js';
import { drawnPicture } from './image.js';
import type { DownloadStrings } from './strings.js';
import type { Downloads, TrendShown } from './types.js';

/**
 * The trend's files: a row per day a count changes, a column per stage (counts, or shares
 * of those eligible that day, as the trend's table shows them); and the chart as drawn,
 * with its legend and the reading of the chosen day.
 */
export function trendDownloads(root: ShadowRoot, shown: TrendShown, share: boolean, lang: Lang, s: DownloadStrings): Downloads {
  const c = s.columns;
  const { answer: a, table } = shown;
  const area = a.scope.level === 'italy' ? s.italy : placeName(s, a.scope.name);
  const stages = a.series.filter((x) => !share || x.order > 0);
  const svg = root.querySelector<SVGSVGElement>('[part=chart] svg');
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
          ...stages.map((x) =>
            share ? c.percent(stageName(x.stage, a.programme.meta, lang)) : stageName(x.stage, a.programme.meta, lang),
          ),
          c.programme,
          c.area,
          c.provenance,
          c.source,
          c.file,
        ],
        numeric: [false, ...stages.map(() => true)],
        rows: table.dates.map((date, i) => {
          const row = table.counts[i]!;
          return [
            date,
            ...stages.map((x) => (share ? numberText((row[x.order]! / (row[0] || NaN)) * 100, 1) : numberText(row[x.order]!))),
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
