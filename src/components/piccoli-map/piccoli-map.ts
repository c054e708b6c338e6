import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { sameArgs } from '../../controllers/same-args.js';
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PiccoliElement } from '../piccoli-element.js';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RovingFocusController, RovingFocusOptions } from '../../controllers/roving-focus.js';
import type { SchemeController } from '../../controllers/scheme.js';
import { CancellableLoad } from '../../controllers/cancellable-load.js';
import { SelectionController } from '../../controllers/selection.js';
import { PiccoliDataError, invalidOption, isAbortError } from '../../data/errors.js';
import type { ProgrammeMeta } from '../../data/bundled.js';
import { PiccoliAreaSelectEvent } from '../../events/area-select.js';
import { PiccoliLoadProgressEvent } from '../../events/index.js';
import { validDate } from '../../i18n/dates.js';
import { formatInteger, formatPercent, inLang, placeName, type Lang } from '../../i18n/index.js';
import { loadWords } from '../../i18n/words.js';
import { coordinatorContext } from '../../query/context.js';
import type { Coordinator } from '../../query/coordinator.js';
import { metricNames } from '../../query/metrics.js';
import type { Basis, Origin, StageInfo } from '../../query/types.js';
import { provenanceStyles } from '../provenance.styles.js';
import { downloadButton } from '../download/trigger.js';
import type { AreasRequest, BackendName, ErrorData } from '../../query/types.js';
import type { MapPlayer, MapView } from '../../map/drawing.js';
import { server } from '../../map/server.js';
import { REGIONS_VIEWBOX } from '../../map/regions.js';
import { TILE, TILE_GAP, TILE_GRID } from '../../map/tile-grid.js';
import type { AreaDatum, MapGeometry, MapLevel, MapShape } from '../../map/types.js';
import { theme } from '../../styles/theme.js';
import { styles } from './piccoli-map.styles.js';
import type { Strings } from './strings.js';
import { FIRST_STRINGS, type FirstStrings } from './first-strings.js';

import { styleProps } from '../../styles/style-props.js';

/** What the map shows: `reached`, or its share of the eligible entities. */
interface Metric {
  stage: string;
  stageOrder: number;
  share: boolean;
}

/** What the element asks for: the area request and the shapes, or the attribute problem. */
type Ask = { areas: AreasRequest; share: boolean; geo: string | null; key: string | null } | { kind: 'invalid'; error: ErrorData };

type Drawing = typeof import('../../map/drawing.js');

/** What a run computed: geometry and raw numbers; text is made at render, per language. */
export interface MapData {
  /** The drawing code, fetched beside the data. */
  draw: Drawing;
  programme: string;
  meta?: ProgrammeMeta;
  metric: Metric;
  /** The stages of a comune map, coloured by the furthest each comune reached; null: a metric's classes. */
  stages: StageInfo[] | null;
  asOf: string;
  backend: BackendName;
  /** What each area's reached count rests on, and who the data comes from. */
  bases: Map<string, Basis>;
  origin: Origin;
  /** URL of the data file. */
  file: string;
  /** First day with an event: a date before it is before the programme's start. */
  firstDate: string;
  geometry: MapGeometry;
  values: Map<string, AreaDatum>;
  /** Where the shapes come from, for the credit line. */
  credit: { kind: 'regions' } | { kind: 'tiles' } | { kind: 'geo'; host: string };
  /** The request but its date (baseOf): a run that changes only the date keeps this map on screen. */
  base: string;
}

/** What a request asks but its date: runs with the same base recolour one drawing. */
function baseOf(ask: Ask): string {
  return 'kind' in ask ? '' : JSON.stringify({ ...ask, areas: { ...ask.areas, asOf: 0 } });
}

const LEVELS: readonly MapLevel[] = ['region', 'province', 'comune'];
/** Shapes by code, per geometry: arrow keys look centres up for every area. */
const shapeIndex = new WeakMap<MapGeometry, Map<string, MapShape>>();
let mapCounter = 0;

/**
 * A choropleth of a programme's progress by region (real shapes) or by province (a tile
 * grid), or over a site's own boundaries (`geo` + `key`); a comune map colours each comune
 * by the furthest stage it reached, with a legend of stage names. Clicking an area, or pressing
 * Enter on it, selects it for the whole page: every piccoli element sharing the engine
 * follows the selection. The same numbers are in a table for screen readers.
 *
 * @summary Regional and provincial map of a capacity-building programme, cross-filtering the page.
 *
 * @fires piccoli-area-select - An area was selected or unselected; detail has level, code, name, selected.
 * @fires piccoli-load-progress - Bytes loaded of a data file, while it downloads.
 * @fires piccoli-error - The element shows an error message; detail has code, kind and message.
 *
 * @csspart figure - The whole map.
 * @csspart caption - Title, metric and date.
 * @csspart map - The box holding the SVG drawing.
 * @csspart legend - The colour legend.
 * @csspart tooltip - The hover and focus tooltip.
 * @csspart provenance - The label saying whether the figures are published or simulated.
 * @csspart source - Who published the data, and the published figures cited.
 * @csspart about - The explanation of where the figures come from, opened on demand.
 * @csspart clear - The button that clears the selected area (shown while one is selected).
 * @csspart credit - Where the shapes come from.
 * @csspart message - Error and empty messages.
 * @csspart play - The control that plays the map over time (with `play`): play/pause or previous/next, and the date slider.
 * @csspart download - The «Scarica» button in the caption, which opens the download menu (data as CSV, the data file, the picture as SVG or PNG); not printed.
 * @csspart cancel - The button that stops a long download (shown with its progress).
 *
 * @cssproperty --piccoli-color-primary - Buttons and focus rings of the controls (default #0066CC; dark #6AAEFC).
 * @cssproperty --piccoli-color-on-primary - Text on a primary-coloured button (default white; dark #0B1A2B).
 * @cssproperty --piccoli-color-text - Text (default #1A1A1A; dark #E9EDF2).
 * @cssproperty --piccoli-color-muted - Secondary text (default #5C6F82; dark #A3B2C2).
 * @cssproperty --piccoli-color-track - Rules, skeleton, message boxes (default #E6EEF7; dark #2B323B).
 * @cssproperty --piccoli-color-background - Background (default white; dark #121417).
 * @cssproperty --piccoli-color-error - Error messages (default #A61919; dark #FF8F8F).
 * @cssproperty --piccoli-color-published - The "published data" label (default #00693E; dark #5CCF95).
 * @cssproperty --piccoli-color-simulated - The "simulated data" label and marks (default #8A4B00; dark #F0A95A).
 * @cssproperty --piccoli-font - Font family (Titillium Web when the page has it, else the system's).
 * @cssproperty --piccoli-font-size - Base font size (default 1rem).
 * @cssproperty --piccoli-space - Padding unit (default 0.75rem).
 * @cssproperty --piccoli-radius - Corner radius of buttons, bars and boxes (default 4px).
 * @cssproperty --piccoli-map-color-1 - Lowest class of the sequential scale (default #DCEBFA; dark #1E3A5C).
 * @cssproperty --piccoli-map-color-2 - Second class (default #A6CBF2; dark #24609E).
 * @cssproperty --piccoli-map-color-3 - Third class (default #5B9DE3; dark #3D86D8).
 * @cssproperty --piccoli-map-color-4 - Fourth class (default #0066CC; dark #86BBF3).
 * @cssproperty --piccoli-map-color-5 - Highest class (default #003D7A; dark #D2E6FC). On any class, a tile's label takes the text or the background colour, whichever reads (4.5:1).
 * @cssproperty --piccoli-map-color-nodata - Areas without data, under the hatching (default #E6E9F2; dark #252A31).
 * @cssproperty --piccoli-map-color-nodata-lines - Hatching of areas without data (default #8E99AB; dark #55606E).
 * @cssproperty --piccoli-map-color-border - Lines between areas (default: the background colour).
 * @cssproperty --piccoli-map-color-ring - The selection outline and focus ring's line (default: the text colour).
 * @cssproperty --piccoli-map-color-halo - The halo under that line (default: the background colour): one of the two has 3:1 on every fill.
 * @cssproperty --piccoli-map-max-width - The drawing's largest width (default 36rem), centred.
 * @cssproperty --piccoli-map-max-height - The drawing's largest height (default none).
 *
 * @attr theme - `light` or `dark`: the colour scheme whatever the reader's system asks for; unset, it follows `prefers-color-scheme`. Paper is always light; a site's --piccoli-color-* win in both schemes.
 *
 * @example
 * <piccoli-map></piccoli-map>
 * <piccoli-map level="province" metric="plan-submitted-share" as-of="2021-10-31"></piccoli-map>
 * <piccoli-map level="comune" geo="/geo/comuni-pc.geojson" key="PRO_COM_T"></piccoli-map>
 */
@customElement('piccoli-map')
export class PiccoliMap extends PiccoliElement {
  static override styles = [theme, styles, provenanceStyles];

  private readonly _selection = new SelectionController(this);
  private readonly _coordinator = new ContextConsumer(this, { context: coordinatorContext, subscribe: true });
  private readonly _data = new Task(this, {
    task: ([ask, coordinator], { signal }) => this._compute(ask, coordinator, signal),
    args: () => [this._ask(), this._coordinator.value] as const,
    argsEqual: sameArgs,
  });
  /** The map's one Tab stop; arrows move by the areas' centres, Enter toggles, Escape clears. */
  /** The map's one Tab stop and its arrow keys: made with the first drawing (its code comes with it). */
  private _roving?: RovingFocusController<string>;
  private _rovingOptions(): RovingFocusOptions<string> {
    return {
      items: () => this._shown()?.geometry.shapes.map((s) => s.code) ?? [],
      itemOf: (el) => this._areaAt(el)?.shape.code,
      elementOf: (code) => this._view?.areas.get(code),
      centreOf: (code) => this._shape(code)!.centre,
      onActivate: (code) => this._toggle(this._shape(code)!),
      onEscape: () => {
        this._tip = null;
        this.clearSelection();
      },
    };
  }
  private _scheme?: SchemeController;
  private readonly _id = `pm${++mapCounter}`;
  private _view: MapView | null = null;
  /** The play over as-of (`play`): made with the first drawing (its code comes with it). */
  private _player?: MapPlayer;
  private _paintKey: unknown[] = [];
  /** A snapshot's map (`piccoli-data snapshot`), drawn from the answer it carries until the element's own arrives. */
  private _snap?: MapData;

  @query('.map-box') private _box?: HTMLElement;
  @query('.tooltip') private _tipEl?: HTMLElement;

  /** A comune selected on a `level="comune"` map (not shared: the store has no comuni). */
  @state() private _localSelection: string | null = null;
  @state() private _tip: { code: string; x: number; y: number } | null = null;
  @state() private _progress: number | null = null;
  private readonly _load = new CancellableLoad(this, () => this._data);

  /** `region` (default), `province`, or `comune` (with `geo`). */
  @property({ reflect: true, converter: (v) => v ?? 'region' }) level: string = 'region';
  /** `<stage>-share` (share of eligible entities) or `<stage>` (count), e.g. `engaged-share`, `plan-submitted`. */
  @property({ reflect: true, converter: (v) => v ?? 'engaged-share' }) metric: string = 'engaged-share';
  /** Programme id (data/SCHEMA.md). Default `piccoli`. */
  @property({ reflect: true }) programme?: string;
  /** Show the map as it stood on this day (YYYY-MM-DD). Default: the latest data. */
  @property({ attribute: 'as-of', reflect: true }) asOf?: string;
  /** A stage-events file (Parquet, Arrow or CSV) instead of the bundled data. */
  @property({ reflect: true }) src?: string;
  /** A GeoJSON or TopoJSON file with the areas to draw (polygons). */
  @property({ reflect: true }) geo?: string;
  /** The feature property of `geo` that holds the ISTAT code of each area. */
  @property({ reflect: true }) key?: string;
  /** Show a control that plays the map over time, month by month up to its date (by hand with reduced motion). */
  @property({ type: Boolean }) play = false;
  /** Milliseconds between two steps of the play (default 1200). */
  playInterval = 1200;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('level') || changed.has('geo') || changed.has('key')) this._localSelection = null;
    // Once the element has its own answer, a snapshot's is forgotten.
    const d = this._data.status === TaskStatus.COMPLETE ? ((this._snap = undefined), this._data.value) : this._snap;
    if (d) this._paint(d);
  }

  /** The map on screen: the last answer's, else a snapshot's. */
  private _shown(): MapData | undefined {
    return this._data.value ?? this._snap;
  }

  /**
   * What a snapshot's first render needs: the drawing code, shapes and words, and the map
   * of the answer it carries. When that answer cannot be drawn the first render is the
   * skeleton and the element asks as usual (and says why); in Node the snapshot fails.
   */
  protected override _ready(): Promise<unknown> {
    const answer = this._snapshot;
    const ready = Promise.all([
      loadWords(FIRST_STRINGS, this._lang),
      this._compute(this._ask(), { request: async () => answer } as unknown as Coordinator).then((d) => (this._snap = d)),
    ]);
    return isServer ? ready : ready.catch(() => undefined);
  }

  /** The map's colours as the element's style has them now (in Node, the CSS properties themselves). */
  private _palette(draw: Drawing) {
    return draw.paletteFromStyle(isServer ? server.style : getComputedStyle(this));
  }

  /** The styles of a drawn map and of its provenance line, which come with the drawing code. */
  private _adoptDrawnStyles(draw: Drawing): void {
    this.adopt(draw.drawnStyles);
    this.adopt(draw.provenanceViewStyles);
  }

  protected override updated(): void {
    if (this._data.status === TaskStatus.ERROR) this._reportError(this._data.error);
    this._placeTooltip();
  }

  // --- data -------------------------------------------------------------------------

  /** The request the attributes describe (plain data, compared deeply), or why there is none. */
  private _ask(): Ask {
    const invalid = (kind: ErrorData['kind'], value?: string): Ask => ({ kind: 'invalid', error: { kind, params: { value } } });
    const level = this.level as MapLevel;
    if (!LEVELS.includes(level) || (level === 'comune' && !this.geo)) return invalid('bad-level', String(this.level));
    if (this.asOf && !validDate(this.asOf)) return invalid('bad-date', this.asOf);
    if (this.geo && !this.key) return invalid('need-key');
    let src: string | null;
    try {
      src = this.src ? new URL(this.src, document.baseURI).href : null;
    } catch {
      return invalid('invalid-option', this.src);
    }
    const metric = (this.metric || 'engaged-share').trim().toLowerCase();
    const share = metric.endsWith('-share');
    return {
      areas: {
        kind: 'areas',
        src,
        programme: this.programme?.trim() || null,
        asOf: this._player?.date ?? (this.asOf || null),
        level,
        stage: share ? metric.slice(0, -'-share'.length) : metric,
      },
      share,
      geo: this.geo ?? null,
      key: this.key ?? null,
    };
  }

  private async _compute(ask: Ask, coordinator: Coordinator | undefined, signal?: AbortSignal): Promise<MapData> {
    if ('kind' in ask) throw invalidOption(ask.error.kind, ask.error.params as { value?: string });
    if (!coordinator) throw new PiccoliDataError('engine', 'No piccoli-dashboard coordinator is provided to this element.');
    const { areas: req, share, geo, key } = ask;
    this._load.started();
    const lang = this._lang;
    // Imported once (a second import() resolves a task later: a new date's answer, known at once, would miss its frame).
    const drawing = Promise.resolve(this._data.value?.draw ?? import('../../map/drawing.js'));
    // The drawn map's words in the element's language come beside the data, not after it.
    const words = drawing.then((m) => Promise.all([loadWords(m.MAP_STRINGS, lang), loadWords(m.PROVENANCE, lang)]));
    // Another date of the same map keeps its shapes (a site's file is not fetched again).
    const base = baseOf(ask);
    const prev = this._data.value;
    const geometryPromise =
      prev?.base === base
        ? Promise.resolve(prev.geometry)
        : drawing.then((m) => m.loadGeometry({ level: req.level, geo: geo ?? undefined, key: key ?? undefined, signal }));
    geometryPromise.catch(() => undefined); // reported below, after the data's own errors
    let answer;
    try {
      answer = await coordinator.request(req, {
        signal,
        onProgress: (p) => {
          this._progress = p.total ? p.loaded / p.total : null;
          this.dispatchEvent(new PiccoliLoadProgressEvent({ source: p.source, loaded: p.loaded, total: p.total }));
        },
      });
    } finally {
      this._progress = null;
    }
    // The share of eligible of stage 0 is always 100 %: not a metric.
    if (share && answer.stage.order === 0) {
      throw invalidOption('unknown-metric', { value: this.metric, available: metricNames(answer.programme.stages) }, 'metric');
    }
    const metric: Metric = { stage: answer.stage.stage, stageOrder: answer.stage.order, share };
    const [geometry, draw] = await Promise.all([geometryPromise, drawing, words]);
    const furthest = req.level === 'comune' ? await draw.furthestStages(coordinator, req, answer, signal) : null;
    this._adoptDrawnStyles(draw);
    const names = new Map(geometry.shapes.map((s) => [s.code, s.name]));
    const values = new Map<string, AreaDatum>();
    for (const r of answer.rows) {
      const name = r.name ?? names.get(r.code) ?? r.code;
      values.set(r.code, {
        code: r.code,
        name,
        eligible: r.eligible,
        reached: r.reached,
        value: furthest ? furthest.order.get(r.code)! : share ? r.reached / r.eligible : r.reached,
      });
    }
    if (geo && answer.rows.length && !geometry.shapes.some((s) => values.has(s.code))) {
      const sample = geometry.shapes.slice(0, 3).map((s) => s.code);
      throw new PiccoliDataError('format', `No code of the property ${key} of ${geo} matches the data (e.g. ${sample.join(', ')}).`, geo, {
        kind: 'geo',
        params: { problem: 'no-match', file: geo, key: key ?? '', sample },
      });
    }
    const credit: MapData['credit'] = geo
      ? { kind: 'geo', host: new URL(geo, document.baseURI).host || geo }
      : req.level === 'region'
        ? { kind: 'regions' }
        : { kind: 'tiles' };
    return {
      draw,
      base,
      programme: answer.programme.id,
      meta: answer.programme.meta,
      metric,
      stages: furthest?.stages ?? null,
      asOf: answer.asOf,
      backend: answer.backend,
      bases: furthest?.bases ?? new Map(answer.rows.map((r) => [r.code, r.basis])),
      origin: answer.origin,
      file: answer.source,
      firstDate: answer.programme.firstDate,
      geometry,
      values,
      credit,
    };
  }

  // --- drawing ------------------------------------------------------------------------

  /** The selected area of this map's level, from the page's store or the local comune. */
  private get _selected(): string | null {
    const level = this._shown()?.geometry.level ?? this.level;
    if (level === 'comune') return this._localSelection;
    const shared = this._selection.current;
    return shared && shared.level === level ? shared.code : null;
  }

  /** Build the drawing once per geometry, then recolour it in place. */
  private _paint(d: MapData): void {
    const lang = this._lang;
    const t = this._words(d.draw.MAP_STRINGS);
    if (!t) return; // painted when the words arrive
    const selected = this._selected;
    this._roving ??= new d.draw.RovingFocusController<string>(this, this._rovingOptions());
    if (this.play)
      this._player ??= new d.draw.MapPlayer(this, () => (this._data.status === TaskStatus.COMPLETE ? this._data.value : undefined));
    const focusCode = this._roving.tabStop(selected);
    // The colours as the element's style has them now: a new scheme (the reader's, the
    // theme attribute, paper) repaints.
    if (!isServer) this._scheme ??= new d.draw.SchemeController(this);
    const { renderMap, mapScale, paintMap } = d.draw;
    const palette = this._palette(d.draw);
    const key = [d, lang, selected, focusCode, String(Object.values(palette))];
    if (this._view?.geometry === d.geometry && key.every((k, i) => k === this._paintKey[i])) return;
    this._paintKey = key;
    if (this._view?.geometry !== d.geometry) {
      this._view = renderMap(d.geometry, { idPrefix: this._id, label: '', palette });
    }
    this._view.svg.setAttribute('aria-label', t.mapLabel(this._title(d, lang, t)));
    const scale = mapScale(d, palette);
    paintMap(this._view, {
      values: d.values,
      scale,
      selected,
      focusCode,
      idPrefix: this._id,
      palette,
      describe: (s, v) => {
        // A tile shows its sigla: the accessible name must contain the visible text.
        const area = placeName(t, v?.name ?? s.name);
        const name = s.label && s.label !== area ? `${area} (${s.label})` : area;
        const sel = s.code === selected ? ` (${t.selected})` : '';
        if (!v) return `${name}: ${t.noData}${sel}`;
        const counts = d.stages ? '' : `, ${this._counts(d, v, lang, t)}`;
        return `${name}: ${this._formatValue(d, v.value, lang, t)}${counts}${sel}`;
      },
    });
  }

  private _formatValue(d: MapData, value: number, lang: Lang, t: Strings): string {
    if (d.stages) return value ? this._stageLabel(d, lang, d.stages[value]?.stage) : t.noStage;
    return d.metric.share ? formatPercent(value, lang) : formatInteger(value, lang);
  }

  private _counts(d: MapData, v: AreaDatum, lang: Lang, t: Strings): string {
    return t.ofEligible(formatInteger(v.reached, lang), formatInteger(v.eligible, lang), this._entities(d, t));
  }

  private _entities(d: MapData, t: Strings): string {
    return t.entities[d.meta?.entity_kind ?? 'comune'];
  }

  private _stageLabel(d: MapData, lang: Lang, stage = d.metric.stage): string {
    const s = d.meta?.stages.find((x) => x.stage === stage);
    return s ? inLang(s, 'label', lang) : stage.replaceAll('_', ' ');
  }

  private _title(d: MapData, lang: Lang, t: Strings): string {
    if (d.stages) return t.furthest(this._entities(d, t));
    const stage = this._stageLabel(d, lang);
    const what = d.metric.share ? t.shareOf(stage, this._entities(d, t)) : t.countOf(stage, this._entities(d, t));
    return `${what}, ${t.byLevel[d.geometry.level]}`;
  }

  private _placeTooltip(): void {
    const tip = this._tipEl;
    const box = this._box;
    if (!tip || !box || !this._tip) return;
    const draw = this._shown()?.draw;
    if (!draw) return;
    const { left, top } = draw.tooltipPosition(this._tip, { width: tip.offsetWidth, height: tip.offsetHeight }, box.clientWidth);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  // --- interaction --------------------------------------------------------------------

  /** The area an event target belongs to, with its shape in the current drawing. */
  private _areaAt(target: EventTarget | null): { el: SVGElement; shape: MapShape } | null {
    const el = target instanceof Element ? target.closest<SVGElement>('[data-code]') : null;
    const code = el?.getAttribute('data-code');
    const shape = code ? this._shape(code) : undefined;
    return el && shape ? { el, shape } : null;
  }

  private _shape(code: string): MapShape | undefined {
    const g = this._view?.geometry;
    if (!g) return undefined;
    let index = shapeIndex.get(g);
    if (!index) shapeIndex.set(g, (index = new Map(g.shapes.map((s) => [s.code, s]))));
    return index.get(code);
  }

  private _handleClick(e: MouseEvent): void {
    const a = this._areaAt(e.target);
    if (!a) return;
    this._roving?.setTabStop(a.shape.code);
    this._toggle(a.shape);
  }

  private _handleFocusIn(e: FocusEvent): void {
    const a = this._areaAt(e.target);
    if (!a || !this._box) return;
    const r = a.el.getBoundingClientRect();
    const b = this._box.getBoundingClientRect();
    this._tip = { code: a.shape.code, x: r.left + r.width / 2 - b.left, y: r.top + r.height / 2 - b.top };
  }

  private _handlePointerMove(e: PointerEvent): void {
    const a = this._areaAt(e.target);
    if (!a || !this._box) {
      if (this._tip) this._tip = null;
      return;
    }
    const b = this._box.getBoundingClientRect();
    this._tip = { code: a.shape.code, x: e.clientX - b.left, y: e.clientY - b.top };
  }

  private _hideTip(): void {
    this._tip = null;
  }

  private _toggle(shape: MapShape): void {
    this._select(this._selected === shape.code ? null : shape);
  }

  /** Select an area (or clear with null): the page's store, this map, and the event. */
  private _select(shape: MapShape | null): void {
    const d = this._shown();
    if (!d) return;
    const level = d.geometry.level;
    const previous = this._selected;
    const code = shape?.code ?? previous;
    if (!code) return;
    const name = d.values.get(code)?.name ?? d.geometry.shapes.find((s) => s.code === code)?.name ?? code;
    if (level === 'comune') this._localSelection = shape ? shape.code : null;
    else {
      this._selection.set(shape ? { level, code, name } : null);
    }
    this.dispatchEvent(new PiccoliAreaSelectEvent({ level, code, name, selected: shape !== null }));
  }

  /** Clear this map's selection (and the page's, for regions and provinces). */
  clearSelection(): void {
    if (this._selected) this._select(null);
  }

  // --- render -------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const lang = this._lang;
    // Undefined while the words of the element's language are on their way: a wordless skeleton.
    const first = this._words(FIRST_STRINGS);
    const { status, error } = this._data;
    const value = this._shown();
    if (status === TaskStatus.ERROR && !isAbortError(error)) {
      return this._renderError(error, first?.errorTitle, () => void this._data.run());
    }
    if (status === TaskStatus.ERROR && this._load.cancelled && first) return this._load.view(first.cancelled, first.retry);
    const t = value && this._words(value.draw.MAP_STRINGS);
    if (
      (status !== TaskStatus.COMPLETE && value?.base !== baseOf(this._ask())) ||
      !value ||
      !this._view ||
      !t ||
      !first ||
      !this._words(value.draw.PROVENANCE)
    ) {
      return this._skeleton(first);
    }
    return this._mapView(value, lang, t);
  }

  private _ratio(): string {
    const vb = this._view?.geometry.viewBox;
    if (vb) return `${vb[2]} / ${vb[3]}`;
    if (this.geo) return '1 / 1';
    if (this.level === 'province') {
      const step = TILE + TILE_GAP;
      return `${TILE_GRID.columns * step} / ${TILE_GRID.rows * step}`;
    }
    const [, , w, h] = REGIONS_VIEWBOX;
    return `${w} / ${h}`;
  }

  private _skeleton(first: FirstStrings | undefined): TemplateResult {
    const loading = first?.loading ?? '\u00a0'; // no words yet: the line keeps its height
    const pct = this._progress === null || !first ? null : formatPercent(this._progress, this._lang);
    return html`<figure part="figure" class="skeleton" aria-busy="true">
      <figcaption part="caption">
        <span class="title"><span class="ph"></span></span>
        <span class="sub"
          ><span role="status">${pct ? `${loading} ${pct}` : loading}</span>
          ${
            pct ? html`<button class="cancel" type="button" part="cancel" @click=${this._load.cancel}>${first!.cancel}</button>` : nothing
          }</span
        >
        <span class="provenance pending">&nbsp;</span>
      </figcaption>
      <div class="map-box" part="map" ${styleProps({ 'aspect-ratio': this._ratio() })}><div class="ph map-ph"></div></div>
      <ul class="legend" part="legend" aria-hidden="true">
        ${Array.from({ length: 6 /* five classes and no data */ }, () => html`<li><span class="swatch ph"></span><span class="ph"></span></li>`)}
      </ul>
      <p class="source" part="source">&nbsp;</p>
      <div class="about">&nbsp;</div>
      <p class="credit" part="credit">&nbsp;</p>
    </figure>`;
  }

  private _mapView(d: MapData, lang: Lang, t: Strings): TemplateResult {
    return d.draw.renderMapView({
      d,
      lang,
      t,
      // In Node the drawing is written as markup (src/ssr/map.ts).
      view: isServer ? { ...this._view!, svg: server.markup(this._view!, (c) => this.adopt(c)) as SVGSVGElement } : this._view!,
      what: this._title(d, lang, t),
      ratio: this._ratio(),
      palette: this._palette(d.draw),
      tip: this._tip,
      selected: this._selected,
      formatValue: (v) => this._formatValue(d, v, lang, t),
      counts: (v) => this._counts(d, v, lang, t),
      download: downloadButton(lang, d),
      play: this._player?.render(t, lang),
      // Called with the element as `this` (Lit binds listeners to the rendering host).
      on: {
        click: this._handleClick,
        focusIn: this._handleFocusIn,
        hide: this._hideTip,
        pointerMove: this._handlePointerMove,
        clear: () => this.clearSelection(),
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-map': PiccoliMap;
  }
}
