/**
 * What the console's status line says while a run waits for the DuckDB engine to start:
 * the download of its wasm in percent, then that it is starting (no percentage measures
 * the compile). Loaded with a run, not with the console's first paint.
 */
import { getEngine, type EngineProgressEvent } from '../../data/engine.js';
import { formatPercent, type Lang } from '../../i18n/index.js';
import { words, loadWords } from '../../i18n/words.js';
import { OUTPUT_STRINGS } from './output-strings.js';

/**
 * Tell `show` what the engine's start is at, until the engine answers queries; then `show('')`.
 * An engine already started says nothing (its `ready()` settles before any timer).
 *
 * @example
 * watchEngine('it', (text) => (this._engine = text)); // 'Avvio del motore dei dati: 42 %', …, ''
 */
export function watchEngine(lang: Lang, show: (text: string) => void): void {
  const engine = getEngine();
  let done = false;
  /** What the engine is at: its download's share, NaN while it starts, undefined before any news. */
  let at: number | undefined;
  // Said in the console's language only: while that language's words are on their way
  // (a slow network), nothing is said rather than Italian.
  const say = () => {
    const s = words(OUTPUT_STRINGS, lang);
    if (done || at === undefined || !s) return;
    show(Number.isNaN(at) ? s.engineStarting : s.engineDownload(formatPercent(at, lang)));
  };
  const onProgress = (e: Event) => {
    const p = e as EngineProgressEvent;
    if (p.phase !== 'engine') return;
    at = p.total ? Math.min(1, p.loaded / p.total) : NaN;
    say();
  };
  const stop = () => {
    if (done) return;
    done = true;
    engine.removeEventListener('progress', onProgress);
    show('');
  };
  engine.addEventListener('progress', onProgress);
  void loadWords(OUTPUT_STRINGS, lang).then(say);
  // Between the download's end and the engine's first answer no event comes: say it is starting.
  setTimeout(() => {
    at ??= NaN;
    say();
  });
  engine.ready().then(stop, stop);
}
