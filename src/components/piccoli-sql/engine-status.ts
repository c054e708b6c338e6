/**
 * What the console's status line says while a run waits for the DuckDB engine to start:
 * the download of its wasm in percent, then that it is starting (no percentage measures
 * the compile). Loaded with a run, not with the console's first paint.
 */
import { getEngine, type EngineProgressEvent } from '../../data/engine.js';
import { formatPercent, type Lang } from '../../i18n/index.js';
import { outputWords } from './output-strings.js';

/**
 * Tell `show` what the engine's start is at, until the engine answers queries; then `show('')`.
 * An engine already started says nothing (its `ready()` settles before any timer).
 *
 * @example
 * watchEngine('it', (text) => (this._engine = text)); // 'Avvio del motore dei dati: 42 %', …, ''
 */
export function watchEngine(lang: Lang, show: (text: string) => void): void {
  const s = outputWords(lang);
  const engine = getEngine();
  let done = false;
  const onProgress = (e: Event) => {
    const p = e as EngineProgressEvent;
    if (p.phase === 'engine' && !done)
      show(p.total ? s.engineDownload(formatPercent(Math.min(1, p.loaded / p.total), lang)) : s.engineStarting);
  };
  const stop = () => {
    if (done) return;
    done = true;
    engine.removeEventListener('progress', onProgress);
    show('');
  };
  engine.addEventListener('progress', onProgress);
  // Between the download's end and the engine's first answer no event comes: say it is starting.
  setTimeout(() => done || show(s.engineStarting));
  engine.ready().then(stop, stop);
}
