import type { ProgrammeMeta } from '../data/bundled.js';
import type { PiccoliErrorKind, PiccoliErrorParams } from '../data/errors.js';

/**
 * What elements ask the coordinator, and what it answers. A request is plain data
 * (serialisable, comparable with deep equality): the same request from two elements is
 * answered once. Values are as the page gave them (trimmed); the backends resolve names
 * against the data and report what they cannot resolve as error data.
 */

/** A map level, and the funnel's levels (`italy`, or one entity). */
export type AreaLevel = 'region' | 'province' | 'comune';

interface RequestBase {
  /** Absolute URL of a stage-events file (Parquet, Arrow, CSV); null for the bundled data. */
  src: string | null;
  /** Programme id; null for the file's default (`piccoli`, or the file's only programme). */
  programme: string | null;
  /** YYYY-MM-DD (already checked); null for the programme's last day with an event. */
  asOf: string | null;
}

/** The funnel of a programme in Italy, a region, a province, or one entity. */
export interface FunnelRequest extends RequestBase {
  kind: 'funnel';
  /** ISTAT code or name, as given. At most one of region/province/comune is used: the narrowest. */
  region: string | null;
  province: string | null;
  comune: string | null;
}

/** Per area of a level: eligible entities and those that reached one stage. */
export interface AreasRequest extends RequestBase {
  kind: 'areas';
  level: AreaLevel;
  /** The stage counted, as in a metric attribute: `engaged`, `plan-submitted`, `plan_submitted`. */
  stage: string;
}

/**
 * The cumulative count of each stage over time, within a funnel's area: every day a
 * count changes, up to the programme's last day with an event (`asOf` is the reader's
 * cursor, answered as the day the counts are read at, not a bound on the series).
 */
export interface TrendRequest extends RequestBase {
  kind: 'trend';
  region: string | null;
  province: string | null;
  comune: string | null;
}

export type QueryRequest = FunnelRequest | AreasRequest | TrendRequest;

/** Which backend answered: the precomputed cube, DuckDB-WASM, or a remote engine. */
export type BackendName = 'cube' | 'duckdb' | 'remote';

/**
 * How many of the rows behind a count are simulated (data/README.md): `null` when the
 * file has no provenance column. Published rows are `n - simulated`.
 */
export type SimulatedCount = number | null;

export interface StageInfo {
  stage: string;
  order: number;
}

/** The programme an answer is about: its stages in the data, its dates, and its published description. */
export interface ProgrammeInfo {
  id: string;
  stages: StageInfo[];
  /** First and last day with an event in the data. */
  firstDate: string;
  lastDate: string;
  /** Names, labels, operator and sources (data/programmes-meta.json), when the programme is known. */
  meta?: ProgrammeMeta;
}

/**
 * What one figure rests on (data/README.md): a total published at that date and level,
 * rows that are all published, rows of which some or all are simulated, or a file that
 * does not say. A figure equal to a published total cites it, whatever its rows are.
 */
export type Basis =
  | { kind: 'published-figure'; cite: PublishedCite }
  | { kind: 'published-rows' }
  | { kind: 'simulated'; simulated: number; of: number }
  | { kind: 'unknown' }
  /** A count of nobody: no rows to rest on. */
  | { kind: 'none' };

/** A published figure a number equals: who published it, and the day it describes. */
export interface PublishedCite {
  source: string;
  asOf: string;
  /** The day it was published, when the source gives one. */
  publishedOn?: string;
}

/**
 * Who the numbers come from: the programme's operator for the library's bundled data,
 * the source a site recorded in its own file (`piccoli-data import --source`), or
 * nobody named (a site's file without one: the element shows a neutral line).
 */
export interface Origin {
  data: 'bundled' | 'site';
  /** The publisher named for the data; null when the file names none. */
  publisher: string | null;
}

interface AnswerBase {
  backend: BackendName;
  /** URL of the data file the numbers come from. */
  source: string;
  /** Who the data comes from (added by the coordinator). */
  origin: Origin;
  programme: ProgrammeInfo;
  /** The day the numbers describe (the request's, or the programme's last). */
  asOf: string;
}

export type FunnelScope =
  { level: 'italy' } | { level: 'region' | 'province'; code: string; name: string } | { level: 'entity'; code: string; name: string };

/** An area another one lies in: a province's region, a comune's region and province. */
export interface EnclosingArea {
  level: 'region' | 'province';
  code: string;
  name: string;
}

export interface StageCount extends StageInfo {
  /** Entities that reached the stage by `asOf` (stage 0: eligible at `asOf`). */
  n: number;
  simulated: SimulatedCount;
  /** What the count rests on (added by the coordinator). */
  basis: Basis;
}

export interface FunnelAnswer extends AnswerBase {
  kind: 'funnel';
  scope: FunnelScope;
  /** The areas `scope` lies in, widest first (a province: its region; a comune: its region, then its province); none for Italy or a region. */
  within?: EnclosingArea[];
  /** Every stage of the programme in order, 0 for stages nobody has reached. */
  stages: StageCount[];
}

export interface AreaRow {
  /** ISTAT code of the area. */
  code: string;
  /** Name from the data; null when the file has none (the map's own names are used). */
  name: string | null;
  eligible: number;
  reached: number;
  simulated: SimulatedCount;
  /** What `reached` rests on (added by the coordinator). */
  basis: Basis;
}

export interface AreasAnswer extends AnswerBase {
  kind: 'areas';
  level: AreaLevel;
  stage: StageInfo;
  /** Areas with somebody eligible at `asOf`, by code. */
  rows: AreaRow[];
}

/** One stage's count from one day on: the entities that reached it by `date`. */
export interface TrendStep {
  /** YYYY-MM-DD: the first day with this count. */
  date: string;
  n: number;
  simulated: SimulatedCount;
}

export interface TrendSeries extends StageInfo {
  /** The count by each day it changes, in date order; none for a stage nobody reached. */
  steps: TrendStep[];
}

export interface TrendAnswer extends AnswerBase {
  kind: 'trend';
  scope: FunnelScope;
  /** The areas `scope` lies in, as a funnel's (`FunnelAnswer.within`). */
  within?: EnclosingArea[];
  /**
   * Every stage of the programme in order. The published figures of the area are in
   * `programme.meta` (cited for the bundled data only, as a funnel's are).
   */
  series: TrendSeries[];
}

export type QueryAnswer = FunnelAnswer | AreasAnswer | TrendAnswer;
export type AnswerOf<R extends QueryRequest> = R extends FunnelRequest ? FunnelAnswer : R extends TrendRequest ? TrendAnswer : AreasAnswer;

/** Bytes of the engine or of a data file loaded so far, for progress displays. */
export interface QueryProgress {
  phase: 'engine' | 'source';
  source: string;
  loaded: number;
  total?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  onProgress?: (p: QueryProgress) => void;
}

/** An error as data: what the describer (src/i18n/errors.ts) turns into words. */
export interface ErrorData {
  kind: PiccoliErrorKind;
  params: PiccoliErrorParams;
}

/** A stage count as a backend counts it, before the coordinator says what it rests on. */
export type CountedStage = Omit<StageCount, 'basis'>;
/** An area row as a backend counts it, before the coordinator says what it rests on. */
export type CountedArea = Omit<AreaRow, 'basis'>;
