import { PiccoliDataError } from '../data/errors.js';

/**
 * The cube file of a stage-events file (`x.parquet` -> `x.cube.json`, written by
 * `npm run data` and `piccoli-data import`; format in data/SCHEMA.md): each entity once,
 * with the day it reached each stage. Read here, answered from in cube-eval.ts.
 */

/** One entity: code, name, stage days since the programme's epoch, simulated bits (-1: unknown), province when not the code's own. */
export type CubeEntity = [code: string, name: string, days: number[], simulated: number, province?: string];

export interface CubeFile {
  format: 'piccoli-cube';
  version: 1;
  /** The data files the cube describes (the file and its twins holding the same rows). */
  sources: { file: string; bytes: number; sha256_16: string }[];
  /** The SQL the cube was built with (src/data/sql/cube.ts), over a table named "events". */
  queries: string[];
  /** Who the data comes from, as `piccoli-data import --source` recorded it. */
  source?: string;
  /** province code -> [sigla, name, region code, region name] */
  provinces: Record<string, [string, string, string, string]>;
  programmes: Record<string, { stages: string[]; epoch: string; entities: CubeEntity[] }>;
}

/** Where a data file's cube is: the same name with `.cube.json` for its extension. */
export function cubeUrlFor(dataUrl: string): string {
  const u = new URL(dataUrl);
  u.pathname = u.pathname.replace(/(\.[^./]*)?$/, '.cube.json');
  return u.href;
}

/** Days since 1970-01-01 of a YYYY-MM-DD day (no time zones involved). */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** The YYYY-MM-DD of a day number. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A cube that cannot be read, for the warning the backend prints before using the engine. */
export function cubeProblem(url: string, reason: string): PiccoliDataError {
  return new PiccoliDataError('format', `${url}: ${reason}; answering from the data file instead.`, url, {
    kind: 'stale-cube',
    params: { reason },
  });
}
