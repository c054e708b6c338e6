// `piccoli-data snapshot '<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>'`
//
// Prints the tag with its content rendered inside a declarative shadow root, so that the
// numbers, labels, source and provenance are on the page before any script runs (and
// with none). The content is the element's own render (Lit SSR, @lit-labs/ssr) of the
// answer its own coordinator and cube evaluator give in Node (src/ssr/index.ts), read
// from the bundled data on disk. The answer goes with it, as JSON inside the shadow root:
// when the library loads, the element's first render shows that answer (the same
// content, so nothing moves) and then asks the page's coordinator as usual
// (src/components/piccoli-element.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { html } from 'lit';
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { renderValue } from '@lit-labs/ssr/lib/render-value.js';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { loadElements } from './lib/elements.mjs';

export const USAGE = `Usage: piccoli-data snapshot '<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>' [options]

Prints the tag with its content pre-rendered (a declarative shadow root): readable with
JavaScript off, and taken over by the element, with nothing moving, when the library's
script loads. Paste it where the plain tag would go.

Options:
  --lang <it|en|de|fr>  the language of the content (default: the tag's lang, else it);
                        written on the tag as its lang attribute
  --data <folder>       the folder holding programmes.cube.json and programmes-meta.json
                        (default: the data this package ships, as dist/data/ serves it)
  --csp                 print only the sources a Content-Security-Policy's style-src needs
                        for the snapshot's styles ('sha256-…'), for a page that allows no
                        inline style
  -h, --help            this help

Elements with a static form: piccoli-progress, piccoli-map (level region or province),
piccoli-trend (its chart drawn at 640 x 292 px, scaled to the box the page gives it).
Not pre-rendered: src= (a site's file), compare=, and a map's geo=, play and level="comune".
Exit status: 0 printed, 1 the element would show an error (its message on stderr),
2 usage (a tag that is not one element of the library, an unknown attribute) or read error.`;

export class UsageError extends Error {}

/** Attributes any snapshot may carry besides the element's properties: HTML's id and class, and every element's `theme` (read by CSS). */
const GLOBAL_ATTRIBUTES = ['id', 'class', 'theme'];

/**
 * One start tag and its end tag, nothing inside: `<piccoli-x a="1" b='2' c=3 d></piccoli-x>`.
 * Values are decoded as HTML decodes them (`&amp;`, `&quot;`, `&#39;`, `&#x3C;` ...).
 * @returns {{ tag: string, attributes: [string, string][] }}
 */
export function parseTag(text) {
  const m =
    /^\s*<([a-z][a-z0-9]*-[a-z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>\s*<\/([a-z][a-z0-9]*-[a-z0-9-]*)\s*>\s*$/i.exec(
      text,
    );
  if (!m || m[1].toLowerCase() !== m[3].toLowerCase()) {
    throw new UsageError(
      'expected one element of the library and nothing inside it, e.g. \'<piccoli-progress province="PC"></piccoli-progress>\'',
    );
  }
  const attributes = [];
  const re = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let a; (a = re.exec(m[2]));) {
    const name = a[1].toLowerCase();
    if (attributes.some(([n]) => n === name)) throw new UsageError(`the attribute ${name} is given twice`);
    attributes.push([name, decodeEntities(a[2] ?? a[3] ?? a[4] ?? '')]);
  }
  return { tag: m[1].toLowerCase(), attributes };
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s) {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (all, dec, hex, name) => {
    if (name) return NAMED[name.toLowerCase()] ?? all;
    const cp = dec ? Number(dec) : parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  });
}

/**
 * JSON that can sit inside a <script> element: no `<`, `>` or `&` (so no `</script>` or
 * `<!--`), nor the two line separators older parsers end a string at.
 */
export function scriptJson(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A lit TemplateResult of `strings` and `values`, as the html tag makes it. */
function template(strings, values) {
  return html(Object.assign([...strings], { raw: [...strings] }), ...values);
}

/**
 * The element's template with each `styleProps({...})` (per-element style values the
 * browser sets through the CSSOM, which the server cannot run) turned into a marker
 * attribute and a CSS rule of the snapshot's own <style>: no style attribute, so a page's
 * CSP can allow the snapshot's styles by their hashes alone.
 */
function serverStyleProps(value, directiveClass, rules) {
  if (Array.isArray(value)) return value.map((v) => serverStyleProps(v, directiveClass, rules));
  if (!value || typeof value !== 'object' || value._$litType$ !== 1 || !Array.isArray(value.strings)) return value;
  const strings = [...value.strings];
  const values = value.values.map((v, i) => {
    if (v?._$litDirective$ !== directiveClass) return serverStyleProps(v, directiveClass, rules);
    const n = rules.length;
    const decls = Object.entries(v.values[0] ?? {})
      .filter(([k, x]) => /^(?:--)?[a-z][a-z0-9-]*$/i.test(k) && /^[^;{}<>\\]*$/.test(String(x)))
      .map(([k, x]) => `${k}:${x}`);
    rules.push(`[data-piccoli-s="${n}"]{${decls.join(';')}}`);
    strings[i] += 'data-piccoli-s="';
    strings[i + 1] = `"${strings[i + 1]}`;
    return String(n);
  });
  return template(strings, values);
}

/** Lit's renderer of LitElements, showing the answer the snapshot computed. */
/** Long texts of a programme's description that no element shows: left out of the snapshot's answer. */
const UNSHOWN_META = ['facts', 'facts_list', 'source_citation', 'provenance_note', 'funder', 'budget_eur'];

/** The answer as the snapshot carries it: what the element renders from, without prose it never shows. */
export function carriedAnswer(answer) {
  const meta = answer.programme.meta;
  if (!meta) return answer;
  const kept = Object.fromEntries(Object.entries(meta).filter(([k]) => !UNSHOWN_META.includes(k)));
  return { ...answer, programme: { ...answer.programme, meta: kept } };
}

function snapshotRenderer(element, answer, adopted, directiveClass) {
  return class SnapshotRenderer extends LitElementRenderer {
    constructor(tagName) {
      super(tagName);
      this.element = element; // the element whose parts were loaded (_ready)
    }

    connectedCallback() {
      this.element._snapshot = answer;
      super.connectedCallback();
    }

    renderShadow(renderInfo) {
      const el = this.element;
      const rules = [];
      const value = serverStyleProps(el.render(), directiveClass, rules);
      const css = [...el.constructor.elementStyles, ...adopted].map((s) => s.cssText).join('') + rules.join('');
      return [
        `<style>${css.replace(/<\//g, '<\\/')}</style>`,
        () => renderValue(value, renderInfo),
        `<script type="application/json">${scriptJson(answer)}</script>`,
      ];
    }
  };
}

/**
 * The snapshot of one tag.
 * @param {string} tagText the tag as a site writes it
 * @param {{ lang?: string, data?: string }} [opts]
 * @returns {Promise<{ html: string, tag: string, lang: string, request: object, answer: object, styleHashes: string[] }>}
 * @throws {UsageError} when the tag is not one the snapshot renders
 * @throws {SnapshotError} when the element would show an error (the error's sentence in the tag's language)
 */
export async function snapshot(tagText, opts = {}) {
  const { tag, attributes } = parseTag(tagText);
  const lib = await loadElements();
  if (!lib.SNAPSHOT_TAGS.includes(tag)) {
    throw new UsageError(`<${tag}> has no static form; a snapshot renders ${lib.SNAPSHOT_TAGS.map((t) => `<${t}>`).join(', ')}`);
  }
  const ctor = globalThis.customElements.get(tag); // the registry Lit's Node build installs
  const allowed = new Set([...ctor.observedAttributes, ...GLOBAL_ATTRIBUTES]);
  for (const [name] of attributes) {
    if (!allowed.has(name)) throw new UsageError(`<${tag}> has no attribute ${name} (it has: ${[...allowed].sort().join(', ')})`);
  }
  for (const [name, value] of attributes) {
    if (Object.hasOwn(lib.NOT_PRE_RENDERED, name)) throw new UsageError(`${name}= is not supported: ${lib.NOT_PRE_RENDERED[name]}`);
    const nameValue = `${name}=${value}`;
    if (Object.hasOwn(lib.NOT_PRE_RENDERED, nameValue)) {
      throw new UsageError(`${name}="${value}" is not supported: ${lib.NOT_PRE_RENDERED[nameValue]}`);
    }
  }
  let lang = opts.lang ?? attributes.find(([n]) => n === 'lang')?.[1] ?? 'it';
  lang = lang.trim();
  if (lib.toLang(lang) !== lang.toLowerCase().split(/[-_]/)[0])
    throw new UsageError(`--lang ${lang}: the elements speak it, en, de and fr`);
  // The language is written on the tag: the element in the browser then speaks the
  // snapshot's language whatever the page's is, and shows the same words.
  const attrs = [...attributes.filter(([n]) => n !== 'lang'), ['lang', lang]];

  // The request, as the element makes it from its attributes.
  const probe = new LitElementRenderer(tag);
  for (const [n, v] of attrs) probe.setAttribute(n, v);
  probe.connectedCallback();
  const el = probe.element;
  const ask = el._ask();
  const files = dataFiles(lib, opts.data);
  const coordinator = lib.snapshotCoordinator(files.cube, files.meta, 'programmes.arrow');
  // Styles a lazily loaded part adds (PiccoliElement.adopt) go into the snapshot's <style>.
  const adopted = [];
  el.adopt = (css) => void (adopted.includes(css) || adopted.push(css));
  let answer;
  try {
    // The element's own check of its attributes (a bad view or date), as it throws it.
    if (ask.kind === 'invalid') throw lib.invalidOption(ask.error.kind, ask.error.params);
    // A map asks for its areas beside its shapes.
    answer = carriedAnswer(await coordinator.request(ask.areas ?? ask));
    // The parts the render needs, as the browser loads them for a snapshot's first render
    // (a map draws the answer then: its shapes, and its own checks of the answer).
    el._snapshot = answer;
    await el._ready();
  } catch (e) {
    throw new SnapshotError(await lib.describe(e, lib.toLang(lang)));
  }

  const directiveClass = lib.styleProps({})._$litDirective$;
  // Names checked above, values bound: Lit escapes them.
  const host = template(
    [`<${tag} ${attrs[0][0]}="`, ...attrs.slice(1).map(([n]) => `" ${n}="`), `"></${tag}>`],
    attrs.map(([, v]) => v),
  );
  const out = await collectResult(render(host, { elementRenderers: [snapshotRenderer(el, answer, adopted, directiveClass)] }));
  // Lit's hydration markers: the element renders afresh from the answer, it does not hydrate.
  const markup = out
    .replace(/<!--\/?lit-(?:part|node)[^>]*-->|<\?>/g, '')
    .replace(/ shadowroot="open"/, '')
    .replace(/^<([a-z0-9-]+)\s+/, '<$1 ');
  // What a page's Content-Security-Policy needs to allow the snapshot's styles (style-src).
  const styleHashes = [...markup.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  return { html: markup, tag, lang, request: ask, answer, styleHashes };
}

/** The bundled data's cube and programme list, as the build serves them, or from `folder`. */
function dataFiles(lib, folder) {
  const cubeFile = folder ? join(resolve(folder), 'programmes.cube.json') : fileURLToPath(lib.bundledFiles.cube);
  const metaFile = folder ? join(resolve(folder), 'programmes-meta.json') : fileURLToPath(lib.bundledFiles.meta);
  const read = (f) => {
    try {
      return JSON.parse(readFileSync(f, 'utf8'));
    } catch (e) {
      throw new UsageError(`${f}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    }
  };
  return { cube: read(cubeFile), meta: read(metaFile).programmes ?? [] };
}

/** The element would show an error: what it would say, in the snapshot's language. */
export class SnapshotError extends Error {
  /** @param {{ text: string, detail?: string, code: string, kind: string, message: string }} d */
  constructor(d) {
    super(d.text);
    this.detail = d.detail ?? d.message;
    this.code = d.code;
    this.kind = d.kind;
  }
}

/**
 * CLI entry point. Returns the exit status instead of exiting, for tests.
 * @param {string[]} argv arguments after `snapshot`
 * @param {{ stdout: (s: string) => void, stderr: (s: string) => void }} io
 */
export async function main(argv, io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        data: { type: 'string' },
        csp: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.stderr(`${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  try {
    const s = await snapshot(positionals[0], { lang: values.lang, data: values.data });
    io.stdout(`${values.csp ? s.styleHashes.join(' ') : s.html}\n`);
    return 0;
  } catch (e) {
    if (e instanceof SnapshotError) {
      io.stderr(`piccoli-data snapshot: ${e.message}\n${e.detail ? `  ${e.detail}\n` : ''}`);
      return 1;
    }
    // A usage error, or data or code that cannot be read.
    io.stderr(`piccoli-data snapshot: ${e.message}\n`);
    return 2;
  }
}
