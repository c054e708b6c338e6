import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/*
 * What the download tests ask of an element: its «Scarica» menu worked from the keyboard,
 * and the file a choice offers, captured from the real click on the link the library
 * makes (its blob: URL read back), not from a stub of the library's code.
 */

/** A file the page offered: its name and bytes. */
export interface Saved {
  name: string;
  bytes: Uint8Array;
  /** The bytes as UTF-8 (fatal: a file that is not UTF-8 fails the test). */
  text: string;
}

/** The next file the page offers as a download (a link with `download`, clicked): its name and bytes. */
export function nextDownload(): Promise<Saved> {
  return new Promise((resolve, reject) => {
    const onClick = (e: Event) => {
      const a = e.composedPath()[0];
      if (!(a instanceof HTMLAnchorElement) || !a.download || !a.href.startsWith('blob:')) return;
      e.preventDefault();
      document.removeEventListener('click', onClick, true);
      void fetch(a.href)
        .then((r) => r.arrayBuffer())
        .then((b) => {
          const bytes = new Uint8Array(b);
          resolve({
            name: a.download,
            bytes,
            // Decoded when asked (a PNG is no text). TextDecoder drops a BOM unless told not to: the tests look at it.
            get text() {
              return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
            },
          });
        }, reject);
    };
    document.addEventListener('click', onClick, true);
  });
}

/** The element's trigger. */
export function trigger(el: HTMLElement): HTMLButtonElement {
  const b = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]');
  expect(b, 'no download trigger').to.not.equal(null);
  return b!;
}

/** The open menu, once it is there. */
export async function openMenu(el: HTMLElement, key: 'Enter' | 'Space' = 'Enter'): Promise<HTMLElement> {
  trigger(el).focus();
  await sendKeys({ press: key });
  await waitUntil(() => el.shadowRoot!.querySelector('[role="menu"]'), 'the menu did not open', { timeout: 10_000 });
  return el.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!;
}

/** The menu's items' labels. */
export function labels(menu: HTMLElement): string[] {
  return [...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent!.trim());
}

/** Which item has focus ('' when none of them). */
export function focused(el: HTMLElement): string {
  const a = el.shadowRoot!.activeElement;
  return a?.getAttribute('role') === 'menuitem' ? a.textContent!.trim() : '';
}

/** Open the menu from the keyboard, go down to the item whose label matches, take it with Enter: the file it offers. */
export async function choose(el: HTMLElement, label: RegExp): Promise<Saved> {
  const menu = await openMenu(el);
  const all = labels(menu);
  const at = all.findIndex((l) => label.test(l));
  expect(at, `no item ${label} in ${all.join(' | ')}`).to.be.at.least(0);
  for (let i = 0; i < at; i++) await sendKeys({ press: 'ArrowDown' });
  expect(focused(el)).to.equal(all[at]);
  const file = nextDownload();
  await sendKeys({ press: 'Enter' });
  return await file;
}

/** RFC 4180 fields of a CSV text (quotes undone), row by row, without the last empty line. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** The texts of an SVG file, in order, and the whole of it as one line. */
export function svgTexts(svg: string): { doc: Document; texts: string[]; all: string } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'the SVG does not parse').to.equal(null);
  const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
  return { doc, texts, all: texts.join(' ').replace(/\s+/g, ' ') };
}

/** Width and height of a PNG from its header, after checking its 8-byte signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const v = new DataView(bytes.buffer, bytes.byteOffset);
  expect(String.fromCharCode(...bytes.slice(12, 16))).to.equal('IHDR');
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** An element's text as shown, white space (no-break spaces too) folded. */
export function shown(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The PNG item's file: a PNG at twice the size of the SVG file `svg`. */
export async function expectPngOf(el: HTMLElement, svg: Document): Promise<void> {
  const png = await choose(el, /PNG/);
  const root = svg.documentElement;
  expect(pngSize(png.bytes)).to.deep.equal({
    width: 2 * Number(root.getAttribute('width')),
    height: 2 * Number(root.getAttribute('height')),
  });
}

/** Each of the element's parts that say what the figure is (title, line under it, provenance, legend, source …) is in the picture's text. */
export function expectShownIn(el: HTMLElement, all: string, selectors: string[]): void {
  for (const sel of ['[part="caption"] .title', '[part="provenance"]', '[part="source"]', ...selectors]) {
    const parts = [...el.shadowRoot!.querySelectorAll(sel)];
    expect(parts.length, sel).to.be.at.least(1);
    for (const p of parts) expect(all, sel).to.contain(shown(p));
  }
}
