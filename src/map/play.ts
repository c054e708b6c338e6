import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatDate, type Lang } from '../i18n/index.js';

/**
 * The map's "play" over as-of (`<piccoli-map play>`): a visible control that steps the
 * map's date month by month from the programme's first day to the element's own date
 * (its `as-of`, else the data's last day), recolouring the drawn map in place at each
 * step. ▶ Riproduci / ⏸ Pausa and a slider; with prefers-reduced-motion nothing moves by
 * itself: previous and next buttons and the slider step by hand. A polite live region
 * says the date, at most every few seconds while playing. It stops when the element
 * leaves the page, when `play` is removed, and when the element's own date, programme or
 * file changes. Other elements on the page do not follow the played date: a funnel or a
 * trend changing every second would compete with the map for the reader's attention (and
 * re-ask its numbers each step); the map's own `as-of` is left as the page wrote it.
 * Loaded with the drawing code (src/map/drawing.ts), never in the element's first load.
 */

/** What the player needs of its element. */
export interface PlayHost extends ReactiveControllerHost, HTMLElement {
  play: boolean;
  /** Milliseconds between steps while playing. */
  playInterval: number;
  asOf?: string;
  programme?: string;
  src?: string;
}

/** What the map's data says about dates: the day shown, and the programme's first. */
export interface PlayData {
  asOf: string;
  firstDate: string;
}

/** The words of the control (the map's strings). */
export interface PlayStrings {
  play: string;
  pause: string;
  previous: string;
  next: string;
  playDate: string;
  playGroup: string;
  asOf: (date: string) => string;
}

/** Shortest time between two announcements while playing (a screen reader needs to finish). */
const ANNOUNCE_GAP = 3000;

/**
 * The dates a play steps through: the first day, the last day of each month after it, and
 * `end`; only `end` when it is not after `first`.
 * @example playDates('2021-05-03', '2021-07-15') // ['2021-05-03', '2021-05-31', '2021-06-30', '2021-07-15']
 */
export function playDates(first: string, end: string): string[] {
  if (!(first < end)) return [end];
  const out = [first];
  const [y, m] = first.split('-').map(Number);
  for (let i = 0; ; i++) {
    // Day 0 of the next month is the last day of this one.
    const last = new Date(Date.UTC(y!, m! + i, 0)).toISOString().slice(0, 10);
    if (last >= end) break;
    if (last > first) out.push(last);
  }
  out.push(end);
  return out;
}

export const playStyles = css`
  .play {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    margin: 0.5em 0;
    font-size: 0.875em;
  }
  .play button {
    font: inherit;
    color: var(--_primary);
    background: var(--_bg);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.2em 0.7em;
    cursor: pointer;
  }
  .play button:disabled {
    color: var(--_muted);
    cursor: default;
  }
  .play input {
    flex: 1 1 8em;
    min-width: 6em;
    accent-color: var(--_primary);
  }
  .play button:focus-visible,
  .play input:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  .play output {
    font-variant-numeric: tabular-nums;
  }
`;

export class MapPlayer implements ReactiveController {
  playing = false;
  private _date: string | null = null;
  private _dates: string[] = [];
  /** The element's own date, programme and file the steps were made for. */
  private _own = '';
  private _timer?: ReturnType<typeof setTimeout>;
  private _said = '';
  private _saidAt = -Infinity;
  private _sayTimer?: ReturnType<typeof setTimeout>;
  private readonly _motion = matchMedia('(prefers-reduced-motion: reduce)');
  private readonly _onMotion = () => {
    if (this._motion.matches) this.pause();
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: PlayHost,
    /** The map's data once a run is complete (undefined while one is pending). */
    private readonly shown: () => PlayData | undefined,
  ) {
    host.addController(this);
    const root = host.shadowRoot;
    const sheet = playStyles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this._own = this._key();
  }

  /**
   * The date the map is stepped to; null: the element's own (the last step, and whenever
   * `play` is off or the element's own date, programme or file changed since the steps were made).
   */
  get date(): string | null {
    return this.host.play && this._own === this._key() ? this._date : null;
  }

  private _key(): string {
    return `${this.host.asOf}|${this.host.programme}|${this.host.src}`;
  }

  hostConnected(): void {
    this._motion.addEventListener('change', this._onMotion);
  }

  hostDisconnected(): void {
    this._motion.removeEventListener('change', this._onMotion);
    this.pause();
    clearTimeout(this._sayTimer);
  }

  /** Before each update: a changed date, programme or file (or no `play`) stops the play and starts afresh. */
  hostUpdate(): void {
    const own = this._key();
    if (own !== this._own || !this.host.play) {
      this.pause();
      this._date = null;
    }
    this._own = own;
  }

  /** After each update: learn the dates from the element's own answer, and take the next step once a step is painted. */
  hostUpdated(): void {
    const d = this.shown();
    if (!d) return;
    const dates = this._date === null ? playDates(d.firstDate, d.asOf) : this._dates;
    if (dates.join() !== this._dates.join()) {
      this._dates = dates;
      this.host.requestUpdate(); // the control appears (or changes) with the dates
    }
    if (this.playing && this._timer === undefined && d.asOf === this._at) {
      this._timer = setTimeout(() => {
        this._timer = undefined;
        if (this._index < this._dates.length - 1) this.go(this._index + 1, true);
        if (this._index >= this._dates.length - 1) this.pause();
      }, this.host.playInterval);
    }
  }

  /** Whether steps go by themselves: not when the reader asks for reduced motion. */
  get reduced(): boolean {
    return this._motion.matches;
  }

  private get _index(): number {
    return this._date === null ? this._dates.length - 1 : this._dates.indexOf(this._date);
  }

  /** The date of the current step (the element's own at the end). */
  private get _at(): string | undefined {
    return this._dates[this._index];
  }

  /** Show step `i`; `say`: announce its date in the live region (not for the slider, which says its own value). */
  go(i: number, say: boolean): void {
    const n = this._dates.length;
    if (!n) return;
    const at = Math.max(0, Math.min(n - 1, i));
    this._date = at === n - 1 ? null : this._dates[at]!;
    if (say) this._say(this._dates[at]!);
    this.host.requestUpdate();
  }

  /** Start stepping (from the first date when at the last); nothing with reduced motion. */
  start(): void {
    if (this.reduced || this._dates.length < 2) return;
    this.playing = true;
    if (this._index >= this._dates.length - 1) this.go(0, true);
    else this.host.requestUpdate();
  }

  pause(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
    if (!this.playing) return;
    this.playing = false;
    const at = this._at;
    if (at) this._say(at, true);
    this.host.requestUpdate();
  }

  private _lang: Lang = 'it';
  private _t?: PlayStrings;

  /** Put a date in the live region: at once when the last was a while ago (or `now`), else when the gap has passed. */
  private _say(date: string, now = false): void {
    clearTimeout(this._sayTimer);
    const say = () => {
      this._said = this._t ? this._t.asOf(formatDate(date, this._lang)) : date;
      this._saidAt = performance.now();
      this.host.requestUpdate();
    };
    const wait = this._saidAt + ANNOUNCE_GAP - performance.now();
    if (now || !this.playing || wait <= 0) say();
    else this._sayTimer = setTimeout(say, wait);
  }

  /** The control, under the map. */
  render(t: PlayStrings, lang: Lang): TemplateResult | typeof nothing {
    this._t = t;
    this._lang = lang;
    const n = this._dates.length;
    if (!this.host.play || n < 2) return nothing;
    const i = this._index;
    const at = formatDate(this._dates[i]!, lang);
    const step = (by: number, label: string, glyph: string, edge: boolean) =>
      html`<button type="button" class="step" data-step=${by} aria-label=${label} title=${label} ?disabled=${edge} @click=${() => this.go(i + by, true)}>
        <span aria-hidden="true">${glyph}</span>
      </button>`;
    return html`<div class="play" part="play" role="group" aria-label=${t.playGroup}>
      ${
        this.reduced
          ? step(-1, t.previous, '◀', i <= 0)
          : html`<button type="button" class="toggle" @click=${() => (this.playing ? this.pause() : this.start())}>
              <span aria-hidden="true">${this.playing ? '⏸' : '▶'}</span> ${this.playing ? t.pause : t.play}
            </button>`
      }
      <input
        type="range"
        min="0"
        max=${n - 1}
        step="1"
        .value=${String(i)}
        aria-label=${t.playDate}
        aria-valuetext=${at}
        @input=${(e: Event) => {
          this.pause();
          this.go(Number((e.target as HTMLInputElement).value), false);
        }}
      />
      ${this.reduced ? step(1, t.next, '▶', i >= n - 1) : nothing}
      <output aria-hidden="true">${at}</output>
      <span class="visually-hidden" role="status">${this._said}</span>
    </div>`;
  }
}
