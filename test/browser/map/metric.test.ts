import { expect } from '@open-wc/testing';
import { metricNames, parseMetric } from '../../../src/map/metric.js';

const STAGES = [
  { stage: 'eligible', stage_order: 0 },
  { stage: 'engaged', stage_order: 1 },
  { stage: 'needs_analysis', stage_order: 2 },
  { stage: 'plan_submitted', stage_order: 3 },
];

describe('map/metric', () => {
  it('names metrics after the stages, with - for _ and -share for shares of eligible', () => {
    expect(metricNames(STAGES)).to.deep.equal([
      'engaged-share',
      'needs-analysis-share',
      'plan-submitted-share',
      'eligible',
      'engaged',
      'needs-analysis',
      'plan-submitted',
    ]);
    expect(parseMetric('plan-submitted-share', STAGES)).to.deep.equal({
      name: 'plan-submitted-share',
      stage: 'plan_submitted',
      stageOrder: 3,
      share: true,
    });
    expect(parseMetric('needs_analysis', STAGES)).to.deep.equal({
      name: 'needs-analysis',
      stage: 'needs_analysis',
      stageOrder: 2,
      share: false,
    });
    expect(parseMetric(' Engaged-Share ', STAGES)?.stage).to.equal('engaged');
    expect(parseMetric('eligible-share', STAGES)).to.equal(null);
    expect(parseMetric('votes', STAGES)).to.equal(null);
  });
});
