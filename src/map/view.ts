import { html, nothing, type TemplateResult } from 'lit';
import type { MapData } from '../components/piccoli-map/piccoli-map.js';
import type { Strings } from '../components/piccoli-map/strings.js';
import { provenanceView } from '../components/provenance.js';
import { formatDate, formatInteger, formatPercent, inLang, placeName, type Lang } from '../i18n/index.js';
import { styleProps } from '../styles/style-props.js';
import type { Palette } from './palette.js';
import { REGIONS_CREDIT } from './regions.js';
import { colourScale, legendItems, showFocusRing, type MapView } from './render.js';
import { stageColours } from './stages.js';
import type { AreaDatum } from './types.js';

/** What the drawn map's template needs from its element. */
export interface MapViewInput {
  d: MapData;
  lang: Lang;
  t: Strings;
  view: MapView;
  /** The metric's title (stage, share or count, level). */
  what: string;
  /** The box's aspect ratio, as the skeleton had it. */
  ratio: string;
  palette: Palette;
  tip: { code: string } | null;
  selected: string | null;
  formatValue: (value: number) => string;
  counts: (v: AreaDatum) => string;
  /** The download menu's trigger (src/components/download/trigger.ts), made by the element. */
  download: TemplateResult;
  /** The play over as-of (src/map/play.ts), when the element has `play`. */
  play?: TemplateResult | typeof nothing;
  /** Listeners, called with the element as `this`. */
  on: {
    click: (e: MouseEvent) => void;
    focusIn: (e: FocusEvent) => void;
    hide: () => void;
    pointerMove: (e: PointerEvent) => void;
    clear: () => void;
  };
}

/**
 * The drawn map: caption with its provenance, the SVG with the tooltip, the legend, the
 * clear-selection button, source and credit lines, and the table screen readers get.
 * Loaded with the drawing code (drawing.ts), so that no element's first load carries it.
 */
export function renderMapView(input: MapViewInput): TemplateResult {
  const { d, lang, t, view, what, tip, selected, formatValue, counts, on } = input;
  const title = d.meta ? inLang(d.meta, 'name', lang).split(' - ')[0]! : d.programme;
  /** An area's name as the data has it (else the shape's), in the reader's language. */
  const nameOf = (s: { code: string; name: string }) => placeName(t, d.values.get(s.code)?.name ?? s.name);
  const date = formatDate(d.asOf, lang);
  const scale = colourScale(
    [...d.values.values()].map((v) => v.value),
    d.metric.share,
    input.palette,
  );
  const fmt = (n: number) => (d.metric.share ? formatPercent(n, lang).replace(/,0(?=\s?%)/, '') : formatInteger(n, lang));
  // A comune map's legend names its stages (one colour each); other maps', classes of values.
  const items = d.stages
    ? stageColours(d.stages.length, input.palette).map((colour, i) => ({ colour, text: formatValue(i) }))
    : legendItems(scale).map((it) => ({ colour: it.colour, text: `${fmt(it.from)}–${fmt(it.to)}` }));
  const stages = d.stages !== null;
  const tipArea = tip ? d.geometry.shapes.find((s) => s.code === tip.code) : undefined;
  const tipValue = tipArea ? d.values.get(tipArea.code) : undefined;
  const empty = d.values.size === 0;
  const pv = provenanceView([...d.bases.values()], d.origin, d.file, lang);
  const selectedShape = selected ? d.geometry.shapes.find((s) => s.code === selected) : undefined;
  const selectedName = selected ? nameOf(selectedShape ?? { code: selected, name: selected }) : null;
  const sorted = [...d.geometry.shapes].sort((a, b) => nameOf(a).localeCompare(nameOf(b), lang));
  const credit =
    d.credit.kind === 'regions'
      ? html`<a href=${REGIONS_CREDIT.href} rel="license noopener">${t.regionsCredit}</a>`
      : d.credit.kind === 'tiles'
        ? t.tiles
        : t.geoCredit(d.credit.host);
  // The areas' keys (arrows, Enter, Escape) are heard by the RovingFocusController on the
  // host, not on this box; the click here is the pointer's way to the same toggle.
  return html`<figure part="figure" data-backend=${d.backend}>
    <figcaption part="caption">
      <span class="title">${title}</span>
      <span class="sub">${what} · ${t.asOf(date)}</span>
      ${pv.label}${input.download}
    </figcaption>
    <div
      class="map-box"
      part="map"
      ${styleProps({ 'aspect-ratio': input.ratio })}
      @click=${on.click}
      @focusin=${function (this: unknown, e: FocusEvent) {
        showFocusRing(view, e);
        on.focusIn.call(this, e);
      }}
      @focusout=${function (this: unknown, e: FocusEvent) {
        showFocusRing(view, e);
        on.hide.call(this);
      }}
      @pointermove=${on.pointerMove}
      @pointerleave=${on.hide}
    >
      ${view.svg}
      ${
        empty
          ? html`<p class="message empty" role="status" part="message">
            ${d.asOf < d.firstDate ? t.notStarted(formatDate(d.firstDate, lang)) : t.empty}
          </p>`
          : nothing
      }
      ${
        tipArea
          ? html`<div class="tooltip" part="tooltip" aria-hidden="true" data-code=${tipArea.code}>
            <strong class="tip-name">${nameOf(tipArea)}</strong>
            ${
              tipValue
                ? html`<span class="tip-value">${formatValue(tipValue.value)}</span>
                  ${stages ? nothing : html`<span class="tip-counts">${counts(tipValue)}</span>`}
                  ${pv.mark(d.bases.get(tipArea.code)!)}`
                : html`<span class="tip-value nodata">${t.noData}</span>`
            }
          </div>`
          : nothing
      }
    </div>
    ${input.play}
    <ul class="legend ${stages ? 'stages' : ''}" part="legend" aria-label=${what}>
      ${items.map((it) => html`<li><span class="swatch" ${styleProps({ background: it.colour })}></span><span>${it.text}</span></li>`)}
      <li><span class="swatch nodata"></span><span>${t.noDataLegend}</span></li>
    </ul>
    ${
      selectedName
        ? html`<p class="selection">
          <button class="clear" type="button" part="clear" @click=${on.clear}>${t.clearSelection(selectedName)}</button>
        </p>`
        : nothing
    }
    ${pv.footer}
    <p class="credit" part="credit">${credit}</p>
    <div class="visually-hidden">
    <table>
      <caption>${t.tableCaption(`${title}: ${what}`, t.asOf(date))}</caption>
      <thead>
        <tr>
          <th scope="col">${t.levelName[d.geometry.level]}</th>
          <th scope="col">${stages ? t.stage : t.value}</th>
          ${stages ? nothing : html`<th scope="col">${t.reached}</th><th scope="col">${t.eligible}</th>`}
        </tr>
      </thead>
      <tbody>
        ${sorted.map((s) => {
          const v = d.values.get(s.code);
          return html`<tr data-code=${s.code}>
            <th scope="row">${nameOf(s)}</th>
            ${
              !v
                ? html`<td>${t.noData}</td>${stages ? nothing : html`<td></td><td></td>`}`
                : stages
                  ? html`<td>${formatValue(v.value)}${pv.mark(d.bases.get(s.code)!)}</td>`
                  : html`<td>${formatValue(v.value)}</td><td>${formatInteger(v.reached, lang)}${pv.mark(d.bases.get(s.code)!)}</td><td>${formatInteger(v.eligible, lang)}</td>`
            }
          </tr>`;
        })}
      </tbody>
    </table></div>
  </figure>`;
}
