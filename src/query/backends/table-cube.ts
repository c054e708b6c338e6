import { config } from '../../data/config.js';
import type { ConnectorSettings } from '../../data/clickhouse/connector.js';
import type { CubeFile } from '../cube.js';
import type { QueryRequest } from '../types.js';
import type { Backend, BackendAnswer } from './backend.js';
import { warn, type LoadedCube } from './cube-backend.js';

/**
 * The cube a site ships for its connector's table (`clickhouseConnector({ cube })`): it
 * answers the elements' first paint with no round trip to the server. There is no file
 * beside it to compare with: it answers for the table it was built from, named by the
 * connector's label. Loaded with the first request of a page that has a connector.
 */
export class TableCubeBackend implements Backend {
  readonly name = 'cube';
  private _cube?: Promise<LoadedCube | null>;

  constructor(
    private readonly _settings: Readonly<ConnectorSettings>,
    private readonly _label: string,
  ) {}

  async answer(req: QueryRequest): Promise<BackendAnswer | null> {
    const cube = await this.cube();
    if (!cube) return null;
    // A cube that names nobody: the connector's own `source`, if the site gave one.
    const base = { backend: 'cube' as const, source: this._label, publisher: cube.publisher ?? this._settings.source ?? null };
    if (req.kind === 'trend') return { kind: 'trend', ...base, ...cube.index.trend(req) };
    return req.kind === 'funnel'
      ? { kind: 'funnel', ...base, ...cube.index.funnel(req) }
      : { kind: 'areas', ...base, ...cube.index.areas(req) };
  }

  prepare(): void {
    void this.cube();
  }

  /** Fetched once; a network failure is not remembered (the next request asks again). */
  cube(): Promise<LoadedCube | null> {
    if (!this._cube) {
      this._cube = loadTableCube(this._settings.cube!, this._label).catch(() => {
        this._cube = undefined;
        return null;
      });
    }
    return this._cube;
  }
}

async function loadTableCube(url: string, table: string): Promise<LoadedCube | null> {
  const evaluator = import('../cube-eval.js');
  evaluator.catch(() => undefined);
  const limitMs = config().stallTimeoutMs ?? 30_000;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), limitMs);
  let json: unknown;
  try {
    const res = await fetch(url, { signal: ctrl.signal }).catch(() => null);
    if (!res && !ctrl.signal.aborted) throw new Error(`${url} could not be fetched`); // not remembered
    if (!res?.ok) return warn(url, res ? `the server answered ${res.status}` : `no answer within ${limitMs} ms`);
    json = await res.json().catch(() => undefined);
    if (json === undefined) return warn(url, 'not valid JSON');
  } finally {
    clearTimeout(timer);
  }
  const { CubeIndex, checkCube } = await evaluator;
  const problem = checkCube(json);
  if (problem) return warn(url, problem);
  const cube = json as CubeFile;
  return { index: new CubeIndex(cube), dataUrl: table, publisher: typeof cube.source === 'string' ? cube.source : null };
}
