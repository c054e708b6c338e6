import { css, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { formatPercent, type Lang } from '../../i18n/index.js';
import type { FunnelAnswer } from '../../query/types.js';
import { styleProps } from '../../styles/style-props.js';
import { comparedName, type Compared } from '../compare.js';
import type { ProvenanceView } from '../provenance.js';
import type { Strings } from './strings.js';

export { compareAnswers } from '../compare.js';

/**
 * The funnel's comparison (`compare="region italy"`), loaded only when an element has the
 * attribute: per stage, the share of eligible its region and Italy reached by the same
 * day, as a marker on the bar (a solid, dashed or dotted tick, named in a visible key)
 * and a column of the table. The element adopts `compareStyles`.
 */

export const compareStyles = css`
  .bar {
    position: relative;
    overflow: visible;
  }
  .bar > span {
    border-radius: inherit;
  }
  .mk,
  .key i {
    position: absolute;
    top: -0.3em;
    bottom: -0.3em;
    left: var(--at);
    margin-left: -2px;
    border-left: 3px solid var(--_text);
    box-shadow: 0 0 0 1px var(--_bg);
  }
  .mk.province,
  .key i.province {
    border-left-style: dashed;
  }
  .mk.italy,
  .key i.italy {
    border-left-style: dotted;
  }
  .key {
    margin: var(--_space) 0 0;
    font-size: 0.875em;
  }
  .key span {
    margin-left: 1em;
  }
  .key i {
    position: relative;
    display: inline-block;
    height: 1em;
    top: 0.15em;
    left: 0;
    margin: 0 0.4em 0 0;
  }
`;

/** What the funnel's template places: the columns' heads, each stage's cells and markers, the key (or why there is none), the styles. */
export interface CompareView {
  styles: CSSResult;
  head: TemplateResult[];
  cells: (order: number) => TemplateResult[];
  marks: (order: number) => TemplateResult[];
  key: TemplateResult | typeof nothing;
}

/**
 * The comparison's parts for the funnel's template; `failed`: the compared funnels could
 * not be answered (the funnel itself is shown, with a line saying so).
 */
export function compareView(
  list: readonly Compared<FunnelAnswer>[],
  pv: ProvenanceView,
  lang: Lang,
  t: Strings,
  date: string,
  failed: boolean,
): CompareView {
  const share = (c: Compared<FunnelAnswer>, order: number) => {
    const s = c.answer.stages;
    return (s[order]?.n ?? 0) / (s[0]?.n || NaN);
  };
  const names = list.map((c) => comparedName(c, t));
  return {
    styles: compareStyles,
    head: list.map(
      (c, i) => html`<th scope="col" class="elig cmp" data-compare=${c.token} data-backend=${c.answer.backend}>% ${names[i]}</th>`,
    ),
    cells: (order) =>
      list.map((c, i) => {
        const basis = c.answer.stages[order]?.basis;
        return html`<td class="share elig cmp" data-compare=${c.token}>${formatPercent(share(c, order), lang)}${basis ? pv.mark(basis) : nothing}<span class="visually-hidden"> ${t.ofEligible}, ${names[i]}</span></td>`;
      }),
    marks: (order) =>
      order === 0
        ? []
        : list
            .map((c) => [c, share(c, order)] as const)
            .filter(([, v]) => Number.isFinite(v))
            .map(
              ([c, v]) =>
                html`<i class="mk ${c.token}" data-compare=${c.token} ${styleProps({ '--at': `${(Math.min(v, 1) * 100).toFixed(2)}%` })}></i>`,
            ),
    key: failed
      ? html`<p class="key" part="compare">${t.compareFailed}</p>`
      : list.length
        ? html`<p class="key" part="compare">
          ${t.compared(date)}
          ${list.map((c, i) => html` <span><i class=${c.token}></i>${names[i]}</span>`)}
        </p>`
        : nothing,
  };
}
