// One <piccoli-progress as-of="2021-10-31"> as written in the page's markup; ?src=... sets
// its src attribute (the engine path) before the library upgrades it.
const EXPECTED = [5490, 612, 568, 485]; // eligible, engaged, needs analysed, plan submitted
const el = document.querySelector('piccoli-progress');
const src = new URLSearchParams(location.search).get('src');
if (src) el.setAttribute('src', src);

__benchMark('script-start');
// The element upgrades (connectedCallback) synchronously inside customElements.define.
const define = customElements.define.bind(customElements);
customElements.define = (name, ctor, options) => {
  if (name === 'piccoli-progress') __benchMark('connect');
  define(name, ctor, options);
};
__benchWatch(() => __benchProgressCounts(el), EXPECTED);
await import('/dist/piccoli.js');
__benchMark('library-evaluated');
