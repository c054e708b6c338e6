import { PiccoliDataError, abortError } from './errors.js';

/** Bytes loaded so far of a source; `total` is undefined when the server does not say. */
export interface LoadProgress {
  source: string;
  loaded: number;
  total?: number;
}

export interface FetchOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /** Give up when no byte arrives for this long (a stalled server). Default 30 s. */
  stallTimeoutMs?: number;
  /** The download allowance before its bytes are counted (see `downloadAllowanceMs`). Default 60 s. */
  downloadTimeoutMs?: number;
  /** Refuse files larger than this, before downloading them when the size is known. */
  maxBytes?: number;
}

export const DEFAULT_STALL_MS = 30_000;
export const DEFAULT_DOWNLOAD_MS = 60_000;
/** The slowest average a download may keep once its allowance is spent: a poor mobile connection. */
export const MIN_BYTES_PER_SECOND = 20_000;

/**
 * How long a download that has received `loaded` bytes may have taken: `base` (default
 * 60 s) plus 1 s for every 20 kB received. A slow but steady download of a large file is
 * never cut (at 20 kB/s or more its allowance grows faster than the clock); a server
 * that trickles a few bytes at a time, and so resets the stall timer forever, is given
 * up after about `base`. The stall timeout still ends a download that stops altogether.
 */
export function downloadAllowanceMs(loaded: number, base: number = DEFAULT_DOWNLOAD_MS): number {
  return base + (loaded / MIN_BYTES_PER_SECOND) * 1000;
}
/** 1 GiB: beyond this a tab runs out of memory long before DuckDB does anything useful. */
export const DEFAULT_MAX_BYTES = 1 << 30;

/**
 * Download a URL into memory, reporting progress and failing with a typed error that
 * says which URL and why: HTTP status, no network, a server that stalls, too large.
 */
export async function fetchBytes(url: string, opts: FetchOptions = {}): Promise<Uint8Array> {
  const { signal, onProgress } = opts;
  const stallMs = opts.stallTimeoutMs ?? DEFAULT_STALL_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const ctrl = new AbortController();
  const started = performance.now();
  let loaded = 0;
  let gaveUp: 'stalled' | 'slow' | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Re-armed at every chunk: whichever comes first, the stall timeout or the end of the allowance.
  const arm = () => {
    clearTimeout(timer);
    const left = started + downloadAllowanceMs(loaded, opts.downloadTimeoutMs) - performance.now();
    timer = setTimeout(
      () => {
        gaveUp = left < stallMs ? 'slow' : 'stalled';
        ctrl.abort();
      },
      Math.max(0, Math.min(stallMs, left)),
    );
  };
  const onAbort = () => ctrl.abort();
  if (signal?.aborted) throw abortError(url);
  signal?.addEventListener('abort', onAbort, { once: true });
  const fail = (e: unknown): never => {
    if (gaveUp === 'slow') {
      const seconds = Math.round((performance.now() - started) / 1000);
      throw new PiccoliDataError('timeout', `${url}: the server sent only ${loaded} bytes in ${seconds} s; try again later.`, url, {
        kind: 'slow-download',
        params: { bytes: loaded, seconds },
      });
    }
    if (gaveUp === 'stalled') {
      throw new PiccoliDataError(
        'timeout',
        `${url}: the server stopped sending data for ${Math.round(stallMs / 1000)} s; try again later.`,
        url,
      );
    }
    if (signal?.aborted) throw abortError(url);
    if (e instanceof PiccoliDataError) throw e;
    throw new PiccoliDataError('network', `${url} could not be fetched (network error or blocked by the browser).`, url, { cause: e });
  };
  try {
    arm();
    let res: Response;
    try {
      res = await fetch(url, { signal: ctrl.signal });
    } catch (e) {
      return fail(e);
    }
    if (signal?.aborted) throw abortError(url);
    if (!res.ok) {
      throw new PiccoliDataError(
        'http',
        `${url} could not be loaded: the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`,
        url,
        { params: { status: res.status } },
      );
    }
    const header = res.headers.get('content-length');
    // Content-Length is the encoded size; with gzip it understates the bytes we receive.
    const encoded = res.headers.get('content-encoding');
    const total = header && !encoded ? Number(header) : undefined;
    if (total !== undefined && total > maxBytes) {
      ctrl.abort();
      throw tooLarge(url, total, maxBytes);
    }
    if (!res.body) {
      const buf = new Uint8Array(await res.arrayBuffer());
      onProgress?.({ source: url, loaded: buf.byteLength, total: buf.byteLength });
      return buf;
    }
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    onProgress?.({ source: url, loaded: 0, total });
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        return fail(e);
      }
      if (step.done) break;
      arm();
      chunks.push(step.value);
      loaded += step.value.byteLength;
      if (loaded > maxBytes) {
        ctrl.abort();
        throw tooLarge(url, loaded, maxBytes);
      }
      onProgress?.({ source: url, loaded, total });
    }
    onProgress?.({ source: url, loaded, total: loaded });
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(loaded);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function tooLarge(url: string, size: number, max: number): PiccoliDataError {
  const mb = (n: number) => `${Math.round(n / 1e6).toLocaleString('it-IT')} MB`;
  return new PiccoliDataError('format', `${url} is too large to load in a browser tab (${mb(size)}; the limit is ${mb(max)}).`, url);
}
