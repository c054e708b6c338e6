// The embed builder of demo/incorpora.html: an editor picks element, programme, area, day,
// language and view; the page shows the live element and the snippet to paste into a CMS,
// with the CSS that reserves the element's space (measured on the live element), plain or
// pre-rendered (the numbers readable before, or without, JavaScript).
//
// Values only ever reach the element through setAttribute and the snippet through
// escapeAttr(): nothing typed here becomes markup. The lists come from the library's own
// bundled data (the programme metadata and the cube beside the bundled events).

const form = document.getElementById('builder');
const preview = document.getElementById('preview');
const snippetOut = document.getElementById('snippet');
const copyButton = document.getElementById('copy');
const copied = document.getElementById('copied');

/** The script tag a site pastes once per page (its own copy of dist/, see the README). */
const SCRIPT = '<script type="module" src="/piccoli/autoloader.js"></script>';

const ATTRS = {
  'piccoli-progress': ['programme', 'region', 'province', 'comune', 'as-of', 'lang', 'view'],
  'piccoli-trend': ['programme', 'region', 'province', 'comune', 'as-of', 'lang', 'metric'],
  'piccoli-map': ['programme', 'level', 'as-of', 'lang'],
};

/** The elements `piccoli-data snapshot` pre-renders. */
const PRERENDERED = ['piccoli-progress', 'piccoli-map', 'piccoli-trend'];

/** `"` `&` `<` `>` as entities: an attribute value can never close its quotes or open a tag. */
export function escapeAttr(s) {
  return String(s).replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]);
}

/** The element's tag with the attributes chosen (empty ones left out), in a stable order. */
export function tagFor(name, values) {
  const attrs = ATTRS[name]
    .filter((a) => values[a])
    .map((a) => ` ${a}="${escapeAttr(values[a])}"`)
    .join('');
  return `<${name}${attrs}></${name}>`;
}

/** CSS that keeps the element's box before it draws (no layout shift), in rem of the page. */
export function reserveCss(name, values, heightPx) {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const h = Math.ceil((heightPx / rem) * 4) / 4;
  const sel = values.view === 'compact' ? `${name}[view="compact"]` : values.level ? `${name}[level="${escapeAttr(values.level)}"]` : name;
  return `<style>${sel}{display:block;min-height:${h}rem}</style>`;
}

function valuesOf() {
  const data = new FormData(form);
  const v = Object.fromEntries([...data.entries()].map(([k, x]) => [k, String(x).trim()]));
  if (v.lang === 'it') delete v.lang; // the default
  if (v.view === 'full') delete v.view;
  if (v.metric === 'count') delete v.metric;
  if (v.level === 'region') delete v.level;
  if (v.programme === 'piccoli') delete v.programme;
  return v;
}

let meta = null;
let cube = null;

async function loadLists() {
  const [m, c] = await Promise.all([
    fetch('/dist/data/programmes-meta.json').then((r) => (r.ok ? r.json() : null)),
    fetch('/dist/data/programmes.cube.json').then((r) => (r.ok ? r.json() : null)),
  ]);
  meta = m;
  cube = c;
  const programme = form.elements.programme;
  for (const p of meta?.programmes ?? []) {
    if (p.programme === 'piccoli') continue; // listed first in the markup
    programme.append(new Option(p.name_it.split(' - ')[0], p.programme));
  }
  const regions = new Map();
  const provinces = [];
  for (const [code, [sigla, name, regionCode, regionName]] of Object.entries(cube?.provinces ?? {})) {
    regions.set(regionCode, regionName);
    provinces.push({ code, sigla, name, regionCode });
  }
  const region = form.elements.region;
  for (const [code, name] of [...regions].sort((a, b) => a[1].localeCompare(b[1], 'it'))) region.append(new Option(name, code));
  provinces.sort((a, b) => a.name.localeCompare(b.name, 'it'));
  form.elements.province.dataset.all = JSON.stringify(provinces);
  fillProvinces();
}

/** The province list follows the region chosen. */
function fillProvinces() {
  const select = form.elements.province;
  const keep = select.value;
  const region = form.elements.region.value;
  const all = JSON.parse(select.dataset.all || '[]');
  select.replaceChildren(new Option('Tutte', ''));
  for (const p of all) if (!region || p.regionCode === region) select.append(new Option(`${p.name} (${p.sigla})`, p.sigla));
  select.value = [...select.options].some((o) => o.value === keep) ? keep : '';
}

/** Comuni of the programme in the province chosen, for the comune field's suggestions. */
function fillComuni() {
  const list = document.getElementById('comuni-list');
  const sigla = form.elements.province.value;
  const id = form.elements.programme.value;
  const p = cube?.programmes?.[id];
  const code = Object.entries(cube?.provinces ?? {}).find(([, v]) => v[0] === sigla)?.[0];
  const idx = cube?.entity ? cube.entity.indexOf('province') : -1;
  list.replaceChildren();
  if (!p || !code) return;
  for (const e of p.entities) {
    const province = idx >= 0 && e[idx] !== undefined ? String(e[idx]) : e[0].slice(0, 3);
    if (province === code) list.append(new Option(e[1], e[1]));
  }
}

/** Which fields apply to the element chosen. */
function showFields(name) {
  for (const field of form.querySelectorAll('[data-for]')) {
    const on = field.dataset.for.split(' ').includes(name);
    field.hidden = !on;
    for (const input of field.querySelectorAll('input, select')) input.disabled = !on;
  }
}

let current = null;
let measure = 0;

function update() {
  const values = valuesOf();
  const name = values.element || 'piccoli-progress';
  delete values.element;
  showFields(name);
  const again = valuesOf();
  delete again.element;
  if (!current || current.localName !== name) {
    current = document.createElement(name);
    preview.replaceChildren(current);
  }
  for (const a of ATTRS[name]) {
    if (again[a]) current.setAttribute(a, again[a]);
    else current.removeAttribute(a);
  }
  writeSnippet(name, again);
  // The reserved height is the drawn element's: measure it once it has painted.
  const turn = ++measure;
  customElements
    .whenDefined(name)
    .then(() => current.updateComplete)
    .then(() => new Promise((ok) => setTimeout(ok, 400)))
    .then(() => {
      if (turn === measure) writeSnippet(name, again);
    });
}

function writeSnippet(name, values) {
  const height = current?.getBoundingClientRect().height ?? 0;
  const prerender = form.elements.mode.value === 'prerendered';
  const note = document.getElementById('mode-note');
  if (prerender && !PRERENDERED.includes(name)) {
    note.textContent = 'Il pre-rendering non è disponibile per questo elemento: qui sotto il codice semplice.';
  } else note.textContent = '';
  if (prerender && PRERENDERED.includes(name)) {
    // The pre-rendered tag is made by `piccoli-data snapshot` from the same code and data,
    // in Node: the builder gives the command, ready to run where the site is built.
    snippetOut.textContent = [
      '# Sul computer che prepara il sito (Node 20.19 o più recente e il pacchetto piccoli-dashboard):',
      `npx piccoli-data snapshot ${shellQuote(tagFor(name, values))} > riquadro.html`,
      '# Poi incolla nella pagina la riga dello script e il contenuto di riquadro.html:',
      SCRIPT,
    ].join('\n');
    return;
  }
  snippetOut.textContent = [SCRIPT, height > 0 ? reserveCss(name, values, height) : '', tagFor(name, values)].filter(Boolean).join('\n');
}

/** One argument for a POSIX shell: in single quotes, each ' written as '\''. */
export function shellQuote(s) {
  return `'${String(s).replaceAll("'", "'\\''")}'`;
}

copyButton.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippetOut.textContent);
    copied.textContent = 'Codice copiato negli appunti.';
  } catch {
    // No clipboard permission (an http page, a browser setting): select the text instead.
    getSelection()?.selectAllChildren(snippetOut);
    copied.textContent = 'Copia non consentita dal browser: il codice è selezionato, premi Ctrl+C.';
  }
});

form.addEventListener('change', (e) => {
  if (e.target.name === 'region') fillProvinces();
  if (e.target.name === 'province' || e.target.name === 'programme') fillComuni();
  copied.textContent = '';
  update();
});
form.addEventListener('submit', (e) => e.preventDefault());

update();
loadLists()
  .then(() => {
    fillComuni();
    update();
  })
  .catch(() => {
    copied.textContent = 'Elenchi di regioni e province non disponibili: scrivi i codici a mano.';
  });
