import { css } from 'lit';
import { messageOf } from '../../data/errors.js';
import type { Lang } from '../../i18n/index.js';
import { CSV_EXCEL_IT, CSV_PLAIN, writeCsv, type CsvFormat } from './csv.js';
import { download, fileName } from './file.js';
import { funnelDownloads } from './funnel.js';
import { pictureSvg, svgToPng } from './image.js';
import { mapDownloads } from './map.js';
import { downloadStrings } from './strings.js';
import { trendDownloads } from './trend.js';
import type { MapData } from '../piccoli-map/piccoli-map.js';
import type { PiccoliTrend } from '../piccoli-trend/piccoli-trend.js';
import type { Downloadable, Downloads, FunnelShown, TrendShown } from './types.js';

/**
 * The download menu (WAI-ARIA menu button): opened by the «Scarica» trigger (trigger.ts)
 * with Enter, Space or a click, focus on its first item; arrow keys, Home and End move
 * between items; Enter or Space takes one; Escape closes it and gives focus back to the
 * trigger; Tab closes it and moves on; a press or focus outside closes it. Built in the
 * element's shadow root, right after the trigger, each time it opens. An item that fails says why beside
 * the trigger (role="status"), never in the page's console only.
 */

const menuStyles = css`
  .dl-menu {
    position: absolute;
    z-index: 3;
    display: flex;
    flex-direction: column;
    min-width: max-content;
    padding: 0.25em 0;
    font-size: 0.875rem;
    line-height: 1.4;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    box-shadow: 0 2px 8px rgb(0 0 0 / 20%);
  }
  .dl-menu [role='menuitem'] {
    all: unset;
    box-sizing: border-box;
    display: block;
    padding: 0.4em 0.9em;
    cursor: pointer;
    white-space: nowrap;
  }
  .dl-menu [role='menuitem']:hover,
  .dl-menu [role='menuitem']:focus {
    background: var(--_track);
  }
  .dl-menu [role='menuitem']:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: -3px;
  }
  .dl-status {
    margin-left: 0.5em;
    font-size: 0.75em;
    color: var(--_error);
  }
  .dl-status:empty {
    display: none;
  }
  @media print {
    .dl-menu,
    .dl-status {
      display: none;
    }
  }
`;

/** What the element shows, as files: which element it is, its tag says. */
function downloadsOf(root: ShadowRoot, what: Downloadable, lang: Lang): Downloads {
  const s = downloadStrings(lang);
  const tag = root.host.localName;
  if (tag === 'piccoli-map') return mapDownloads(root, what as MapData, lang, s);
  if (tag === 'piccoli-trend') return trendDownloads(root, what as TrendShown, (root.host as PiccoliTrend).metric === 'share', lang, s);
  return funnelDownloads(root, what as FunnelShown, lang, s);
}

/** One entry of the menu: an action, or a link to a file. */
interface Item {
  label: string;
  run?: () => void | Promise<void>;
  href?: string;
}

/** The items for an element's downloads. */
function itemsOf(d: Downloads, lang: Lang): Item[] {
  const s = downloadStrings(lang);
  const csv = (f: CsvFormat, name: (string | null)[]) => () =>
    download(writeCsv(d.table(), f), 'text/csv;charset=utf-8', fileName(name, 'csv'));
  const picture = d.picture;
  const svg = () => pictureSvg(picture!());
  return [
    { label: s.csvExcel, run: csv(CSV_EXCEL_IT, [...d.name, s.names.excel]) },
    { label: s.csvPlain, run: csv(CSV_PLAIN, d.name) },
    ...(d.file ? [{ label: s.dataFile(d.file.format), href: d.file.url }] : []),
    ...(picture
      ? [
          { label: s.svg, run: () => download(svg(), 'image/svg+xml', fileName(d.name, 'svg')) },
          { label: s.png, run: async () => download(await svgToPng(svg()), 'image/png', fileName(d.name, 'png')) },
        ]
      : []),
  ];
}

/** The open menus, by trigger: how to close each. */
const open = new WeakMap<HTMLButtonElement, (refocus: boolean) => void>();
/** Each trigger's status line, which says when a download failed (it outlives the menu). */
const statuses = new WeakMap<HTMLButtonElement, HTMLElement>();
let count = 0;

/** Open the menu of this trigger, or close it when it is open. `what`: the answer the element shows. */
export function toggleMenu(button: HTMLButtonElement, lang: Lang, what: Downloadable): void {
  const close = open.get(button);
  if (close) return close(false);
  const root = button.getRootNode() as ShadowRoot;
  const s = downloadStrings(lang);
  const sheet = menuStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  let status = statuses.get(button);
  if (!status) {
    status = document.createElement('span');
    status.className = 'dl-status';
    status.setAttribute('role', 'status');
    statuses.set(button, status);
  }
  const said = status;
  said.textContent = '';
  button.after(said);

  button.id ||= `piccoli-dl-${++count}`;
  const menu = document.createElement('div');
  menu.id = `${button.id}-menu`;
  menu.className = 'dl-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-labelledby', button.id);
  const items: HTMLElement[] = itemsOf(downloadsOf(root, what, lang), lang).map((item) => {
    const el = document.createElement(item.href ? 'a' : 'button');
    el.setAttribute('role', 'menuitem');
    el.tabIndex = -1;
    el.textContent = item.label;
    if (el instanceof HTMLAnchorElement) {
      el.href = item.href!;
      el.download = '';
    } else el.type = 'button';
    el.addEventListener('click', () => {
      // A link follows itself once the click is over: it must still be in the page then.
      if (!item.run) return void setTimeout(() => finish(true));
      finish(true);
      void (async () => {
        try {
          await item.run!();
        } catch (e) {
          said.textContent = s.failed(messageOf(e));
        }
      })();
    });
    return el;
  });
  menu.append(...items);

  const move = (to: number) => items[(to + items.length) % items.length]!.focus();
  menu.addEventListener('keydown', (e) => {
    const at = items.indexOf(e.target as HTMLElement);
    const key = e.key;
    if (key === 'ArrowDown') move(at + 1);
    else if (key === 'ArrowUp') move(at - 1);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(-1);
    else if (key === 'Escape') finish(true);
    else if (key === ' ' && e.target instanceof HTMLAnchorElement) e.target.click();
    else {
      // Tab moves on from the trigger: focus goes there first, and the key's own move follows.
      if (key === 'Tab') finish(true);
      return;
    }
    // The element's own keys (the map's arrows and Escape) stay out of the menu's.
    e.preventDefault();
    e.stopPropagation();
  });
  // Focus or a press leaving the trigger and its menu closes the menu.
  const inside = (n: EventTarget | null) => n === button || (n instanceof Node && menu.contains(n));
  const onFocusOut = (e: FocusEvent) => {
    if (!inside(e.relatedTarget)) finish(false);
  };
  const onPointer = (e: Event) => {
    if (!e.composedPath().some(inside)) finish(false);
  };
  menu.addEventListener('focusout', onFocusOut);
  document.addEventListener('pointerdown', onPointer, true);

  function finish(refocus: boolean): void {
    if (open.get(button) !== finish) return;
    open.delete(button);
    document.removeEventListener('pointerdown', onPointer, true);
    button.setAttribute('aria-expanded', 'false');
    button.removeAttribute('aria-controls');
    menu.remove();
    if (refocus) button.focus();
  }
  open.set(button, finish);
  button.setAttribute('aria-expanded', 'true');
  button.setAttribute('aria-controls', menu.id);
  button.after(menu);
  // Under the trigger, inside the element's box (its host is the containing block).
  const room = (menu.offsetParent as HTMLElement | null)?.clientWidth ?? Infinity;
  menu.style.top = `${button.offsetTop + button.offsetHeight + 2}px`;
  menu.style.left = `${Math.max(0, Math.min(button.offsetLeft, room - menu.offsetWidth))}px`;
  items[0]!.focus();
}
