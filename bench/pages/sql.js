// <piccoli-sql> on a 1M-row events table in the shared engine. The runner types the SQL
// into the element's editor with real key presses and presses Ctrl+Enter; this page times
// from that keydown to the first result row in the element's (shadow) DOM. The element is
// found as src/components/piccoli-sql/piccoli-sql.ts builds it: a CodeMirror editor
// (.cm-content) whose keymap runs on Mod-Enter, and result rows `tbody tr.row` in a
// virtualised table (spacer rows `tr.pad` do not count). The editor's module (CodeMirror)
// loads after the element's first paint: `await el.updateComplete` waits for it, then
// `el.editor` is the CodeMirror view. The SQL typed is the library's own funnel query
// (`funnelQuery` from dist/data.js) with its values written in, as an analyst would type it.
import { FILTER, generateSql, inline } from './scale-sql.js';

const ROWS = 1_000_000;
const TABLE = `events_${ROWS}`;

/** querySelectorAll through open shadow roots. */
function deepAll(root, selector, out = []) {
  if (root.shadowRoot) deepAll(root.shadowRoot, selector, out);
  out.push(...root.querySelectorAll(selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deepAll(el.shadowRoot, selector, out);
  return out;
}

try {
  const { getEngine, funnelQuery } = await import('/dist/data.js');
  const SQL = inline(funnelQuery(TABLE, FILTER));
  const engine = getEngine();
  await engine.query(generateSql(TABLE, ROWS));
  await import('/dist/piccoli-sql.js');
  const el = document.createElement('piccoli-sql');
  el.setAttribute('no-bundled-data', ''); // the page loaded its own table
  el.setAttribute('no-url', ''); // keep the query out of the address bar
  document.getElementById('host').append(el);
  const t0 = performance.now();
  await el.updateComplete; // waits for the lazily loaded editor
  window.__bench.editorWaitMs = performance.now() - t0;
  let editor = el.editor?.contentDOM ?? null;
  for (let i = 0; i < 200 && !editor; i++) {
    editor = el.editor?.contentDOM ?? deepAll(el, '.cm-content')[0] ?? null;
    if (!editor) await new Promise((r) => setTimeout(r, 50));
  }
  if (!editor) throw new Error('no CodeMirror editor (el.editor / .cm-content) in <piccoli-sql> after updateComplete');
  window.__bench.editorFrom = el.editor ? 'el.editor' : '.cm-content';
  const rowsNow = () => deepAll(el, 'tbody tr.row').length;
  const before = rowsNow();
  window.__benchEditor = () => editor;
  window.__benchSqlText = SQL;
  window.__benchArm = () => {
    const baseline = rowsNow();
    // Not `once`: the Control key's own keydown comes first.
    const onKey = (e) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      __benchMark('ctrl-enter');
      window.removeEventListener('keydown', onKey, true);
    };
    window.addEventListener('keydown', onKey, true);
    __benchWatch(() => {
      const alert = deepAll(el, '[role="alert"]')[0];
      if (alert && alert.textContent.trim()) return { error: `<piccoli-sql> shows an error: ${alert.textContent.trim()}` };
      return window.__bench.marks['ctrl-enter'] !== undefined && rowsNow() > baseline;
    }, null);
  };
  /** The same SQL straight through the engine: the floor of the console's time. */
  window.__benchEngineQuery = async () => {
    const t0 = performance.now();
    await engine.query(SQL);
    return performance.now() - t0;
  };
  window.__bench.editor = editor.className || editor.tagName;
  window.__bench.rowsBefore = before;
  window.__bench.ready = true;
} catch (e) {
  window.__bench.error = `SQL console not measurable: ${e && e.message ? e.message : e}`;
}
