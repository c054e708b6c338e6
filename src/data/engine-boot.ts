import { config, engineAssets } from './config.js';

/**
 * Starting DuckDB-WASM's worker and its wasm before the engine's own JavaScript (~600 KB
 * of DuckDB-WASM and apache-arrow) has arrived. Compiling the 34 MB wasm is the longest
 * step of the engine path (~0.8 s here); it starts the moment a backend knows it needs
 * the engine, in parallel with the download of that JavaScript, instead of after it.
 *
 * This speaks the worker's own instantiate message ({ messageId, type: 'INSTANTIATE',
 * data: [wasm URL, pthread worker URL] }, answered OK or ERROR, with INSTANTIATE_PROGRESS
 * on the way: AsyncDuckDB.instantiate() in @duckdb/duckdb-wasm 1.32), with a message id
 * no AsyncDuckDB will use. The engine then wraps the instantiated worker in its
 * AsyncDuckDB (src/data/engine.ts). Its test: test/browser/data/engine-boot.test.ts.
 */

export interface BootedEngine {
  worker: Worker;
  mainModule: string;
  /** Resolves when the wasm is compiled and DuckDB is instantiated in the worker. */
  instantiated: Promise<void>;
  /** Download progress of the wasm, as the worker reports it. */
  onProgress: (listener: (loaded: number, total: number | undefined) => void) => void;
}

/** Far above the ids AsyncDuckDB numbers its own messages with (from 0). */
const BOOT_MESSAGE_ID = 0x3fff_fff0;
/** A module using a WebAssembly exception-handling instruction (DuckDB-WASM's own test for its `eh` build). */
const EH_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

let booted: BootedEngine | undefined;
/** Whether an engine has taken a boot: from then on, only its restart boots again. */
let taken = false;

/**
 * Start the worker and its instantiation, once, unless the page hands in its own DuckDB
 * (configure({ duckdb })). Cheap to call again: later calls return the same boot.
 */
export function bootEngine(): BootedEngine | undefined {
  if (booted || config().duckdb || typeof Worker === 'undefined') return booted;
  const assets = engineAssets();
  const bundle = WebAssembly.validate(EH_PROBE) ? assets.eh : assets.mvp;
  const worker = makeWorker(bundle.mainWorker);
  const listeners = new Set<(loaded: number, total: number | undefined) => void>();
  const instantiated = new Promise<void>((resolve, reject) => {
    const onMessage = (e: MessageEvent<{ requestId?: number; type?: string; data?: unknown }>) => {
      const m = e.data;
      if (m?.requestId !== BOOT_MESSAGE_ID) return;
      if (m.type === 'INSTANTIATE_PROGRESS') {
        const p = m.data as { bytesLoaded: number; bytesTotal: number };
        for (const l of listeners) l(p.bytesLoaded, p.bytesTotal || undefined);
        return;
      }
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (m.type === 'OK') resolve();
      else reject(new Error((m.data as { message?: string } | undefined)?.message ?? `DuckDB-WASM could not start (${String(m.type)})`));
    };
    const onError = (e: ErrorEvent) => {
      worker.removeEventListener('message', onMessage);
      reject(new Error(e.message || 'the DuckDB-WASM worker failed to start'));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
  instantiated.catch(() => undefined); // the engine awaits it and reports the error
  worker.postMessage({ messageId: BOOT_MESSAGE_ID, type: 'INSTANTIATE', data: [bundle.mainModule, null] });
  booted = { worker, mainModule: bundle.mainModule, instantiated, onProgress: (l) => listeners.add(l) };
  return booted;
}

/** The boot in progress or done, handed to the engine once (a restarted engine boots anew). */
export function takeBootedEngine(): BootedEngine | undefined {
  const b = bootEngine();
  booted = undefined;
  taken = true;
  return b;
}

/**
 * What a backend calls the moment it knows it needs the engine: boots it unless an
 * engine already took a boot (then it is running or starting, and a second worker would
 * only compile the wasm again for nothing).
 */
export function bootEngineEarly(): void {
  if (!taken) bootEngine();
}

/**
 * A worker from our own origin is started directly (a strict CSP allows that); one from
 * another origin, when a site loads the bundle from a different host, goes through a
 * same-origin blob that imports it, as browsers refuse cross-origin worker URLs.
 */
export function makeWorker(url: string): Worker {
  const u = new URL(url, document.baseURI);
  if (u.origin === location.origin) return new Worker(u);
  const blob = new Blob([`importScripts(${JSON.stringify(u.href)});`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob));
}
