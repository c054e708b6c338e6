import type { FunnelAnswer, TrendAnswer } from '../../query/types.js';
import type { Compared } from '../compare.js';
import type { MapData } from '../piccoli-map/piccoli-map.js';
import type { TrendPoint, TrendTable } from '../piccoli-trend/trend-data.js';
import type { CsvTable } from './csv.js';
import type { Picture } from './image.js';

/**
 * What an element hands its download menu: the answer it shows, as it holds it (the
 * funnel's answer, the map's data, the trend's answer with its table). The menu (menu.ts)
 * knows which by the element's tag and turns it into files; the element's first load
 * carries only this type.
 */
export type Downloadable = FunnelShown | MapData | TrendShown;

/** What the funnel shows: its answer, and the compared areas' funnels (`compare=`) when it shows them. */
export type FunnelShown = FunnelAnswer & { compared?: readonly FunnelAnswer[] };

/** What the trend shows: its answer, the days a count changes, the published figures. */
export interface TrendShown {
  answer: TrendAnswer;
  table: TrendTable;
  published: TrendPoint[];
  /** The compared areas' trends (`compare=`), when it shows them. */
  compared?: readonly Compared<TrendAnswer>[];
}

/** The files one element offers, made on demand. */
export interface Downloads {
  /** What the file names say (programme, area, date …). */
  name: (string | null)[];
  /** The numbers shown, with the columns that say where they come from. */
  table(): CsvTable;
  /** The data file the element read, when it is Arrow or Parquet: its URL and format. */
  file?: { url: string; format: 'Arrow' | 'Parquet' };
  /** The drawing with its title, date, legend, source and provenance; none when nothing is drawn. */
  picture?: () => Picture;
}
