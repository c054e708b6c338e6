/**
 * The console's words about its state: the status line (running, cancelled, a notice,
 * or how many rows in how long) and the alerts (a failed run with where DuckDB points,
 * an editor or data that could not load). Templates and text only: no state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatInteger, type Lang } from '../../i18n/index.js';
import { consoleWords } from './strings.js';

/** What the status line reports on. */
export interface StatusState {
  running: boolean;
  /** The engine's start, said instead of «running» while the run waits for it. */
  engine?: string;
  cancelled: boolean;
  /** A message of the last export or copy. */
  notice: string;
  /** The last result's size and time. */
  result?: { rows: number; elapsedMs: number };
}

/**
 * The status line, in `lang`.
 *
 * @example
 * statusText({ running: false, cancelled: false, notice: '', result: { rows: 1234, elapsedMs: 5.4 } }, 'it')
 * // '1.234 righe in 5 ms'
 */
export function statusText(st: StatusState, lang: Lang): string {
  const s = consoleWords(lang);
  if (st.running) return st.engine || s.running;
  if (st.cancelled) return s.cancelled;
  if (st.notice) return st.notice;
  if (!st.result) return '';
  const n = st.result.rows;
  const ms = formatInteger(Math.round(st.result.elapsedMs), lang);
  // One row: the summary's first words ("1 righe", "1 Zeilen") in the singular ("1 riga", "1 Zeile").
  const summary = s.resultSummary(formatInteger(n, lang), ms);
  return n === 1 ? summary.replace(/^1 \S+/, s.resultRow('1')) : summary;
}

/** A failed run as the console shows it. */
export interface RunError {
  code: string;
  message: string;
  /** DuckDB's first line, and the context it quotes (sql-error.ts). */
  headline: string;
  context: string | null;
  line?: number;
  column?: number;
}

/** DuckDB's message: its first line as the headline, where it points, the context it quotes. */
export function renderRunError(err: RunError, lang: Lang): TemplateResult {
  const where = err.line !== undefined && err.column !== undefined ? consoleWords(lang).errorAt(err.line, err.column) : '';
  const context = err.context;
  return html`<div class="alert error" role="alert" part="message">
    <strong>${err.headline}</strong>${where ? html` <span class="where">(${where})</span>` : nothing}
    ${context ? html`<pre>${context}</pre>` : nothing}
  </div>`;
}

/** An alert with a title and a message (the editor or the data could not load). */
export function renderAlert(title: string, text: string): TemplateResult {
  return html`<div class="alert" role="alert" part="message"><strong>${title}</strong> ${text}</div>`;
}
