import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { QueryController } from '../../controllers/query-controller.js';
import { fetchMeta, fetchSummary, type ProgrammeMeta } from '../../data/bundled.js';
import { PiccoliDataError } from '../../data/errors.js';
import type { FunnelFilter } from '../../data/sql/funnel.js';
import { funnelFromSummary, lastDateFromSummary } from '../../data/summary-funnel.js';
import { PiccoliErrorEvent } from '../../events/index.js';
import { PiccoliStageSelectEvent } from '../../events/stage-select.js';
import { formatDate, formatInteger, formatPercent, pickLang, type Lang } from '../../i18n/index.js';
import { describeError } from '../../i18n/errors.js';
import { getSelectionStore, type AreaSelection, type SelectionChangeEvent } from '../../state/selection.js';
import { areaLabel, fillStages, resolveArea, summaryAreas, validDate, type Funnel, type StageCount } from './funnel-model.js';
import { theme } from '../../styles/theme.js';
import { styles } from './piccoli-progress.styles.js';
import { STRINGS, shown, type Strings } from './strings.js';

/** Stage counts of the programmes seen so far, so a skeleton has the final height. */
const stageCountHint = new Map<string, number>();

/**
 * The programme funnel: how many entities reached each stage (engaged -> needs analysed
 * -> plan submitted ...), with shares of the previous stage and of all eligible ones.
 * First paint comes from a small precomputed summary shipped with the data; the shared
 * DuckDB-WASM engine starts only for what the summary cannot answer (`src`, `comune`).
 *
 * @summary Embeddable programme funnel (PICCOLI and sibling programmes).
 *
 * @fires piccoli-stage-select - A stage was chosen; detail has the stage, count and filter.
 * @fires piccoli-load-progress - Bytes loaded of a data file, while it downloads.
 * @fires piccoli-error - The element shows an error message; detail has code and message.
 *
 * @csspart figure - The whole funnel.
 * @csspart caption - Title, area and date.
 * @csspart table - The stage table.
 * @csspart stage - A stage row.
 * @csspart bar - A stage's bar (share of all eligible).
 * @csspart source - The source line.
 * @csspart message - Error and empty messages.
 *
 * @cssproperty --piccoli-color-primary - Bars and focus ring (default #0066CC).
 * @cssproperty --piccoli-color-text - Text (default #1A1A1A).
 * @cssproperty --piccoli-color-muted - Secondary text (default #5C6F82).
 * @cssproperty --piccoli-color-track - Bar track, rules, skeleton (default #E6EEF7).
 * @cssproperty --piccoli-color-background - Background (default white).
 * @cssproperty --piccoli-font - Font family (Titillium Web when the page has it).
 * @cssproperty --piccoli-space - Padding unit (default 0.75rem).
 *
 * @example
 * <piccoli-progress></piccoli-progress>
 * <piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>
 * <piccoli-progress programme="next-generation-siena" view="compact" lang="en"></piccoli-progress>
 */
@customElement('piccoli-progress')
export class PiccoliProgress extends LitElement {
  static override styles = [theme, styles];

  private readonly _funnel = new QueryController<Funnel>(this, (signal) => this._compute(signal));
  private readonly _onSelection = (e: Event) => {
    if (!this.ignoreSelection) this._selection = (e as SelectionChangeEvent).selection;
  };

  @state() private _selection: AreaSelection | null = null;
  @state() private _selectedStage: string | null = null;
  @state() private _progress: { phase: 'engine' | 'source'; share: number } | null = null;

  /** Programme id (data/SCHEMA.md): piccoli, province-e-comuni, next-generation-siena, piacenza-fabbisogni. */
  @property({ reflect: true }) programme?: string;
  /** Region: ISTAT code (08) or name (Emilia-Romagna). */
  @property({ reflect: true }) region?: string;
  /** Province: sigla (PC) or ISTAT code (033). */
  @property({ reflect: true }) province?: string;
  /** One entity: ISTAT code or exact name of a comune. */
  @property({ reflect: true }) comune?: string;
  /** Show the funnel as it stood on this day (YYYY-MM-DD). Default: the latest data. */
  @property({ attribute: 'as-of', reflect: true }) asOf?: string;
  /** A stage-events file (Parquet, Arrow or CSV) instead of the bundled data. */
  @property({ reflect: true }) src?: string;
  /** `full` (bars with labels, default) or `compact` (one line of numbers). */
  @property({ reflect: true }) view: string = 'full';
  /** Do not follow the page's area selection (e.g. a map click). */
  @property({ type: Boolean, attribute: 'ignore-selection' }) ignoreSelection = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const store = getSelectionStore();
    store.addEventListener('change', this._onSelection);
    if (!this.ignoreSelection) this._selection = store.current;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    getSelectionStore().removeEventListener('change', this._onSelection);
  }

  private get _lang(): Lang {
    return pickLang(this.getAttribute('lang'), this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['programme', 'region', 'province', 'comune', 'asOf', 'src', '_selection', 'ignoreSelection'];
    if (inputs.some((k) => changed.has(k as keyof PiccoliProgress)) || this._funnel.status === 'initial') {
      this._selectedStage = null;
      void this._funnel.run();
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // Messages are written in the element's language when computed.
    if (name === 'lang' && this._funnel.status === 'error') void this._funnel.run();
    if (name === 'lang') this.requestUpdate();
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  protected override updated(): void {
    if (this._funnel.status === 'error' && this._funnel.error && this._reportedError !== this._funnel.error) {
      this._reportedError = this._funnel.error;
      const { code, message, source } = this._funnel.error;
      this.dispatchEvent(new PiccoliErrorEvent({ code, message, source }));
    }
  }
  private _reportedError?: PiccoliDataError;

  /** Work out the funnel: from the summary when it can answer, else from the engine. */
  private async _compute(signal: AbortSignal): Promise<Funnel> {
    const t = STRINGS[this._lang];
    const bad = (msg: string) => new PiccoliDataError('invalid-option', msg);
    if (this.view !== 'full' && this.view !== 'compact') throw bad(t.badView(shown(this.view)));
    if (this.asOf !== undefined && this.asOf !== null && !validDate(this.asOf)) throw bad(t.badDate(shown(this.asOf)));
    const sel = this.ignoreSelection ? null : this._selection;
    const regionAttr = sel ? (sel.level === 'region' ? sel.code : undefined) : this.region || undefined;
    const provinceAttr = sel ? (sel.level === 'province' ? sel.code : undefined) : this.province || undefined;

    const metasLoading = fetchMeta().catch(() => [] as ProgrammeMeta[]);
    if (!this.src && !this.comune) {
      // Both small files at once: they are all that stands between connect and numbers.
      const [metas, summary] = await Promise.all([metasLoading, fetchSummary()]);
      const programme = this.programme || 'piccoli';
      if (summary?.programmes[programme]) {
        const meta = metas.find((m) => m.programme === programme);
        const areas = summaryAreas(summary);
        const area = resolveArea(areas, regionAttr, provinceAttr, t);
        const asOf = this.asOf || lastDateFromSummary(summary, programme)!;
        const filter: FunnelFilter = { programme, asOf, ...area.filter };
        const rows = funnelFromSummary(summary, filter)!;
        // A programme of one province (Next Generation Siena) is named by its province.
        const only = new Set(summary.programmes[programme]!.rows.map((r) => r[1]));
        const label: Funnel['area'] =
          area.label.kind === 'italy' && only.size === 1
            ? { kind: 'province', name: summary.provinces[[...only][0]!]?.name ?? '' }
            : area.label;
        return { programme, meta, filter, area: label, via: 'summary', stages: fillStages(rows, meta) };
      }
      if (summary && !metas.some((m) => m.programme === programme)) throw bad(t.unknownProgramme(shown(programme)));
    }

    // The engine: another file, one comune, or no summary. Loaded on demand, so that
    // first paint from the summary never downloads the engine's code.
    const { engineFunnel } = await import('./engine-funnel.js');
    return engineFunnel({
      src: this.src,
      programme: this.programme,
      comune: this.comune,
      asOf: this.asOf,
      regionAttr,
      provinceAttr,
      metas: metasLoading,
      t,
      signal,
      target: this,
      onProgress: (p) => (this._progress = p),
    });
  }

  private _select(s: StageCount, f: Funnel): void {
    const selected = this._selectedStage !== s.stage;
    this._selectedStage = selected ? s.stage : null;
    const { asOf, regionCode, provinceCode, entityCode } = f.filter;
    this.dispatchEvent(
      new PiccoliStageSelectEvent({
        programme: f.programme,
        stage: s.stage,
        stageOrder: s.order,
        label: stageLabel(s.stage, f.meta, this._lang),
        count: s.n,
        filter: { asOf, regionCode, provinceCode, entityCode },
        selected,
      }),
    );
  }

  protected override render(): TemplateResult {
    const lang = this._lang;
    const t = STRINGS[lang];
    const { status, value, error } = this._funnel;
    if (status === 'error' && error) {
      const d = describeError(error, lang);
      return html`<div class="message error" role="alert" part="message">
        <strong>${t.errorTitle}.</strong> ${d.text}
        ${d.detail ? html`<details><summary>${t.details}</summary><code>${d.detail}</code></details>` : nothing}
        ${d.retry ? html`<button class="retry" type="button" @click=${() => this._funnel.run()}>${t.retry}</button>` : nothing}
      </div>`;
    }
    if (status !== 'complete' || !value) return this._skeleton(t);
    return this._funnelView(value, lang, t);
  }

  private _skeleton(t: Strings): TemplateResult {
    const rows = stageCountHint.get(this.programme || 'piccoli') ?? 5;
    const p = this._progress;
    const status = p ? (p.phase === 'engine' ? t.startingEngine : t.loadingBytes)(formatPercent(p.share, this._lang)) : t.loading;
    return html`<figure class="skeleton ${this.view === 'compact' ? 'compact' : ''}" part="figure" aria-busy="true">
      <figcaption part="caption">
        <span class="title"><span class="ph"></span></span>
        <span class="sub" role="status">${status}</span>
      </figcaption>
      ${
        this.view === 'compact'
          ? html`<ul>${Array.from({ length: rows }, () => html`<li><span class="ph"></span></li>`)}</ul>`
          : html`<table part="table" aria-hidden="true">
            <thead>
              <tr>
                <th>${t.stage}</th>
                <th>${t.entities.comune}</th>
                <th>${t.ofPreviousShort}</th>
                <th class="elig">${t.ofEligibleShort}</th>
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
    </figure>`;
  }

  private _funnelView(f: Funnel, lang: Lang, t: Strings): TemplateResult {
    stageCountHint.set(f.programme, f.stages.length);
    const title = f.meta ? (lang === 'it' ? f.meta.name_it : f.meta.name_en) : f.programme;
    const shortTitle = title.split(' - ')[0]!;
    const area = areaLabel(f.area, t);
    const date = formatDate(f.filter.asOf, lang);
    const eligible = f.stages[0]?.n ?? 0;
    const reached = f.stages[1]?.n ?? 0;
    const entities = t.entities[f.meta?.entity_kind ?? 'comune'];
    const caption = html`<figcaption part="caption">
      <span class="title">${shortTitle}</span>
      <span class="sub">${area} · ${t.asOf(date)}</span>
    </figcaption>`;
    const source = html`<p class="source" part="source">
      ${t.source}: ${f.meta?.operator ?? f.programme}${f.meta?.provenance_note ? html`. ${t.simulated}` : nothing}
    </p>`;
    if (eligible === 0 || reached === 0) {
      return html`<figure part="figure">${caption}
        <p class="message" role="status" part="message">${eligible === 0 ? t.noEligible(area) : t.empty(area, date)}</p>
        ${source}
      </figure>`;
    }
    const rows = f.stages.map((s, i) => ({
      s,
      label: stageLabel(s.stage, f.meta, lang),
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
                        ><span style="--w: ${(r.elig * 100).toFixed(2)}%"></span
                      ></span>`,
                    )
              }
            </th>
            <td class="count">${formatInteger(r.s.n, lang)}</td>
            <td class="share">${r.prev === null ? '' : formatPercent(r.prev, lang)}<span class="visually-hidden">${r.prev === null ? '' : ` ${t.ofPrevious}`}</span></td>
            <td class="share elig">${formatPercent(r.elig, lang)}<span class="visually-hidden"> ${t.ofEligible}</span></td>
          </tr>`,
        )}
      </tbody>
    </table>`;
    if (this.view === 'compact') {
      return html`<figure part="figure" class="compact">
        ${caption}
        <ul aria-hidden="false">
          ${rows.map(
            (r) => html`<li part="stage" data-stage=${r.s.stage}>
              ${stageButton(r, html`<span class="count">${formatInteger(r.s.n, lang)}</span><span class="label">${r.label}</span>`)}
            </li>`,
          )}
        </ul>
        <div class="visually-hidden">${table(true)}</div>
        ${source}
      </figure>`;
    }
    return html`<figure part="figure">${caption} ${table(false)} ${source}</figure>`;
  }
}

function stageLabel(stage: string, meta: ProgrammeMeta | undefined, lang: Lang): string {
  const s = meta?.stages.find((x) => x.stage === stage);
  if (s) return lang === 'it' ? s.label_it : s.label_en;
  return stage.replaceAll('_', ' ');
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-progress': PiccoliProgress;
  }
}
