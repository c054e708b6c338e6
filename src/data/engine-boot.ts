import duckdbEhWasm from 'asset:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm.gz';
import duckdbEhWorker from 'asset:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
import duckdbEhWorkerGz from 'asset:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js.gz';
import engineWorker from 'asset:/src/data/engine-worker.js';
import { config, resolveAsset } from './config.js';
import { PiccoliDataError } from './errors.js';
import { downloadAllowanceMs, DEFAULT_STALL_MS } from './fetch.js';

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
 *
 * The wasm ships gzipped (dist/duckdb/duckdb-eh.wasm.gz, 7.6 MB for 34 MB, on servers
 * that compress nothing as on those that do): the worker starts with a script of our own
 * (engine-worker.js) that inflates it as it arrives, so the browser still compiles it
 * while it downloads, and reports the download's progress in bytes on the wire.
 *
 * DuckDB-WASM's worker script ships gzipped too (duckdb-browser-eh.worker.js.gz, 0.19 MB
 * for 0.77 MB): the page fetches and inflates it, and starts the worker from one blob
 * holding engine-worker.js's import and the script itself (the CSP the README asks for
 * allows blob workers, not blob scripts, so it is not imported by a blob URL). Where that
 * file is missing or cannot be read, or the page refuses blob workers, the worker
 * imports the plain duckdb-browser-eh.worker.js by its URL, as before.
 *
 * A boot never hangs. DuckDB-WASM 1.32 leaves a failed wasm download or compile as an
 * unhandled rejection inside its worker, never answering (its instantiateStreaming has
 * no catch): engine-worker.js reports such a rejection, with the HTTP status the wasm
 * was answered with. A boot that hears
 * nothing for the stall timeout, or downloads slower than the download allowance
 * (fetch.ts), fails too. Every failure is a typed error (kind 'engine-download', or
 * 'engine' for a worker that died) and ends the worker.
 */

export interface BootedEngine {
  /**
   * The worker (read it once `instantiated` resolves: it is made once DuckDB-WASM's worker
   * script has arrived, and a refused blob worker is replaced).
   */
  readonly worker: Worker;
  /** Stop this boot: its script download, and its worker, made or yet to be made. */
  terminate(): void;
  mainModule: string;
  /** Resolves when the wasm is compiled and DuckDB is instantiated in the worker. */
  instantiated: Promise<void>;
  /** Resolves once the worker exists (its wasm on the way), or the boot has ended. */
  started: Promise<void>;
  /**
   * Download progress of the wasm in bytes on the wire, as the worker reports it; once all
   * of it is in, one last call with no total: the engine is compiling and starting.
   */
  onProgress: (listener: (loaded: number, total: number | undefined) => void) => void;
  /**
   * Resolves when the worker is gone: terminated, crashed, killed for its memory. Known
   * through a Web Lock the worker holds for its whole life; never resolves where the
   * browser has no Web Locks (an insecure context), where the engine's health check
   * (a ping with a deadline) finds a silent worker instead.
   */
  died: Promise<void>;
}

/**
 * The engine's files, named here rather than in a chunk the boot would wait for: DuckDB's
 * wasm, gzipped only (7.6 MB instead of 34 MB, on any server: the worker inflates it as
 * it arrives); DuckDB-WASM's worker script, gzipped (the page inflates it) and plain (for
 * pages that refuse blob workers); and the script that starts it. Only DuckDB-WASM's
 * exception-handling build ships: every browser the library supports runs it (README,
 * "Browsers").
 */
export function engineAssets() {
  return {
    mainModule: resolveAsset(duckdbEhWasm, 'duckdb'),
    mainWorker: resolveAsset(duckdbEhWorker, 'duckdb'),
    mainWorkerGz: resolveAsset(duckdbEhWorkerGz, 'duckdb'),
    starter: resolveAsset(engineWorker, 'duckdb'),
  };
}

/** Far above the ids AsyncDuckDB numbers its own messages with (from 0). */
const BOOT_MESSAGE_ID = 0x3fff_fff0;
/**
 * A module using a WebAssembly exception-handling instruction (DuckDB-WASM's own test for
 * its `eh` build, the only one shipped): Chrome 95, Firefox 100, Safari 15.2 and later.
 */
const EH_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

let booted: BootedEngine | undefined;
/** Whether an engine has taken a boot: from then on, only its restart boots again. */
let taken = false;
let workers = 0;
/** The page's CSP refused a blob worker (`worker-src 'self'` without `blob:`): start workers from their URL. */
let blobWorkersRefused = false;

/** What the starter script reports (as INSTANTIATE_PROGRESS, which AsyncDuckDB passes over silently). */
type StarterReport =
  | { event: 'started' }
  | { event: 'alive' }
  | { event: 'progress'; loaded: number; total?: number; last: boolean }
  | { event: 'script'; file?: string; name: string; message: string }
  | { event: 'rejection'; name: string; message: string; status?: number; damaged?: boolean };

/**
 * Start the worker and its instantiation, once, unless the page hands in its own DuckDB
 * (configure({ duckdb })). Cheap to call again: later calls return the same boot.
 */
export function bootEngine(): BootedEngine | undefined {
  if (booted || config().duckdb || typeof Worker === 'undefined') return booted;
  const bundle = engineAssets();
  const lock = `piccoli-dashboard.engine.${Date.now().toString(36)}.${++workers}.${Math.random().toString(36).slice(2)}`;
  const params: StarterParams = { id: BOOT_MESSAGE_ID, lock, worker: bundle.mainWorker, wasm: bundle.mainModule };
  const unsupported = missingFeature();
  // Made once the worker's script is known (inflated, or the plain file's URL).
  let worker: Worker = undefined!;
  let viaBlob = !blobWorkersRefused;
  let starterRan = false;
  const wasmFile = fileName(bundle.mainModule);
  let workerFile = fileName(bundle.mainWorker);
  const listeners = new Set<(loaded: number, total: number | undefined) => void>();
  let died!: () => void;
  const diedPromise = new Promise<void>((resolve) => (died = resolve));
  const { stallTimeoutMs: stallMs = DEFAULT_STALL_MS, downloadTimeoutMs } = config();
  /** When the wasm's download began (its first progress): its allowance counts from there. */
  let started: number | undefined;
  let loaded = 0;
  let total: number | undefined;
  let alive = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scriptFetch = new AbortController();
  let stop!: () => void;
  let workerMade!: () => void;
  const workerStarted = new Promise<void>((resolve) => (workerMade = resolve));

  const instantiated = new Promise<void>((resolve, reject) => {
    let settled = false;
    const end = (error?: PiccoliDataError) => {
      if (settled) return;
      settled = true;
      workerMade();
      clearTimeout(timer);
      scriptFetch.abort();
      worker?.removeEventListener('message', onMessage);
      worker?.removeEventListener('error', onError);
      if (!error) return resolve();
      worker?.terminate(); // of no use any more; a retry boots a new one
      reject(error);
    };
    const downloadFailed = (file: string, problem: string, detail: string, status?: number) =>
      end(
        new PiccoliDataError('engine', `The DuckDB engine could not start: ${file} ${detail}.`, undefined, {
          kind: 'engine-download',
          params: { asset: file, problem, status },
        }),
      );
    // Nothing heard for the stall timeout, or a download slower than its allowance.
    const arm = () => {
      clearTimeout(timer);
      const downloading = started !== undefined && (total === undefined || loaded < total);
      const left = downloading ? started! + downloadAllowanceMs(loaded, downloadTimeoutMs) - performance.now() : Infinity;
      timer = setTimeout(
        () =>
          left < stallMs
            ? downloadFailed(
                wasmFile,
                'slow',
                `arrived too slowly (${loaded} bytes in ${Math.round((performance.now() - started!) / 1000)} s)`,
              )
            : downloadFailed(alive ? wasmFile : workerFile, 'stalled', `stopped arriving for ${Math.round(stallMs / 1000)} s`),
        Math.max(0, Math.min(stallMs, left)),
      );
    };
    const onMessage = (e: MessageEvent<{ requestId?: number; type?: string; data?: unknown }>) => {
      const m = e.data;
      if (m?.requestId !== BOOT_MESSAGE_ID) return;
      if (m.type === 'INSTANTIATE_PROGRESS') {
        // DuckDB-WASM's own reports count the inflated bytes, against no total: ours count
        // the bytes on the wire (engine-worker.js).
        const report = (m.data as { piccoli?: StarterReport } | undefined)?.piccoli;
        if (report) onReport(report);
        return;
      }
      if (m.type === 'OK') return end();
      const message = (m.data as { message?: string } | undefined)?.message ?? String(m.type);
      end(new PiccoliDataError('engine', `The DuckDB engine could not start: ${message}`));
    };
    const onReport = (r: StarterReport) => {
      if (r.event === 'started') {
        starterRan = true;
      } else if (r.event === 'progress') {
        started ??= performance.now();
        loaded = r.loaded;
        total = r.last ? loaded : r.total;
        arm();
        for (const l of listeners) l(loaded, total);
        // All of it is in: compiling and starting now, which no percentage measures.
        if (r.last) for (const l of listeners) l(loaded, undefined);
      } else if (r.event === 'alive') {
        alive = true;
        arm();
        // Granted only once the worker, which holds the lock for its whole life, is gone.
        void navigator.locks?.request(lock, () => died()).catch(() => undefined);
      } else if (r.event === 'script') {
        const cut = r.name === 'SyntaxError';
        downloadFailed(
          r.file ? fileName(r.file) : workerFile,
          cut ? 'incomplete' : 'unavailable',
          `${cut ? 'is incomplete or damaged' : 'could not be loaded'} (${r.message})`,
        );
      } else if (r.status) {
        downloadFailed(wasmFile, 'http', `could not be loaded: the server answered ${r.status}`, r.status);
      } else if (r.name === 'CompileError' || r.damaged || (total !== undefined && loaded < total)) {
        downloadFailed(wasmFile, 'incomplete', `arrived incomplete or damaged (${r.name}: ${r.message})`);
      } else if (r.name === 'TypeError') {
        downloadFailed(wasmFile, 'unavailable', `could not be loaded (${r.message})`);
      } else {
        end(new PiccoliDataError('engine', `The DuckDB engine could not start: ${r.name}: ${r.message}`));
      }
    };
    const onError = (e: ErrorEvent) => {
      if (viaBlob && !starterRan && sameOrigin(bundle.starter)) {
        // The page refuses blob workers (its CSP): the worker from engine-worker.js's URL.
        blobWorkersRefused = true;
        viaBlob = false;
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        worker.terminate();
        worker = makeWorker(bundle.starter, params, false);
        listen();
        return;
      }
      if (!viaBlob && !starterRan) workerFile = fileName(bundle.starter);
      downloadFailed(workerFile, 'unavailable', `could not be started${e.message ? ` (${e.message})` : ''}`);
    };
    const listen = () => {
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ messageId: BOOT_MESSAGE_ID, type: 'INSTANTIATE', data: [bundle.mainModule, null] });
      workerMade();
    };
    if (unsupported) {
      return end(new PiccoliDataError('engine', `The DuckDB engine cannot run in this browser: it lacks ${unsupported}.`));
    }
    void diedPromise.then(() => end(new PiccoliDataError('engine', 'The DuckDB worker stopped while it was starting.')));
    stop = () => {
      end(new PiccoliDataError('engine', 'The DuckDB engine was stopped while it was starting.'));
      worker?.terminate();
    };
    arm(); // a script that stops arriving fails the boot as the worker's would
    if (!viaBlob) {
      worker = makeWorker(bundle.starter, params, false);
      listen();
    } else {
      void inflatedWorkerScript(bundle.mainWorkerGz, scriptFetch.signal).then((script) => {
        if (settled) return;
        worker = makeWorker(bundle.starter, params, true, script);
        listen();
      });
    }
  });
  instantiated.catch(() => undefined); // the engine awaits it and reports the error
  booted = {
    get worker() {
      return worker;
    },
    terminate: () => (stop ? stop() : worker?.terminate()),
    mainModule: bundle.mainModule,
    instantiated,
    started: workerStarted,
    onProgress: (l) => listeners.add(l),
    died: diedPromise,
  };
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
 * only compile the wasm again for nothing). Resolves once the worker exists (`started`).
 */
export function bootEngineEarly(): Promise<void> | undefined {
  return taken ? undefined : bootEngine()?.started;
}

/** DuckDB-WASM's worker script, inflated once per page and URL (an engine restart reuses it). */
let workerScript: { url: string; text: Promise<string | undefined> } | undefined;

/**
 * The text of DuckDB-WASM's worker script from its gzipped file, or undefined when that
 * cannot be had (no such file, an error status, a network failure, bytes that do not
 * inflate): the worker then imports the plain file, whose own failure is reported. A
 * server that decoded the file itself (Content-Encoding: gzip) hands over the script,
 * recognised by not starting with gzip's magic bytes.
 */
function inflatedWorkerScript(gzUrl: string, signal: AbortSignal): Promise<string | undefined> {
  if (workerScript?.url === gzUrl) return workerScript.text;
  const text = (async () => {
    try {
      const r = await fetch(gzUrl, { signal });
      if (!r.ok) return undefined;
      const bytes = new Uint8Array(await r.arrayBuffer());
      const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
      const text = gzipped
        ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
        : new TextDecoder().decode(bytes);
      // Its source map is named relative to the blob's URL, where it is not.
      return text.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
    } catch {
      return undefined;
    }
  })();
  const entry = { url: gzUrl, text };
  workerScript = entry;
  void text.then((t) => {
    if (t === undefined && workerScript === entry) workerScript = undefined; // asked again next time
  });
  return text;
}

/** What engine-worker.js is told, in the worker's name. */
interface StarterParams {
  id: number;
  lock: string;
  /** DuckDB-WASM's worker script. */
  worker: string;
  /** The script follows engine-worker.js in the worker's own blob: it imports nothing. */
  inline?: true;
  /** The wasm (gzipped), which the worker inflates as it arrives. */
  wasm: string;
}

/** What this browser lacks to run the engine, if anything (README, "Browsers"). */
function missingFeature(): string | undefined {
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(EH_PROBE)) return 'WebAssembly exception handling';
  if (typeof DecompressionStream !== 'function') return 'DecompressionStream';
  return undefined;
}

/**
 * The engine's worker, running engine-worker.js (which then imports DuckDB-WASM's worker
 * script): from a same-origin blob (the CSP the README asks for allows `worker-src 'self'
 * blob:`) that imports both by URL, which may be on another origin (browsers refuse
 * cross-origin worker URLs, not cross-origin importScripts). Where the page refused a blob
 * worker (`viaBlob` false), a same-origin engine-worker.js starts from its URL. Either way
 * the worker's name carries what it is told.
 */
export function makeWorker(starterUrl: string, params: StarterParams, viaBlob = true, script?: string): Worker {
  const u = new URL(starterUrl, document.baseURI);
  const inline = viaBlob && script !== undefined;
  const name = JSON.stringify({
    ...params,
    worker: new URL(params.worker, document.baseURI).href,
    wasm: new URL(params.wasm, document.baseURI).href,
    ...(inline ? { inline: true } : {}),
  });
  if (!viaBlob && u.origin === location.origin) return new Worker(u, { name });
  // Says it started (a refused blob never does), and names engine-worker.js if it does not load.
  const starter = `"use strict";
self.postMessage({ requestId: ${params.id}, type: "INSTANTIATE_PROGRESS", data: { piccoli: { event: "started" } } });
try {
  importScripts(${JSON.stringify(u.href)});
} catch (e) {
  self.postMessage({ requestId: ${params.id}, type: "INSTANTIATE_PROGRESS", data: { piccoli: { event: "script", file: ${JSON.stringify(u.href)}, name: String((e && e.name) || ""), message: String((e && e.message) || e) } } });
}
`;
  // DuckDB-WASM's script, inflated by the page, runs right after engine-worker.js.
  const parts = inline ? [starter, ';\n', script] : [starter];
  const blobUrl = URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));
  // A blob URL is read as the worker starts: revoked once that is surely done.
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  return new Worker(blobUrl, { name });
}

function sameOrigin(url: string): boolean {
  return new URL(url, document.baseURI).origin === location.origin;
}

function fileName(url: string): string {
  return url.split(/[?#]/)[0]!.split('/').pop() || url;
}
