import type { ProgrammeMeta } from '../../data/bundled.js';
import { inLang, type Lang } from '../../i18n/index.js';
import type { LegendItem, Picture, PictureLine } from './image.js';
import type { DownloadStrings } from './strings.js';

/**
 * What the files say that the element already says: read from its rendered shadow root
 * (caption, provenance label, source line, legend), so that a picture carries the same
 * words, in the same language and colours, as the figure on the page.
 */

/** An element's text as shown, white space folded. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A line of the picture from a shown element: its text and colour; null when it says nothing. */
export function lineOf(el: Element | null | undefined, size?: number, weight?: number): PictureLine | null {
  const text = textOf(el);
  if (!el || !text) return null;
  return { text, colour: getComputedStyle(el).color, ...(size ? { size } : {}), ...(weight ? { weight } : {}) };
}

/**
 * The caption and foot every element shows: the title; the line under it (area, metric,
 * date), the provenance label and any `extra` shown lines; the source line, any `credit`
 * lines and the library's own line.
 */
export function figureText(
  root: ShadowRoot,
  s: DownloadStrings,
  extra: (Element | null)[] = [],
  credit: (Element | null)[] = [],
): Pick<Picture, 'title' | 'head' | 'foot'> {
  const caption = root.querySelector('[part=caption]');
  const present = (ls: (PictureLine | null)[]) => ls.filter((l): l is PictureLine => l !== null);
  const muted = lineOf(caption?.querySelector('.sub'))?.colour;
  return {
    title: lineOf(caption?.querySelector('.title'), 18, 700) ?? { text: '', size: 18, weight: 700 },
    head: present([
      lineOf(caption?.querySelector('.sub'), 13),
      lineOf(root.querySelector('[part=provenance]'), 12, 700),
      ...extra.map((e) => lineOf(e)),
    ]),
    foot: present([
      lineOf(root.querySelector('[part=source]'), 11),
      ...credit.map((e) => lineOf(e, 11)),
      { text: s.credit, size: 11, ...(muted ? { colour: muted } : {}) },
    ]),
  };
}

/** The legend as shown: each entry's swatch colour (a `.swatch`, or the entry's `::before` line) and its words. */
export function legendOf(root: ShadowRoot): LegendItem[] {
  return [...root.querySelectorAll('[part=legend] li')].map((li) => {
    const swatch = li.querySelector('.swatch');
    const cs = swatch ? getComputedStyle(swatch) : getComputedStyle(li, '::before');
    // A hatched swatch (the map's "no data") is a gradient: its first colour stands for it.
    const colour = /^rgba\(.*,\s*0\)$/.test(cs.backgroundColor)
      ? (/rgba?\([^)]*\)/.exec(cs.backgroundImage)?.[0] ?? cs.backgroundColor)
      : cs.backgroundColor;
    return { colour, text: textOf(li) };
  });
}

/** A stage's name in the reader's language, as the elements name it. */
export function stageName(stage: string, meta: ProgrammeMeta | undefined, lang: Lang): string {
  const s = meta?.stages.find((x) => x.stage === stage);
  return s ? inLang(s, 'label', lang) : stage.replaceAll('_', ' ');
}

/** A programme's short name (its caption's title): up to " - ". */
export function programmeName(id: string, meta: ProgrammeMeta | undefined, lang: Lang): string {
  return (meta ? inLang(meta, 'name', lang) : id).split(' - ')[0]!;
}

/** The data file an answer was read from, when the reader can have it as it is: Arrow or Parquet over HTTP(S). */
export function dataFile(url: string): { url: string; format: 'Arrow' | 'Parquet' } | undefined {
  let path: string;
  try {
    const u = new URL(url);
    if (!/^(https?|blob):$/.test(u.protocol)) return undefined;
    path = u.pathname.toLowerCase();
  } catch {
    return undefined;
  }
  if (/\.(arrow|arrows|feather|ipc)$/.test(path)) return { url, format: 'Arrow' };
  if (path.endsWith('.parquet')) return { url, format: 'Parquet' };
  return undefined;
}
