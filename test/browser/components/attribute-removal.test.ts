import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import '../../../src/components/piccoli-map/piccoli-map.js';
import '../../../src/components/piccoli-trend/piccoli-trend.js';
import { alertText, settled } from '../helpers.js';

/**
 * A site (or the embed builder) that removes an attribute gets the element's default back,
 * not an error about the value "null": removing `view`, `level` or `metric` is how a page
 * says "the usual".
 */
describe('removing an attribute restores its default', () => {
  it('<piccoli-progress>: view removed after compact is the full funnel', async () => {
    const el = await fixture<HTMLElement & { view: string }>(html`<piccoli-progress view="compact" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('figure.compact')).to.not.equal(null);
    el.removeAttribute('view');
    await settled(el);
    expect(alertText(el)).to.equal('');
    expect(el.view).to.equal('full');
    expect(el.shadowRoot!.querySelector('figure.compact')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.be.greaterThan(2);
  });

  it('<piccoli-map>: level and metric removed are regions and the share engaged', async () => {
    const el = await fixture<HTMLElement & { level: string; metric: string }>(
      html`<piccoli-map level="province" metric="plan-submitted"></piccoli-map>`,
    );
    await settled(el);
    el.removeAttribute('level');
    el.removeAttribute('metric');
    await settled(el);
    expect(alertText(el)).to.equal('');
    expect([el.level, el.metric]).to.deep.equal(['region', 'engaged-share']);
  });

  it('<piccoli-trend>: metric removed after share is the count', async () => {
    const el = await fixture<HTMLElement & { metric: string }>(html`<piccoli-trend metric="share"></piccoli-trend>`);
    await settled(el);
    el.removeAttribute('metric');
    await settled(el);
    expect(alertText(el)).to.equal('');
    expect(el.metric).to.equal('count');
  });
});
