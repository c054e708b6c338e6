import { placeName, type Lang } from '../../i18n/index.js';
import type { MapData } from '../piccoli-map/piccoli-map.js';
import { markOf } from '../provenance.js';
import { numberText } from './csv.js';
import { citedOf } from './funnel.js';
import { dataFile, figureText, legendOf, programmeName, stageName, textOf } from './figure.js';
import { drawnPicture } from './image.js';
import type { DownloadStrings } from './strings.js';
import type { Downloads } from './types.js';

/**
 * The map's files: a row per area, in the order of its table for screen readers (by
 * name), with the value it shows, the counts behind it and what they rest on; and the
 * drawing as shown, with its legend and credits.
 */
export function mapDownloads(root: ShadowRoot, d: MapData, lang: Lang, s: DownloadStrings): Downloads {
  const c = s.columns;
  const level = d.geometry.level;
  const stages = d.stages;
  const metric = stages ? 'stages' : `${d.metric.stage}${d.metric.share ? '-share' : ''}`;
  const svg = root.querySelector<SVGSVGElement>('[part=map] svg');
  return {
    name: [d.programme, s.names.map, c.level[level], metric, d.asOf],
    file: dataFile(d.file),
    table: () => {
      // What the map shows, as its legend names it ("Aderenti: % dei comuni ammissibili").
      const what = root.querySelector('[part=legend]')?.getAttribute('aria-label') || c.value;
      const programme = programmeName(d.programme, d.meta, lang);
      const provenance = textOf(root.querySelector('[part=provenance]'));
      const source = d.origin.publisher ?? textOf(root.querySelector('[part=source]'));
      // Areas by the names the map shows (in the reader's language), in its table's order.
      const nameOf = (x: { code: string; name: string }) => placeName(s, d.values.get(x.code)?.name ?? x.name);
      const shapes = [...d.geometry.shapes].sort((a, b) => nameOf(a).localeCompare(nameOf(b), lang));
      return {
        header: [
          c.level[level],
          c.code,
          stages ? c.furthest : d.metric.share ? c.percent(what) : what,
          ...(stages ? [] : [c.reached, c.eligible]),
          c.basis,
          c.cited,
          c.programme,
          c.asOf,
          c.provenance,
          c.source,
          c.file,
        ],
        numeric: stages ? [] : [false, false, true, true, true],
        rows: shapes.map((shape) => {
          const v = d.values.get(shape.code);
          const basis = d.bases.get(shape.code);
          const value = !v
            ? null
            : stages
              ? v.value
                ? stageName(stages[v.value]!.stage, d.meta, lang)
                : s.noStage
              : numberText(d.metric.share ? v.value * 100 : v.value, d.metric.share ? 1 : 0);
          return [
            nameOf(shape),
            shape.code,
            value,
            ...(stages ? [] : [v ? numberText(v.reached) : null, v ? numberText(v.eligible) : null]),
            basis ? markOf(basis, lang) : null,
            basis ? citedOf(basis) : null,
            programme,
            d.asOf,
            provenance,
            source,
            d.file,
          ];
        }),
      };
    },
    picture: svg
      ? () => drawnPicture(svg, root.host, { ...figureText(root, s, [], [root.querySelector('[part=credit]')]), legend: legendOf(root) })
      : undefined,
  };
}
