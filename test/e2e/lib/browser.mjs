// What the e2e tests (headless Chromium on dist/) share: the check that dist/ is built, the
// browser, the demo's own server, closing both, a tab that records what goes wrong, and
// screenshots kept in test-results/screenshots/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../../demo/serve.mjs';

/** The repository's root. */
export const root = new URL('../../../', import.meta.url);
const shots = new URL('test-results/screenshots/', root);

/** Fails the suite's setup, saying what to do, when dist/ has not been built. */
export function assertBuilt() {
  assert.ok(existsSync(new URL('dist/piccoli.js', root)), 'run `npm run build` first');
}

/** Headless Chromium, and the address of `server` (listening on the loopback). */
export async function launchBrowser(server) {
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return { base, browser };
}

/** Once dist/ is built: demo/serve.mjs on a free port, its address, and the browser. */
export async function startDemo() {
  assertBuilt();
  const server = await startServer(0);
  try {
    return { server, ...(await launchBrowser(server)) };
  } catch (error) {
    await closeAll(undefined, server);
    throw error;
  }
}

/** Closes the browser and the server, either of them missing when the setup failed. */
export async function closeAll(browser, server) {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
}

/** A full-page screenshot, kept as test-results/screenshots/`name`. */
export function screenshot(tab, name) {
  mkdirSync(shots, { recursive: true });
  return tab.screenshot({ path: new URL(name, shots).pathname, fullPage: true });
}

/**
 * A tab (1024 × 900 unless `viewport` says otherwise, JavaScript on or off, the light or the
 * dark scheme) that records what goes wrong in `errors`: console errors (CSP refusals
 * included), uncaught errors, and each dialog (`dialog: …`, dismissed; its message in
 * `dialogs` too).
 */
export async function openTab(browser, { javaScript = true, dark = false, viewport = { width: 1024, height: 900 } } = {}) {
  const tab = await browser.newPage();
  await tab.setViewport(viewport);
  await tab.setJavaScriptEnabled(javaScript);
  if (dark) await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  const errors = [];
  const dialogs = [];
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push(String(e)));
  tab.on('dialog', (d) => {
    dialogs.push(d.message());
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { tab, errors, dialogs };
}
