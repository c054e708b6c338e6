import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { sameArgs } from '../../controllers/same-args.js';
import { html, isServer, nothing, type CSSResult, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CancellableLoad } from '../../controllers/cancellable-load.js';
import { SelectionController } from '../../controllers/selection.js';
import type { ProgrammeMeta } from '../../data/bundled.js';
import { PiccoliDataError, invalidOption, isAbortError } from '../../data/errors.js';
import { PiccoliLoadProgressEvent } from '../../events/index.js';
import { validDate } from '../../i18n/dates.js';
import { formatDate, formatInteger, formatPercent, inLang, placeName, type Lang } from '../../i18n/index.js';
import { loadWords } from '../../i18n/words.js';
import { coordinatorContext } from '../../query/context.js';
import type { Coordinator } from '../../query/coordinator.js';
import { basisOf } from '../../query/provenance.js';
import type { Basis, ErrorData, FunnelScope, TrendAnswer, TrendRequest } from '../../query/types.js';
import { theme } from '../../styles/theme.js';
import { styleProps } from '../../styles/style-props.js';
import { PiccoliElement } from '../piccoli-element.js';
import { provenanceStyles } from '../provenance.styles.js';
import { downloadButton } from '../download/trigger.js';
import { styles } from './piccoli-trend.styles.js';
import { STRINGS, type Strings } from './strings.js';
import { countsAt, publishedPoints, stepDate, trendTable, type TrendPoint, type TrendTable } from './trend-data.js';
import type { TrendCompared } from './trend-compare.js';

/** The drawing (Observable Plot) and the words about the numbers: loaded beside the data. */
type ViewModule = typeof import('./trend-view.js');
type ProvenanceModule = typeof import('../provenance.js');
let viewModule: ViewModule | undefined;
let provenanceModule: ProvenanceModule | undefined;

/** Stage counts of the programmes seen so far, so the skeleton's legend has the final shape. */
const stageCountHint = new Map<string, number>();

type Ask = TrendRequest | { kind: 'invalid'; error: ErrorData };
type Shown = { answer: TrendAnswer; table: TrendTable; published: TrendPoint[]; compared?: TrendCompared[] };
type Drawn = { svg: SVGSVGElement; x: (iso: string) => number };

/**
 * The cumulative count of each stage over time (engaged, needs analysed, plan submitted
 * ...), drawn with Observable Plot: the published figures as labelled points with their
 * source, the programme's milestones (start, deadlines, end) as labelled rules, and a
 * cursor on the chosen day. Like the funnel, it only describes what it needs (a
 * TrendRequest) and the page's coordinator answers it, from the cube when there is one
 * (no engine). Arrow keys on the chart step through the days a count changes and
 * announce the counts; a table gives the same numbers on demand.
 *
 * @summary Embeddable programme trend over time, with milestones and published figures.
 *
 * @fires piccoli-load-progress - Bytes loaded of a data file or of the engine, while they download.
 * @fires piccoli-error - The element shows an error message; detail has code, kind and message.
 *
 * @csspart figure - The whole trend.
 * @csspart caption - Title, area and date.
 * @csspart chart - The chart box (legend, drawing, reading of the chosen day); focusable, arrow keys move the cursor.
 * @csspart legend - The stage colours, and with `compare` each area's line pattern.
 * @csspart cursor - The line on the chosen day.
 * @csspart readout - The counts on the chosen day.
 * @csspart toggle - The button that shows or hides the table.
 * @csspart table - The data table (shown on demand).
 * @csspart provenance - The label saying whether the numbers are published or simulated.
 * @csspart source - The source line (who published the data, and the published figures cited).
 * @csspart about - The explanation of where the numbers come from, opened on demand.
 * @csspart message - Error and empty messages.
 * @csspart cancel - The button that stops a long download (shown with its progress).
 * @csspart download - The «Scarica» button in the caption, which opens the download menu (data as CSV, the data file, the picture as SVG or PNG); not printed.
 * @csspart published - The list of published figures under the table.
 * @csspart milestones - The list of milestones under the table.
 * @csspart announce - The (visually hidden) live region that reads the counts as the cursor moves.
 *
 * @cssproperty --piccoli-trend-height - Height of the chart box, legend and reading included (default 22rem).
 * @cssproperty --piccoli-color-primary - Focus ring and buttons (default #0066CC; dark #6AAEFC).
 * @cssproperty --piccoli-color-on-primary - Text on a primary-coloured button (default white; dark #0B1A2B).
 * @cssproperty --piccoli-color-text - Text, cursor, the last stage's line (default #1A1A1A; dark #E9EDF2).
 * @cssproperty --piccoli-color-muted - Secondary text (default #5C6F82; dark #A3B2C2).
 * @cssproperty --piccoli-color-track - Rules, skeleton, the chosen row (default #E6EEF7; dark #2B323B).
 * @cssproperty --piccoli-color-background - Background (default white; dark #121417).
 * @cssproperty --piccoli-color-error - Error messages (default #A61919; dark #FF8F8F).
 * @cssproperty --piccoli-color-published - The "published data" label (default #00693E; dark #5CCF95).
 * @cssproperty --piccoli-color-simulated - The "simulated data" label and marks (default #8A4B00; dark #F0A95A).
 * @cssproperty --piccoli-font - Font family (Titillium Web when the page has it, else the system's).
 * @cssproperty --piccoli-font-size - Base font size (default 1rem).
 * @cssproperty --piccoli-space - Padding unit (default 0.75rem).
 * @cssproperty --piccoli-radius - Corner radius of buttons, bars and boxes (default 4px).
 *
 * @attr theme - `light` or `dark`: the colour scheme whatever the reader's system asks for; unset, it follows `prefers-color-scheme`. Paper is always light; a site's --piccoli-color-* win in both schemes.
 *
 * @example
 * <piccoli-trend></piccoli-trend>
 * <piccoli-trend province="PC" as-of="2021-10-31" metric="share"></piccoli-trend>
 * <piccoli-trend programme="next-generation-siena" lang="en"></piccoli-trend>
 */
@customElement('piccoli-trend')
export class PiccoliTrend extends PiccoliElement {
  static override styles = [theme, styles, provenanceStyles];

  private readonly _selection = new SelectionController(this);
  private readonly _coordinator = new ContextConsumer(this, { context: coordinatorContext, subscribe: true });
  private readonly _trend = new Task(this, {
    task: ([ask, coordinator], { signal }) => this._answer(ask, coordinator, signal),
    args: () => [this._ask(), this._coordinator.value, this.compare] as const,
    argsEqual: sameArgs,
  });
  private readonly _load = new CancellableLoad(this, () => this._trend);

  @query('.plot') private _plot?: HTMLElement;
  /** The day the cursor is on; null: the answer's (the `as-of` day, or the latest). */
  @state() private _cursor: string | null = null;
  @state() private _tableOpen = false;
  @state() private _announce = '';
  @state() private _progress: { phase: 'engine' | 'source'; share: number } | null = null;
  /** Where each day falls on the drawn chart (px), for the cursor. */
  @state() private _x: ((iso: string) => number) | null = null;
  private _drawn?: { shown: Shown; width: number; lang: Lang; metric: string };
  private _resize?: ResizeObserver;
  /** The answer of a pre-rendered snapshot, as shown until the element's own first answer. */
  private _snapshotShown?: Shown;

  /**
   * Set in Node only (`piccoli-data snapshot`, src/ssr/trend.ts): the chart of a snapshot,
   * drawn by `draw` into a server-side document at a size of its choosing (there is no
   * layout to measure), with the cursor on `cursor`, as a value the template renders.
   * @internal
   */
  declare static serverChart: (
    draw: (document: Document, width: number, height: number) => Drawn,
    cursor: string,
    adopt: (s: CSSResult) => void,
  ) => unknown;

  /** Programme id (data/SCHEMA.md): piccoli, province-e-comuni, next-generation-siena, piacenza-fabbisogni. */
  @property({ reflect: true }) programme?: string;
  /** Region: ISTAT code (08) or name (Emilia-Romagna). */
  @property({ reflect: true }) region?: string;
  /** Province: sigla (PC), ISTAT code (033) or name. */
  @property({ reflect: true }) province?: string;
  /** One entity: ISTAT code or exact name of a comune. */
  @property({ reflect: true }) comune?: string;
  /** The cursor's day (YYYY-MM-DD). Default: the latest published figures (bundled data), else the last day with data. */
  @property({ attribute: 'as-of', reflect: true }) asOf?: string;
  /** A stage-events file (Parquet, Arrow or CSV) instead of the bundled data; its cube (`x.cube.json`) is used when present. */
  @property({ reflect: true }) src?: string;
  /** `count` (entities that reached each stage, default) or `share` (of those eligible on the day). */
  @property({ reflect: true, converter: (v) => v ?? 'count' }) metric: string = 'count';
  /** Areas to compare with, by the share of eligible over time (the chart then shows shares): `region`, `italy`, `province` (a comune's). */
  @property() compare?: string;
  /** Do not follow the page's area selection (e.g. a map click). */
  @property({ type: Boolean, attribute: 'ignore-selection' }) ignoreSelection = false;

  /** Shares of eligible: asked for, or implied by a comparison (areas of different sizes compare by shares). */
  private get _share(): boolean {
    return this.metric === 'share' || !!this._trend.value?.compared?.length;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._resize ??= new ResizeObserver(() => this._draw());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
  }

  protected override updated(): void {
    if (this._trend.status === TaskStatus.ERROR) this._reportError(this._trend.error);
    this._draw();
  }

  /** The request the attributes and the page's selection describe (plain data, compared deeply). */
  private _ask(): Ask {
    const invalid = (kind: ErrorData['kind'], value: string, more: Record<string, unknown> = {}): Ask => ({
      kind: 'invalid',
      error: { kind, params: { value, ...more } as ErrorData['params'] },
    });
    if (this.metric !== 'count' && this.metric !== 'share')
      return invalid('unknown-metric', String(this.metric), { available: ['count', 'share'] });
    if (this.asOf !== undefined && this.asOf !== null && !validDate(this.asOf)) return invalid('bad-date', this.asOf);
    const sel = this.ignoreSelection ? null : this._selection.current;
    let src: string | null = null;
    if (this.src) {
      try {
        src = new URL(this.src, document.baseURI).href;
      } catch {
        return invalid('invalid-option', this.src);
      }
    }
    const trim = (v: string | undefined) => (v && v.trim()) || null;
    return {
      kind: 'trend',
      src,
      programme: trim(this.programme),
      asOf: this.asOf || null,
      region: sel ? (sel.level === 'region' ? sel.code : null) : trim(this.region),
      province: sel ? (sel.level === 'province' ? sel.code : null) : trim(this.province),
      comune: sel ? null : trim(this.comune),
    };
  }

  private async _answer(ask: Ask, coordinator: Coordinator | undefined, signal: AbortSignal): Promise<Shown> {
    this._cursor = null;
    this._announce = '';
    this._load.started();
    if (ask.kind === 'invalid') throw invalidOption(ask.error.kind, ask.error.params as { value: string });
    if (!coordinator) throw new PiccoliDataError('engine', 'No piccoli-dashboard coordinator is provided to this element.');
    // Plot and the provenance words come beside the answer, not before it; the words of
    // the element's language too, when it is not Italian.
    const view = this._ready();
    try {
      const [answer] = await Promise.all([
        coordinator.request(ask, {
          signal,
          onProgress: (p) => {
            // After its download the engine compiles and starts with no total: said without a share.
            this._progress = p.total
              ? { phase: p.phase, share: p.loaded / p.total }
              : p.phase === 'engine'
                ? { phase: 'engine', share: NaN }
                : null;
            this.dispatchEvent(new PiccoliLoadProgressEvent({ source: p.source, loaded: p.loaded, total: p.total }));
          },
        }),
        view,
      ]);
      const compared = await viewModule!.compareTrends(coordinator, ask, answer, this.compare, signal);
      this._snapshot = undefined;
      return { answer, table: trendTable(answer), published: publishedPoints(answer), compared };
    } finally {
      this._progress = null;
    }
  }

  /** The drawing (Observable Plot), the provenance view, and the words of the element's language. */
  protected override _ready(): Promise<unknown> {
    const lang = this._lang;
    return Promise.all([
      // Imported once: a second import() of a loaded module resolves a task later (after a
      // frame, maybe), which would keep an answer known at once (a map click) off its frame.
      Promise.resolve(viewModule ?? import('./trend-view.js')).then((m) => (viewModule = m)),
      Promise.resolve(provenanceModule ?? import('../provenance.js')).then((m) => loadWords((provenanceModule = m).PROVENANCE, lang)),
      loadWords(STRINGS, lang),
    ]);
  }

  /** What the element shows: its answer; until the first one, a snapshot's (the same content, so nothing moves). */
  private _value(): Shown | undefined {
    const a = this._snapshot as TrendAnswer | undefined;
    return this._trend.status === TaskStatus.COMPLETE
      ? this._trend.value
      : a && viewModule && provenanceModule
        ? (this._snapshotShown ??= { answer: a, table: trendTable(a), published: publishedPoints(a) })
        : undefined;
  }

  /** The chart of `shown` at a size, and where a day falls on it. */
  private _chart(shown: Shown, lang: Lang, t: Strings, width: number, height: number, document?: Document): Drawn {
    const meta = shown.answer.programme.meta;
    return viewModule!.drawTrend(shown.answer, shown.table, {
      width,
      height,
      document,
      lang,
      metric: this._share ? 'share' : 'count',
      compared: shown.compared,
      labels: shown.answer.series.map((s) => stageLabel(s.stage, meta, lang)),
      milestones: meta?.milestones ?? [],
      published: shown.published,
      eligibleAt: (iso) => countsAt(shown.table, iso, shown.answer.series.length)[0]!,
      ariaLabel: `${titleOf(shown.answer, lang)}, ${areaLabel(shown.answer.scope, t)}: ${this._share ? t.shares : t.counts}`,
    });
  }

  /** Draw the chart into its box when the answer, the width, the language or the metric changed. */
  private _draw(): void {
    const shown = this._value();
    const box = this._plot;
    const t = this._words(STRINGS);
    if (!shown || !box || !viewModule || !t) return;
    this._resize?.observe(box);
    const width = box.clientWidth;
    const lang = this._lang;
    const d = this._drawn;
    if (d && d.shown === shown && d.width === width && d.lang === lang && d.metric === this.metric && box.querySelector('svg')) return;
    this._drawn = { shown, width, lang, metric: this.metric };
    const { svg, x } = this._chart(shown, lang, t, width, box.clientHeight);
    box.querySelector('svg')?.remove();
    box.prepend(svg);
    this._x = x;
  }

  private _onKey(e: KeyboardEvent, shown: Shown): void {
    const from = this._cursor ?? shown.answer.asOf;
    const to = stepDate(shown.table, from, e.key);
    const t = this._words(STRINGS);
    if (to === null || !t) return;
    e.preventDefault();
    this._cursor = to;
    this._announce = this._reading(shown, to, this._lang, t);
  }

  /** "Al 31 ottobre 2021: Ammissibili 1.975; Aderenti 612 …": the counts on one day, as words. */
  private _reading(shown: Shown, date: string, lang: Lang, t: Strings): string {
    return `${t.at(formatDate(date, lang))}: ${this._values(shown, date, lang, t)
      .map((v) => `${v.label} ${v.text}`)
      .join('; ')}.`;
  }

  private _values(shown: Shown, date: string, lang: Lang, t: Strings): { label: string; text: string; order: number }[] {
    const { answer, table } = shown;
    const row = countsAt(table, date, answer.series.length);
    const share = this._share;
    return answer.series
      .filter((s) => !share || s.order > 0)
      .map((s) => ({
        order: s.order,
        label: stageLabel(s.stage, answer.programme.meta, lang),
        text: share
          ? `${formatPercent(row[s.order]! / (row[0] || NaN), lang)} (${t.ofEligible(formatInteger(row[s.order]!, lang), formatInteger(row[0]!, lang))}${viewModule!.comparedReading(shown.compared, date, s.order, lang, t)})`
          : formatInteger(row[s.order]!, lang),
      }));
  }

  protected override render(): TemplateResult {
    const lang = this._lang;
    // Undefined while the words of the element's language are on their way: a wordless skeleton.
    const t = this._words(STRINGS);
    const status = this._trend.status;
    if (status === TaskStatus.ERROR && !isAbortError(this._trend.error)) {
      return this._renderError(this._trend.error, t?.errorTitle, () => void this._trend.run());
    }
    if (status === TaskStatus.ERROR && this._load.cancelled && t) return this._load.view(t.cancelled, t.retry);
    // Until its first answer, a snapshot's element shows the answer the snapshot rendered.
    const value = this._value();
    if (!value || !t || !this._words(provenanceModule!.PROVENANCE)) return this._skeleton(t, lang);
    return this._trendView(value, lang, t);
  }

  private _skeleton(t: Strings | undefined, lang: Lang): TemplateResult {
    const stages = stageCountHint.get(this.programme || 'piccoli') ?? 5;
    const p = this._progress;
    // No words yet: a non-breaking space keeps the line's height (no shift when they come).
    const status = !t
      ? '\u00a0'
      : p
        ? (p.phase === 'engine' ? t.startingEngine : t.loadingBytes)(Number.isNaN(p.share) ? '' : formatPercent(p.share, lang))
        : t.loading;
    return html`<figure class="skeleton" part="figure" aria-busy="true">
      <figcaption part="caption">
        <span class="title"><span class="ph"></span></span>
        <span class="sub"
          ><span role="status">${status}</span>
          ${p && t ? html`<button class="cancel" type="button" part="cancel" @click=${this._load.cancel}>${t.cancel}</button>` : ''}</span
        >
        <span class="provenance pending">&nbsp;</span>
      </figcaption>
      <div class="chart" part="chart" aria-hidden="true">
        <ul class="legend" part="legend">
          ${Array.from({ length: stages }, () => html`<li><span class="ph"></span></li>`)}
        </ul>
        <div class="plot"></div>
        <p class="readout" part="readout"><span class="ph"></span></p>
      </div>
      <button class="toggle" type="button" part="toggle" disabled>${t?.showTable ?? '\u00a0'}</button>
      <p class="source" part="source">&nbsp;</p>
      <div class="about">&nbsp;</div>
    </figure>`;
  }

  private _trendView(shown: Shown, lang: Lang, t: Strings): TemplateResult {
    const { answer: a, table, published } = shown;
    stageCountHint.set(a.programme.id, a.series.length);
    const meta = a.programme.meta;
    const title = titleOf(a, lang);
    const area = areaLabel(a.scope, t);
    const cursor = this._cursor ?? a.asOf;
    const share = this._share;
    this.adopt(provenanceModule!.provenanceViewStyles);
    this.adopt(viewModule!.trendViewStyles);
    // What the numbers rest on: each stage's count at the end, and the published figures cited.
    const bases: Basis[] = [
      ...[a, ...(shown.compared ?? []).map((c) => c.answer)]
        .flatMap((x) => x.series)
        .map((s) => {
          const last = s.steps.at(-1);
          return basisOf(last?.n ?? 0, last ? last.simulated : 0);
        }),
      ...published.map((p): Basis => ({ kind: 'published-figure', cite: p.cite })),
    ];
    const pv = provenanceModule!.provenanceView(bases, a.origin, a.source, lang);
    const caption = html`<figcaption part="caption">
      <span class="title">${title}</span>
      <span class="sub">${area} · ${t.trendOf(share ? t.shares : t.counts)}</span>
      ${pv.label}${downloadButton(lang, shown)}
    </figcaption>`;
    if (!a.series[0]?.steps.length) {
      const moved = !this.ignoreSelection && this._selection.current !== null;
      return html`<figure part="figure" data-backend=${a.backend}>
        ${caption}
        <p class="message" role="status" part="message">
          ${t.notActive(inArea(a.scope, t))}
          ${moved ? html`<br /><button class="retry" type="button" @click=${() => this._selection.dismiss()}>${t.backToOwn}</button>` : ''}
        </p>
        ${pv.footer}
      </figure>`;
    }
    const labels = a.series.map((s) => stageLabel(s.stage, meta, lang));
    const values = this._values(shown, cursor, lang, t);
    const x = this._x;
    const view = viewModule!;
    const milestones = meta?.milestones ?? [];
    return html`<figure part="figure" data-backend=${a.backend}>
      ${caption}
      <div
        class="chart"
        part="chart"
        tabindex="0"
        role="group"
        aria-label=${t.chartLabel(title, area)}
        aria-describedby="readout"
        @keydown=${(e: KeyboardEvent) => this._onKey(e, shown)}
      >
        <ul class="legend" part="legend">
          ${a.series
            .filter((s) => !share || s.order > 0)
            .map((s) => html`<li ${styleProps({ '--c': view.STAGE_COLOURS[s.order] ?? 'var(--_text)' })}>${labels[s.order]}</li>`)}
          ${view.compareLegend(shown.compared, area, t)}
        </ul>
        <div class="plot">
          ${
            isServer
              ? PiccoliTrend.serverChart(
                  (d, w, h) => this._chart(shown, lang, t, w, h, d),
                  cursor,
                  (s) => this.adopt(s),
                )
              : x
                ? html`<div class="cursor" part="cursor" data-date=${cursor} ${styleProps({ left: `${x(cursor).toFixed(1)}px` })}></div>`
                : nothing
          }
        </div>
        <p class="readout" part="readout" id="readout">
          <strong>${t.at(formatDate(cursor, lang))}:</strong>
          ${values.map((v, i) => html`<span data-stage=${a.series[v.order]!.stage}>${v.label} <b>${v.text}</b>${i < values.length - 1 ? '; ' : ''}</span>`)}
        </p>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite" part="announce">${this._announce}</p>
      <button
        class="toggle"
        type="button"
        part="toggle"
        aria-expanded=${this._tableOpen ? 'true' : 'false'}
        aria-controls="data"
        @click=${() => (this._tableOpen = !this._tableOpen)}
      >
        ${this._tableOpen ? t.hideTable : t.showTable}
      </button>
      <div id="data" ?hidden=${!this._tableOpen}>
        ${
          this._tableOpen
            ? html`<div class="table" tabindex="0" role="region" aria-label=${t.tableCaption(title, area)}>
                ${view.trendTableView(a, table, {
                  lang,
                  metric: share ? 'share' : 'count',
                  labels,
                  cursor,
                  caption: t.tableCaption(title, area),
                  dateHead: t.date,
                  compared: shown.compared,
                  t,
                })}
              </div>
              <div class="lists">
                ${
                  published.length
                    ? html`<h3>${t.published}</h3>
                      <ul part="published">
                        ${published.map(
                          (p) =>
                            html`<li>${t.publishedItem(stageLabel(p.stage, meta, lang), formatInteger(p.count, lang), formatDate(p.date, lang), p.cite.source)}</li>`,
                        )}
                      </ul>`
                    : nothing
                }
                ${
                  milestones.length
                    ? html`<h3>${t.milestones}</h3>
                      <ul part="milestones">
                        ${milestones.map((m) => html`<li>${formatDate(m.date, lang)}: ${inLang(m, 'label', lang)}${m.source ? ` (${m.source})` : ''}</li>`)}
                      </ul>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
      ${pv.footer}
    </figure>`;
  }
}

function titleOf(a: TrendAnswer, lang: Lang): string {
  const meta = a.programme.meta;
  return (meta ? inLang(meta, 'name', lang) : a.programme.id).split(' - ')[0]!;
}

/** "Italia", "Provincia di Piacenza", "Autonome Provinz Bozen – Südtirol": the area, in the reader's language. */
function areaLabel(scope: FunnelScope, t: Strings): string {
  if (scope.level === 'italy') return t.italy;
  const name = placeName(t, scope.name);
  return scope.level === 'province' ? t.province(name) : name;
}

function inArea(scope: FunnelScope, t: Strings): string {
  if (scope.level === 'italy') return t.inItaly;
  const name = placeName(t, scope.name);
  return scope.level === 'province' ? t.inProvince(name) : t.inArea(name);
}

function stageLabel(stage: string, meta: ProgrammeMeta | undefined, lang: Lang): string {
  const s = meta?.stages.find((x) => x.stage === stage);
  return s ? inLang(s, 'label', lang) : stage.replaceAll('_', ' ');
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-trend': PiccoliTrend;
  }
}
