import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { sameArgs } from '../../controllers/same-args.js';
import { html, nothing, type TemplateResult } from 'lit';
import { PiccoliElement } from '../piccoli-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import { CancellableLoad } from '../../controllers/cancellable-load.js';
import { SelectionController } from '../../controllers/selection.js';
import type { ProgrammeMeta } from '../../data/bundled.js';
import { PiccoliDataError, invalidOption, isAbortError } from '../../data/errors.js';
import { PiccoliLoadProgressEvent } from '../../events/index.js';
import { PiccoliStageSelectEvent } from '../../events/stage-select.js';
import { formatDate, formatInteger, formatPercent, inLang, placeName, type Lang } from '../../i18n/index.js';
import { loadWords } from '../../i18n/words.js';
import { coordinatorContext } from '../../query/context.js';
import type { Coordinator } from '../../query/coordinator.js';
import type { ErrorData, FunnelAnswer, FunnelRequest, FunnelScope, StageCount } from '../../query/types.js';
import { theme } from '../../styles/theme.js';
import { validDate } from '../../i18n/dates.js';
import { styles } from './piccoli-progress.styles.js';
import { STRINGS, type Strings } from './strings.js';
import { styleProps } from '../../styles/style-props.js';
import { provenanceStyles } from '../provenance.styles.js';
import { downloadButton } from '../download/trigger.js';

/** What the funnel says about its numbers: loaded beside the first answer, not before it. */
type ProvenanceModule = typeof import('../provenance.js');
let provenanceModule: ProvenanceModule | undefined;
/** The comparison's requests, markers and columns: loaded only with a `compare` attribute. */
let compareModule: typeof import('./compare-view.js') | undefined;
// Both are imported once: a second import() of a loaded module still resolves a task later
// (after a frame, maybe), which would keep a map click's answer, known at once, off the
// frame the click paints.

/** Stage counts of the programmes seen so far, so a skeleton has the final height. */
const stageCountHint = new Map<string, number>();

/** What the element asks for: a request, or the attribute problem that keeps it from asking. */
type Ask = FunnelRequest | { kind: 'invalid'; error: ErrorData };

/**
 * The programme funnel: how many entities reached each stage (engaged -> needs analysed
 * -> plan submitted ...), with shares of the previous stage and of all eligible ones.
 * The element only describes the funnel it needs (a FunnelRequest); the page's
 * coordinator answers it from the cheapest backend: the cube shipped beside the data
 * (no engine download), else the shared DuckDB-WASM engine.
 *
 * @summary Embeddable programme funnel (PICCOLI and sibling programmes).
 *
 * @fires piccoli-stage-select - A stage was chosen; detail has the stage, count and filter.
 * @fires piccoli-load-progress - Bytes loaded of a data file or of the engine, while they download.
 * @fires piccoli-error - The element shows an error message; detail has code, kind and message.
 *
 * @csspart figure - The whole funnel.
 * @csspart caption - Title, area and date.
 * @csspart table - The stage table.
 * @csspart stage - A stage row.
 * @csspart bar - A stage's bar (share of all eligible).
 * @csspart provenance - The label saying whether the numbers are published or simulated.
 * @csspart source - The source line (who published the data, and the published figures cited).
 * @csspart about - The explanation of where the numbers come from, opened on demand.
 * @csspart definition - What the chosen stage counts (shown when a stage button is pressed).
 * @csspart message - Error and empty messages.
 * @csspart compare - The key of the compared areas (with `compare`), or the line saying the comparison is not available.
 * @csspart cancel - The button that stops a long download (shown with its progress).
 * @csspart download - The «Scarica» button in the caption, which opens the download menu (data as CSV, the data file, the picture as SVG or PNG); not printed.
 *
 * @cssproperty --piccoli-color-primary - Bars, buttons and focus ring (default #0066CC; dark #6AAEFC).
 * @cssproperty --piccoli-color-on-primary - Text on a primary-coloured button (default white; dark #0B1A2B).
 * @cssproperty --piccoli-color-text - Text (default #1A1A1A; dark #E9EDF2).
 * @cssproperty --piccoli-color-muted - Secondary text (default #5C6F82; dark #A3B2C2).
 * @cssproperty --piccoli-color-track - Bar track, rules, skeleton (default #E6EEF7; dark #2B323B).
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
 * <piccoli-progress></piccoli-progress>
 * <piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>
 * <piccoli-progress programme="next-generation-siena" view="compact" lang="en"></piccoli-progress>
 */
@customElement('piccoli-progress')
export class PiccoliProgress extends PiccoliElement {
  static override styles = [theme, styles, provenanceStyles];

  private readonly _selection = new SelectionController(this);
  private readonly _coordinator = new ContextConsumer(this, { context: coordinatorContext, subscribe: true });
  private readonly _funnel = new Task(this, {
    task: ([ask, coordinator], { signal }) => this._answer(ask, coordinator, signal),
    args: () => [this._ask(), this._coordinator.value] as const,
    argsEqual: sameArgs,
  });

  /** The compared areas' funnels, with the answer they compare (a newer answer waits for its own). */
  private readonly _compared = new Task(this, {
    task: async ([own, value, coordinator], { signal }) => ({
      own,
      list:
        own && value && coordinator
          ? await (compareModule ??= await import('./compare-view.js')).compareAnswers(coordinator, this._ask(), own, value, signal)
          : [],
    }),
    args: () => [this._funnel.value, this.compare, this._coordinator.value] as const,
  });

  @state() private _selectedStage: string | null = null;
  @state() private _progress: { phase: 'engine' | 'source'; share: number } | null = null;
  /** Whether a request started since the last frame (its last answer is still shown). */
  private _keep = false;
  private readonly _load = new CancellableLoad(this, () => this._funnel);

  /** Programme id (data/SCHEMA.md): piccoli, province-e-comuni, next-generation-siena, piacenza-fabbisogni. */
  @property({ reflect: true }) programme?: string;
  /** Region: ISTAT code (08) or name (Emilia-Romagna). */
  @property({ reflect: true }) region?: string;
  /** Province: sigla (PC), ISTAT code (033) or name. */
  @property({ reflect: true }) province?: string;
  /** One entity: ISTAT code or exact name of a comune. */
  @property({ reflect: true }) comune?: string;
  /** Show the funnel as it stood on this day (YYYY-MM-DD). Default: the latest data. */
  @property({ attribute: 'as-of', reflect: true }) asOf?: string;
  /** A stage-events file (Parquet, Arrow or CSV) instead of the bundled data; its cube (`x.cube.json`) is used when present. */
  @property({ reflect: true }) src?: string;
  /** `full` (bars with labels, default) or `compact` (one line of numbers). */
  @property({ reflect: true, converter: (v) => v ?? 'full' }) view: string = 'full';
  /** Do not follow the page's area selection (e.g. a map click). */
  @property({ type: Boolean, attribute: 'ignore-selection' }) ignoreSelection = false;
  /** Areas to compare each stage with, by the share of eligible they reached: `region`, `italy`, `province` (a comune's). */
  @property() compare?: string;

  protected override updated(): void {
    if (this._funnel.status === TaskStatus.ERROR) this._reportError(this._funnel.error);
  }

  /** The request the attributes and the page's selection describe (plain data, compared deeply). */
  private _ask(): Ask {
    const invalid = (kind: ErrorData['kind'], value: string): Ask => ({ kind: 'invalid', error: { kind, params: { value } } });
    if (this.view !== 'full' && this.view !== 'compact') return invalid('bad-view', String(this.view));
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
      kind: 'funnel',
      src,
      programme: trim(this.programme),
      asOf: this.asOf || null,
      region: sel ? (sel.level === 'region' ? sel.code : null) : trim(this.region),
      province: sel ? (sel.level === 'province' ? sel.code : null) : trim(this.province),
      comune: sel ? null : trim(this.comune),
    };
  }

  private async _answer(ask: Ask, coordinator: Coordinator | undefined, signal: AbortSignal): Promise<FunnelAnswer> {
    this._selectedStage = null;
    this._load.started();
    // The last answer shows on until the next frame (render).
    this._keep = true;
    requestAnimationFrame(() => {
      this._keep = false;
      if (this._funnel.status === TaskStatus.PENDING) this.requestUpdate();
    });
    if (ask.kind === 'invalid') throw invalidOption(ask.error.kind, ask.error.params as { value: string });
    if (!coordinator) throw new PiccoliDataError('engine', 'No piccoli-dashboard coordinator is provided to this element.');
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
      return answer;
    } finally {
      this._progress = null;
      this._snapshot = undefined;
    }
  }

  /** The provenance view, and the words of the element's language (its own and the provenance's). */
  protected override _ready(): Promise<unknown> {
    const lang = this._lang;
    return Promise.all([
      Promise.resolve(provenanceModule ?? import('../provenance.js')).then((m) => loadWords((provenanceModule = m).PROVENANCE, lang)),
      loadWords(STRINGS, lang),
    ]);
  }

  private _select(s: StageCount, f: FunnelAnswer): void {
    const selected = this._selectedStage !== s.stage;
    this._selectedStage = selected ? s.stage : null;
    const scope = f.scope;
    this.dispatchEvent(
      new PiccoliStageSelectEvent({
        programme: f.programme.id,
        stage: s.stage,
        stageOrder: s.order,
        label: stageLabel(s.stage, f.programme.meta, this._lang),
        count: s.n,
        filter: {
          asOf: f.asOf,
          regionCode: scope.level === 'region' ? scope.code : undefined,
          provinceCode: scope.level === 'province' ? scope.code : undefined,
          entityCode: scope.level === 'entity' ? scope.code : undefined,
        },
        selected,
      }),
    );
  }

  protected override render(): TemplateResult {
    const lang = this._lang;
    // Undefined while the words of the element's language are on their way: a wordless skeleton.
    const t = this._words(STRINGS);
    const status = this._funnel.status;
    if (status === TaskStatus.ERROR && !isAbortError(this._funnel.error)) {
      return this._renderError(this._funnel.error, t?.errorTitle, () => void this._funnel.run());
    }
    if (status === TaskStatus.ERROR && this._load.cancelled && t) return this._load.view(t.cancelled, t.retry);
    // Until its first answer, a snapshot's element shows the answer the snapshot rendered.
    const value = status === TaskStatus.COMPLETE ? this._funnel.value : provenanceModule && (this._snapshot as FunnelAnswer | undefined);
    // A new answer on its way mostly comes within the task that asked (the cube, or the
    // coordinator has it): until the next frame the last answer stays, marked busy, to be
    // updated in place; only an answer that has not come by then shows the skeleton.
    const last = status === TaskStatus.PENDING && this._keep ? this._funnel.value : undefined;
    const shown = value || last;
    if (!shown || !t || !this._words(provenanceModule!.PROVENANCE)) return this._skeleton(t, lang);
    return this._funnelView(shown, lang, t, !value);
  }

  private _skeleton(t: Strings | undefined, lang: Lang): TemplateResult {
    const rows = stageCountHint.get(this.programme || 'piccoli') ?? 5;
    const p = this._progress;
    // No words yet: a non-breaking space keeps the line's height (no shift when they come).
    const status = !t
      ? '\u00a0'
      : p
        ? (p.phase === 'engine' ? t.startingEngine : t.loadingBytes)(Number.isNaN(p.share) ? '' : formatPercent(p.share, lang))
        : t.loading;
    return html`<figure class="skeleton ${this.view === 'compact' ? 'compact' : ''}" part="figure" aria-busy="true">
      <figcaption part="caption">
        <span class="title"><span class="ph"></span></span>
        <span class="sub"
          ><span role="status">${status}</span>
          ${p && t ? html`<button class="cancel" type="button" part="cancel" @click=${this._load.cancel}>${t.cancel}</button>` : ''}</span
        >
        <span class="provenance pending">&nbsp;</span>
      </figcaption>
      ${
        this.view === 'compact'
          ? html`<ul>${Array.from({ length: rows }, () => html`<li><span class="ph"></span></li>`)}</ul>`
          : html`<table part="table" aria-hidden="true">
            <thead>
              <tr>
                <th>${t?.stage ?? '\u00a0'}</th>
                <th>${t?.entities.comune}</th>
                <th>${t?.ofPreviousShort}</th>
                <th class="elig">${t?.ofEligibleShort}</th>
              </tr>
            </thead>
            <tbody>
              ${Array.from(
                { length: rows },
                () => html`<tr>
                <th><span class="ph label"></span><span class="bar"></span></th>
                <td class="count"><span class="ph"></span></td>
                <td><span class="ph"></span></td>
                <td class="elig"><span class="ph"></span></td>
              </tr>`,
              )}
            </tbody>
          </table>`
      }
      <p class="source" part="source">&nbsp;</p>
      <div class="about">&nbsp;</div>
    </figure>`;
  }

  private _funnelView(f: FunnelAnswer, lang: Lang, t: Strings, busy: boolean): TemplateResult {
    const ariaBusy = busy ? 'true' : nothing;
    stageCountHint.set(f.programme.id, f.stages.length);
    const meta = f.programme.meta;
    const title = meta ? inLang(meta, 'name', lang) : f.programme.id;
    const shortTitle = title.split(' - ')[0]!;
    const area = areaLabel(f.scope, t);
    const date = formatDate(f.asOf, lang);
    const eligible = f.stages[0]?.n ?? 0;
    const reached = f.stages[1]?.n ?? 0;
    const entities = t.entities[meta?.entity_kind ?? 'comune'];
    this.adopt(provenanceModule!.provenanceViewStyles);
    const c = this._compared;
    const cmp = c.value?.own === f ? c.value.list : [];
    const pv = provenanceModule!.provenanceView(
      [f, ...cmp.map((c) => c.answer)].flatMap((a) => a.stages.map((s) => s.basis)),
      f.origin,
      f.source,
      lang,
    );
    const cv = compareModule?.compareView(cmp, pv, lang, t, date, c.status === TaskStatus.ERROR);
    if (cv) this.adopt(cv.styles);
    const caption = html`<figcaption part="caption">
      <span class="title">${shortTitle}</span>
      <span class="sub">${area} · ${t.asOf(date)}</span>
      ${pv.label}${downloadButton(lang, cmp.length ? { ...f, compared: cmp.map((x) => x.answer) } : f)}
    </figcaption>`;
    const source = pv.footer;
    if (eligible === 0 || reached === 0) {
      // A funnel moved by the page's selection to an area its programme does not cover
      // says so, and offers to go back to its own area.
      const moved = !this.ignoreSelection && this._selection.current !== null;
      const message =
        eligible === 0
          ? f.asOf < f.programme.firstDate
            ? t.notStarted(formatDate(f.programme.firstDate, lang))
            : t.notActive(inArea(f.scope, t))
          : t.empty(area, date);
      return html`<figure part="figure" aria-busy=${ariaBusy} data-backend=${f.backend}>${caption}
        <p class="message" role="status" part="message">
          ${message}
          ${
            moved && eligible === 0
              ? html`<br /><button class="retry" type="button" @click=${() => this._selection.dismiss()}>${t.backToOwn}</button>`
              : ''
          }
        </p>
        ${source}
      </figure>`;
    }
    const rows = f.stages.map((s, i) => ({
      s,
      label: stageLabel(s.stage, meta, lang),
      prev: i === 0 ? null : s.n / (f.stages[i - 1]!.n || NaN),
      elig: s.n / eligible,
    }));
    const stageButton = (r: (typeof rows)[number], inner: TemplateResult) =>
      html`<button
        class="stage"
        type="button"
        aria-pressed=${this._selectedStage === r.s.stage ? 'true' : 'false'}
        @click=${() => this._select(r.s, f)}
      >${inner}</button>`;
    const table = (hidden: boolean) => html`<table part="table">
      <caption class="visually-hidden">${t.tableCaption(shortTitle, area, date)}</caption>
      <thead>
        <tr>
          <th scope="col">${t.stage}</th>
          <th scope="col">${entities}</th>
          <th scope="col">${t.ofPreviousShort}</th>
          <th scope="col" class="elig">${t.ofEligibleShort}</th>
          ${cv?.head}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr part="stage" data-stage=${r.s.stage}>
            <th scope="row">
              ${
                hidden
                  ? r.label
                  : stageButton(
                      r,
                      html`<span class="label">${r.label}</span
                      ><span class="bar" part="bar" aria-hidden="true"
                        ><span ${styleProps({ '--w': `${(r.elig * 100).toFixed(2)}%` })}></span>${cv?.marks(r.s.order)}</span
                      >`,
                    )
              }
            </th>
            <td class="count">${formatInteger(r.s.n, lang)}${pv.mark(r.s.basis)}</td>
            <td class="share">${r.prev === null ? '' : formatPercent(r.prev, lang)}<span class="visually-hidden">${r.prev === null ? '' : ` ${t.ofPrevious}`}</span></td>
            <td class="share elig">${formatPercent(r.elig, lang)}<span class="visually-hidden"> ${t.ofEligible}</span></td>
            ${cv?.cells(r.s.order)}
          </tr>`,
        )}
      </tbody>
    </table>`;
    // A chosen stage shows what it counts (its definition in the programme's metadata).
    const chosen = this._selectedStage ? meta?.stages.find((x) => x.stage === this._selectedStage) : undefined;
    const about = chosen && inLang(chosen, 'description', lang);
    const definition = html`${cv?.key}<p class="definition" part="definition" role="status">${
      about ? html`<strong>${inLang(chosen, 'label', lang)}</strong>: ${about}` : ''
    }</p>`;
    if (this.view === 'compact') {
      return html`<figure part="figure" class="compact" aria-busy=${ariaBusy} data-backend=${f.backend}>
        ${caption}
        <ul aria-hidden="false">
          ${rows.map(
            (r) => html`<li part="stage" data-stage=${r.s.stage}>
              ${stageButton(
                r,
                html`<span class="count">${formatInteger(r.s.n, lang)}</span><span class="label">${r.label}</span>${pv.mark(r.s.basis)}`,
              )}
            </li>`,
          )}
        </ul>
        <div class="visually-hidden">${table(true)}</div>
        ${definition} ${source}
      </figure>`;
    }
    return html`<figure part="figure" aria-busy=${ariaBusy} data-backend=${f.backend}>${caption} ${table(false)} ${definition} ${source}</figure>`;
  }
}

/** "Italia", "Provincia di Piacenza", "Autonome Provinz Bozen – Südtirol": the area, in the reader's language. */
function areaLabel(scope: FunnelScope, t: Strings): string {
  if (scope.level === 'italy') return t.italy;
  const name = placeName(t, scope.name);
  return scope.level === 'province' ? t.province(name) : name;
}

/** "in Italia", "in provincia di Piacenza", "in Umbria", "per Bobbio": where a programme is or is not active. */
function inArea(scope: FunnelScope, t: Strings): string {
  if (scope.level === 'italy') return t.inItaly;
  const name = placeName(t, scope.name);
  if (scope.level === 'province') return t.inProvince(name);
  return scope.level === 'region' ? t.inRegion(name) : t.forEntity(name);
}

function stageLabel(stage: string, meta: ProgrammeMeta | undefined, lang: Lang): string {
  const s = meta?.stages.find((x) => x.stage === stage);
  return s ? inLang(s, 'label', lang) : stage.replaceAll('_', ' ');
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-progress': PiccoliProgress;
  }
}
