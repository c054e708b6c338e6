// The embed builder (demo/incorpora.html + demo/incorpora.js) as an editor uses it: pick
// an area, see the live element, copy a snippet that draws the same thing elsewhere, and
// nothing typed into the form ever becomes markup. Needs `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closeAll, openTab, root, startDemo } from './lib/browser.mjs';

let server;
let browser;
let base;

before(async () => {
  ({ server, base, browser } = await startDemo());
});

after(() => closeAll(browser, server));

/** The builder in a tab that records console errors, uncaught errors and dialogs (./lib/browser.mjs). */
async function open() {
  const { tab, errors, dialogs } = await openTab(browser, { viewport: { width: 1280, height: 1000 } });
  await tab.goto(`${base}/incorpora.html`, { waitUntil: 'load' });
  // The region list is filled from the bundled data.
  await tab.waitForFunction(() => document.querySelectorAll('select[name=region] option').length > 10, { timeout: 30_000 });
  return { tab, errors, dialogs };
}

/** Until the element in `selector` shows its funnel or its alert, and the snippet its reserved height. */
function settled(tab, selector = '#preview > *') {
  return tab.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      const shadow = el?.shadowRoot;
      return shadow && (shadow.querySelector('figure:not([aria-busy]) tbody td.count') || shadow.querySelector('[role="alert"]'));
    },
    { timeout: 30_000 },
    selector,
  );
}

const countsOf = (tab, selector) =>
  tab.evaluate(
    (sel) =>
      [...document.querySelector(sel).shadowRoot.querySelectorAll('tbody td.count')].map((td) => {
        const c = td.cloneNode(true);
        c.querySelector('.basis')?.remove();
        return c.textContent.trim();
      }),
    selector,
  );

describe('the embed builder', () => {
  it('the copied snippet draws the same funnel as the preview, with its space reserved', async () => {
    const { tab, errors } = await open();
    await tab.select('select[name=region]', '08');
    await tab.select('select[name=province]', 'PC');
    // A date picker's typing order follows the browser's locale: set the day as the picker would.
    await tab.$eval('input[name=as-of]', (input) => {
      input.value = '2021-10-31';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await tab.waitForFunction(() => document.querySelector('#preview > piccoli-progress')?.getAttribute('as-of') === '2021-10-31');
    await settled(tab);
    await tab.waitForFunction(() => /min-height:/.test(document.getElementById('snippet').textContent), { timeout: 10_000 });
    const snippet = await tab.evaluate(() => document.getElementById('snippet').textContent);
    assert.match(snippet, /^<script type="module" src="\/piccoli\/autoloader\.js"><\/script>$/m);
    assert.match(snippet, /<piccoli-progress region="08" province="PC" as-of="2021-10-31"><\/piccoli-progress>/);
    // The snippet's tag, parsed as a CMS would paste it, draws what the preview shows.
    await tab.evaluate((s) => {
      const t = document.createElement('template');
      t.innerHTML = s.split('\n').at(-1);
      const box = document.createElement('div');
      box.id = 'pasted';
      box.append(t.content);
      document.querySelector('main').append(box);
    }, snippet);
    await settled(tab, '#pasted > piccoli-progress');
    const preview = await countsOf(tab, '#preview > piccoli-progress');
    assert.ok(preview.length >= 4, `funnel counts: ${preview}`);
    assert.deepEqual(await countsOf(tab, '#pasted > piccoli-progress'), preview);
    // The reserved height holds the element as drawn at this width.
    const [rem, height] = await tab.evaluate(() => [
      Number(/min-height:([\d.]+)rem/.exec(document.getElementById('snippet').textContent)[1]),
      document.querySelector('#preview > piccoli-progress').getBoundingClientRect().height,
    ]);
    assert.ok(rem * 16 >= height - 0.5 && rem * 16 <= height + 4, `reserved ${rem}rem for ${height}px`);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('a hostile comune value stays a value: escaped in the snippet, an error inside the element, no script runs', async () => {
    const { tab, errors, dialogs } = await open();
    const hostile = '"><img src=x onerror=alert(1)><piccoli-map';
    await tab.type('input[name=comune]', hostile);
    await tab.evaluate(() => document.querySelector('input[name=comune]').dispatchEvent(new Event('change', { bubbles: true })));
    await settled(tab);
    const seen = await tab.evaluate(() => {
      const el = document.querySelector('#preview > piccoli-progress');
      const snippet = document.getElementById('snippet').textContent;
      const t = document.createElement('template');
      t.innerHTML = snippet.split('\n').at(-1);
      return {
        attr: el.getAttribute('comune'),
        alert: el.shadowRoot.querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
        parsed: [...t.content.querySelectorAll('*')].map((n) => n.localName),
        parsedAttr: t.content.firstElementChild.getAttribute('comune'),
        imgs: document.querySelectorAll('img').length,
      };
    });
    assert.equal(seen.attr, hostile);
    assert.match(seen.alert, /Impossibile mostrare i dati/);
    assert.deepEqual(seen.parsed, ['piccoli-progress'], 'the snippet parses to one element, no injected tag');
    assert.equal(seen.parsedAttr, hostile);
    assert.equal(seen.imgs, 0);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('switching to the map shows its fields only, and «Copia il codice» copies the snippet', async () => {
    const context = browser.defaultBrowserContext();
    await context.overridePermissions(base, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const { tab, errors } = await open();
    await tab.click('input[name=element][value="piccoli-map"]');
    await tab.select('select[name=level]', 'province');
    await tab.waitForFunction(() => document.querySelector('#preview > piccoli-map')?.getAttribute('level') === 'province');
    const visible = await tab.evaluate(() =>
      [...document.querySelectorAll('.builder .fields label')]
        .filter((l) => l.offsetParent !== null)
        .map((l) => l.querySelector('[name]').name),
    );
    assert.deepEqual(visible, ['programme', 'level', 'as-of', 'lang']);
    await tab.click('#copy');
    await tab.waitForFunction(() => document.getElementById('copied').textContent.length > 0);
    const [clip, snippet, status] = await tab.evaluate(async () => [
      await navigator.clipboard.readText(),
      document.getElementById('snippet').textContent,
      document.getElementById('copied').textContent,
    ]);
    assert.equal(status, 'Codice copiato negli appunti.');
    assert.equal(clip, snippet);
    assert.match(clip, /<piccoli-map level="province"><\/piccoli-map>/);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it("pre-rendered: the command it prints, run in a shell, pre-renders the preview's numbers; a quote in a value stays inside its argument", async () => {
    const { tab, errors } = await open();
    await tab.select('select[name=province]', 'PC');
    await tab.$eval('input[name=as-of]', (input) => {
      input.value = '2021-10-31';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await tab.click('input[name=mode][value="prerendered"]');
    await settled(tab);
    await tab.waitForFunction(() => document.querySelector('#preview > piccoli-progress')?.getAttribute('as-of') === '2021-10-31');
    const preview = await countsOf(tab, '#preview > piccoli-progress');
    const command = await tab.evaluate(() =>
      document
        .getElementById('snippet')
        .textContent.split('\n')
        .find((l) => l.startsWith('npx ')),
    );
    assert.match(
      command,
      /^npx piccoli-data snapshot '<piccoli-progress province="PC" as-of="2021-10-31"><\/piccoli-progress>' > riquadro\.html$/,
    );
    // The very line, by a shell, with the repository's bin in place of npx's and stdout kept.
    const bin = fileURLToPath(new URL('data/bin/piccoli-data.mjs', root));
    const line = command.replace(/^npx piccoli-data /, `node '${bin}' `).replace(/ > riquadro\.html$/, '');
    const html = execFileSync('sh', ['-c', line], { encoding: 'utf8' });
    assert.match(html, /^<piccoli-progress [^>]*province="PC"[^>]*><template shadowrootmode="open">/);
    const shown = [...html.matchAll(/<td class="count">(?:<!--[^>]*-->)*([\d.]+)/g)].map((m) => m[1]);
    assert.deepEqual(shown, preview);
    // A value with a quote: one argument for the shell, whatever else it holds.
    await tab.type('input[name=comune]', "x' ; touch /tmp/pwned-incorpora ; echo '");
    await tab.evaluate(() => document.querySelector('input[name=comune]').dispatchEvent(new Event('change', { bubbles: true })));
    const hostile = await tab.evaluate(() =>
      document
        .getElementById('snippet')
        .textContent.split('\n')
        .find((l) => l.startsWith('npx ')),
    );
    const arg = hostile.replace(/^npx piccoli-data snapshot /, '').replace(/ > riquadro\.html$/, '');
    assert.equal(
      execFileSync('sh', ['-c', `printf %s ${arg}`], { encoding: 'utf8' }),
      `<piccoli-progress province="PC" comune="x' ; touch /tmp/pwned-incorpora ; echo '" as-of="2021-10-31"></piccoli-progress>`,
    );
    assert.equal(existsSync('/tmp/pwned-incorpora'), false);
    // The trend has one: its command, run, prints the reading of the day the preview shows.
    await tab.$eval('input[name=comune]', (input) => {
      input.value = '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await tab.click('input[name=element][value="piccoli-trend"]');
    const drawn = () => document.querySelector('#preview > piccoli-trend')?.shadowRoot?.querySelector('figure[data-backend] .plot svg');
    await tab.waitForFunction(drawn, { timeout: 30_000 });
    const trendCommand = await tab.evaluate(() =>
      document
        .getElementById('snippet')
        .textContent.split('\n')
        .find((l) => l.startsWith('npx ')),
    );
    assert.match(
      trendCommand,
      /^npx piccoli-data snapshot '<piccoli-trend province="PC"[^']*as-of="2021-10-31"[^']*><\/piccoli-trend>' > riquadro\.html$/,
    );
    assert.equal(await tab.evaluate(() => document.getElementById('mode-note').textContent), '');
    const trendLine = trendCommand.replace(/^npx piccoli-data /, `node '${bin}' `).replace(/ > riquadro\.html$/, '');
    const trendHtml = execFileSync('sh', ['-c', trendLine], { encoding: 'utf8' });
    const printed = /<p class="readout"[^>]*>([\s\S]*?)<\/p>/
      .exec(trendHtml)[1]
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    const previewed = await tab.evaluate(() =>
      document
        .querySelector('#preview > piccoli-trend')
        .shadowRoot.querySelector('[part="readout"]')
        .textContent.replace(/\s+/g, ' ')
        .trim(),
    );
    assert.match(printed, /^Al 31 ottobre 2021: /);
    assert.equal(printed, previewed);
    // The map has one too: its command, run, draws the areas with the names and numbers the preview's have.
    await tab.click('input[name=element][value="piccoli-map"]');
    await tab.select('select[name=level]', 'province');
    const mapDrawn = () =>
      document
        .querySelector('#preview > piccoli-map[level="province"]')
        ?.shadowRoot?.querySelector('figure[data-backend] svg.map.province');
    await tab.waitForFunction(mapDrawn, { timeout: 30_000 });
    const mapCommand = await tab.evaluate(() =>
      document
        .getElementById('snippet')
        .textContent.split('\n')
        .find((l) => l.startsWith('npx ')),
    );
    assert.match(
      mapCommand,
      /^npx piccoli-data snapshot '<piccoli-map level="province" as-of="2021-10-31"><\/piccoli-map>' > riquadro\.html$/,
    );
    assert.equal(await tab.evaluate(() => document.getElementById('mode-note').textContent), '');
    const mapLine = mapCommand.replace(/^npx piccoli-data /, `node '${bin}' `).replace(/ > riquadro\.html$/, '');
    const mapHtml = execFileSync('sh', ['-c', mapLine], { encoding: 'utf8' });
    const printedAreas = [...mapHtml.matchAll(/<rect [^>]*data-code="(\d+)"[^>]*aria-label="([^"]*)"/g)].map((m) => [
      m[1],
      m[2].replace(/&(quot|lt|gt|amp);/g, (_, e) => ({ quot: '"', lt: '<', gt: '>', amp: '&' })[e]),
    ]);
    const previewedAreas = await tab.evaluate(() =>
      [...document.querySelector('#preview > piccoli-map').shadowRoot.querySelectorAll('svg.map [data-code]')].map((a) => [
        a.getAttribute('data-code'),
        a.getAttribute('aria-label'),
      ]),
    );
    assert.equal(printedAreas.length, 107);
    assert.deepEqual(printedAreas, previewedAreas);
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
