import cubeJson from 'asset:/data/programmes.cube.json';
import { bundledDataUrl, config } from '../../data/config.js';
import { defaultEventsUrl } from '../../data/bundled.js';
import { cubeProblem, cubeUrlFor, type CubeFile } from '../cube.js';
import type { CubeIndex } from '../cube-eval.js';
import type { QueryRequest } from '../types.js';
import type { Backend, BackendAnswer } from './backend.js';

export interface LoadedCube {
  index: CubeIndex;
  /** The data file the cube describes. */
  dataUrl: string;
  /** Who the data comes from, when the cube names it (`piccoli-data import --source`). */
  publisher: string | null;
}

/**
 * Answers from the cube beside a data file (`x.parquet` -> `x.cube.json`), with no
 * engine: the bundled data's cube, or the one `piccoli-data import` wrote beside a
 * site's file. The cube is fetched once per file; no cube (404), a cube this version
 * cannot read, or one whose data file has since changed size means null, and the
 * engine answers from the file itself.
 */
export class CubeBackend implements Backend {
  readonly name = 'cube';
  private readonly _cubes = new Map<string, Promise<LoadedCube | null>>();

  async answer(req: QueryRequest): Promise<BackendAnswer | null> {
    const cube = await this.cube(req.src);
    if (!cube) return null;
    const base = { backend: 'cube' as const, source: cube.dataUrl, publisher: cube.publisher };
    if (req.kind === 'trend') return { kind: 'trend', ...base, ...cube.index.trend(req) };
    return req.kind === 'funnel'
      ? { kind: 'funnel', ...base, ...cube.index.funnel(req) }
      : { kind: 'areas', ...base, ...cube.index.areas(req) };
  }

  prepare(req: QueryRequest): void {
    void this.cube(req.src);
  }

  /** The cube of a data file (null: the bundled data), or null when there is none to trust. */
  cube(src: string | null): Promise<LoadedCube | null> {
    const key = src ?? '';
    let p = this._cubes.get(key);
    if (!p) {
      // Remembered for the page, a missing cube too (every later request of the file goes
      // straight to the engine); a network failure is not: a retry asks again.
      p = load(src).catch(() => {
        this._cubes.delete(key);
        return null;
      });
      this._cubes.set(key, p);
    }
    return p;
  }
}

async function load(src: string | null): Promise<LoadedCube | null> {
  // The evaluator (counting, name resolution) is fetched beside the cube, not before it:
  // no element's first load carries it, and no request waits for it longer than for the cube.
  const evaluator = import('../cube-eval.js');
  evaluator.catch(() => undefined); // awaited below when there is a cube to read
  const dataUrl = src ?? defaultEventsUrl();
  const url = src ? cubeUrlFor(src) : bundledDataUrl(cubeJson);
  // Bounded like every download: a server that never finishes sending the cube leaves it
  // to the engine after the stall timeout instead of holding the element forever.
  const limitMs = config().stallTimeoutMs ?? 30_000;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), limitMs);
  let json: unknown;
  let head: Response | null;
  try {
    // A site's file may have been replaced without its cube: compare sizes (HEAD, in
    // parallel). The bundled cube is built with its data.
    let res: Response | null;
    [res, head] = await Promise.all([
      fetch(url, { signal: ctrl.signal }).catch(() => null),
      src ? fetch(src, { method: 'HEAD', signal: ctrl.signal }).catch(() => null) : Promise.resolve(null),
    ]);
    if (!res && !ctrl.signal.aborted) throw new Error(`${url} could not be fetched`); // not remembered
    if (!res || !res.ok) return ctrl.signal.aborted ? warn(url, `no answer within ${limitMs} ms`) : null; // no cube: the engine reads the file
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (length > (config().maxBytes ?? 2 ** 30)) return warn(url, `it is too large (${length} bytes)`);
    try {
      json = await res.json();
    } catch {
      return warn(url, ctrl.signal.aborted ? `no answer within ${limitMs} ms` : 'not valid JSON');
    }
  } finally {
    clearTimeout(timer);
  }
  const { CubeIndex, checkCube } = await evaluator;
  const problem = checkCube(json);
  if (problem) return warn(url, problem);
  const cube = json as CubeFile;
  const file = decodeURIComponent(new URL(dataUrl).pathname.split('/').pop() ?? '');
  const described = cube.sources.find((s) => s.file === file);
  if (src && !described) return warn(url, `it describes ${cube.sources.map((s) => s.file).join(', ')}, not ${file}`);
  const length = head?.ok && !head.headers.get('content-encoding') ? Number(head.headers.get('content-length') ?? NaN) : NaN;
  if (described && Number.isFinite(length) && length !== described.bytes) {
    return warn(url, `${file} has ${length} bytes, the cube was built from ${described.bytes}: rebuild it with piccoli-data import`);
  }
  return { index: new CubeIndex(cube), dataUrl, publisher: typeof cube.source === 'string' ? cube.source : null };
}

export function warn(url: string, reason: string): null {
  console.warn(`piccoli-dashboard: ${cubeProblem(url, reason).message}`);
  return null;
}
