// Deterministic simulation of per-entity stage histories.
//
// Programmes publish aggregate figures ("612 comuni engaged at 31 October
// 2021") and a few named entities, but not who reached which stage when.
// The functions here invent those histories from a seeded PRNG so that:
//   - every published aggregate holds exactly at its date;
//   - every named entity has the stages the sources give it;
//   - no row breaks a published date (the `calendar` rules of each programme);
//   - the rest is plausible: eligible entities only, spread across regions,
//     stages reached in order without gaps, dates non-decreasing.
// Rows backed by a source are marked 'published', invented ones 'simulated'.
import { stageBounds } from './calendar.mjs';
import { fromDay, isWorkday, toDay, workdays } from './dates.mjs';

/**
 * @typedef {object} Comune
 * @property {string} istat_code
 * @property {string} name
 * @property {string} province_code
 * @property {string} province_name
 * @property {string} region_code
 * @property {string} region_name
 * @property {number} population
 * @property {boolean} is_small
 *
 * @typedef {object} SimEvent
 * @property {string} programme
 * @property {string} entity_code
 * @property {'comune' | 'provincia'} entity_kind
 * @property {string} stage
 * @property {number} stage_order
 * @property {string} date YYYY-MM-DD
 * @property {'published' | 'simulated'} provenance
 *
 * @typedef {object} SimChoice
 * @property {string} programme
 * @property {string} entity_code
 * @property {string} kind
 * @property {string} choice
 * @property {'published' | 'simulated'} provenance
 *
 * @typedef {{ events: SimEvent[], choices: SimChoice[] }} SimResult
 * @typedef {{ choice: string, weight: number }} Option a choice with its draw weight
 * @typedef {import('./prng.mjs').Rng} Rng
 */

/**
 * A uniformly drawn working day in [from, to] (day numbers), or null when the
 * range holds none.
 * @param {Rng} rng
 * @param {number} from
 * @param {number} to
 */
function workdayIn(rng, from, to) {
  const days = [];
  for (let d = from; d <= to; d++) if (isWorkday(d)) days.push(d);
  return days.length ? days[rng.int(days.length)] : null;
}

/** The last working day on or before `day`. @param {number} day */
function lastWorkday(day) {
  let d = day;
  while (!isWorkday(d)) d--;
  return d;
}

/**
 * k working days drawn from a list, sorted ascending (so stages reached on
 * them are in order).
 * @param {Rng} rng
 * @param {number[]} days
 * @param {number} k
 */
function sortedDays(rng, days, k) {
  const out = [];
  for (let i = 0; i < k; i++) out.push(days[rng.int(days.length)]);
  return out.sort((a, b) => a - b);
}

/**
 * Pick k distinct options, each draw proportional to weight.
 * @template {{ weight: number }} T
 * @param {Rng} rng
 * @param {T[]} options
 * @param {number} k
 * @returns {T[]}
 */
function pickWeighted(rng, options, k) {
  const pool = options.slice();
  const out = [];
  while (out.length < k && pool.length > 0) {
    const total = pool.reduce((s, o) => s + o.weight, 0);
    let x = rng.next() * total;
    let i = 0;
    while (i < pool.length - 1 && (x -= pool[i].weight) >= 0) i++;
    out.push(pool.splice(i, 1)[0]);
  }
  return out;
}

/**
 * Stage ids of a programme indexed by stage_order.
 * @param {any} prog programme entry of data/sources/programmes.json
 * @returns {string[]}
 */
function stageIds(prog) {
  return prog.stages.map((/** @type {{ stage: string }} */ s) => s.stage);
}

/**
 * Builds the events of one entity: stage k on days[k], for k = 0..days.length-1.
 * @param {any} prog
 * @param {string} code
 * @param {'comune' | 'provincia'} kind
 * @param {number[]} days day numbers, one per stage reached, from stage 0
 * @param {(order: number) => 'published' | 'simulated'} provenance
 * @returns {SimEvent[]}
 */
function history(prog, code, kind, days, provenance) {
  const ids = stageIds(prog);
  return days.map((day, order) => {
    if (order > 0 && day < days[order - 1]) {
      throw new Error(`${prog.id} ${code}: stage ${ids[order]} before ${ids[order - 1]}`);
    }
    return {
      programme: prog.id,
      entity_code: code,
      entity_kind: kind,
      stage: ids[order],
      stage_order: order,
      date: fromDay(day),
      provenance: provenance(order),
    };
  });
}

/**
 * Find a named comune by name and region; homonyms in other regions (there
 * is more than one Montecchio in Italy) are ruled out by the region.
 * @param {Comune[]} registry
 * @param {string} name
 * @param {string} region
 */
export function findComune(registry, name, region) {
  const hits = registry.filter((c) => c.name === name && c.region_name === region);
  if (hits.length !== 1) throw new Error(`expected one comune "${name}" in ${region}, found ${hits.length}`);
  return hits[0];
}

/**
 * PICCOLI: every small comune is eligible; 612 / 568 / 485 reached
 * engagement / needs analysis / plan by 2021-10-31; more comuni are engaged
 * until `engaged_until`; needs analyses and plans stop at the deadline for
 * plans (30 April 2022, a calendar rule); specialist support continues to the
 * end of the simulation horizon.
 * @param {any} prog
 * @param {Comune[]} registry
 * @param {Rng} rng
 * @returns {SimResult}
 */
export function simulatePiccoli(prog, registry, rng) {
  const sim = prog.simulation;
  const ids = stageIds(prog);
  const order = Object.fromEntries(ids.map((id, i) => [id, i]));
  const small = registry.filter((c) => c.is_small);
  const start = toDay(prog.start_date);
  const cutoff = toDay(sim.cutoff);
  const horizon = toDay(sim.horizon);
  const [engagedBy, analysedBy, plannedBy] = ['engaged', 'needs_analysis', 'plan_submitted'].map(
    (stage) => prog.published_figures.find((/** @type {any} */ f) => f.stage === stage && f.as_of === sim.cutoff).count,
  );

  // Named comuni: the furthest published stage of each one.
  /** @type {Map<string, number>} */
  const namedStage = new Map();
  for (const n of prog.named_entities) {
    const c = findComune(small, n.name, n.region);
    namedStage.set(c.istat_code, Math.max(namedStage.get(c.istat_code) ?? 0, order[n.stage]));
  }

  // Who takes part: the named comuni, plus a weighted draw where each region
  // gets its own propensity so participation is uneven across Italy, as real
  // take-up is. Exponential race (key = -ln(u)/w, smallest keys win) gives a
  // weighted sample without replacement in one pass.
  const regionWeight = new Map();
  for (const code of [...new Set(small.map((c) => c.region_code))].sort()) {
    regionWeight.set(code, 1 + sim.region_weight_spread * (2 * rng.next() - 1));
  }
  const ranked = small
    .filter((c) => !namedStage.has(c.istat_code))
    .map((c) => ({ c, key: -Math.log(1 - rng.next()) / regionWeight.get(c.region_code) }))
    .sort((a, b) => a.key - b.key)
    .slice(0, sim.engaged_total - namedStage.size)
    .map((x) => x.c.istat_code);
  const engaged = rng.shuffle([...namedStage.keys(), ...ranked].sort());

  // Groups by how far each comune got by the cutoff date.
  const planByCutoff = engaged.slice(0, plannedBy);
  const analysisByCutoff = engaged.slice(plannedBy, analysedBy);
  const engagedByCutoff = engaged.slice(analysedBy, engagedBy);
  const engagedLater = engaged.slice(engagedBy);

  const early = workdays(sim.first_engagement, sim.cutoff);
  const afterCutoff = cutoff + 1;
  /** @param {string} code @param {number} stage */
  const mustReach = (code, stage) => (namedStage.get(code) ?? 0) >= stage;

  // The calendar rules (data/sources/programmes.json): no plan, and so no needs
  // analysis, after the deadline for plans; later stages up to the horizon.
  const bounds = stageBounds(prog);
  const notAfter = bounds.map((b) => lastWorkday(b.not_after ? Math.min(toDay(b.not_after), horizon) : horizon));
  const notBefore = bounds.map((b) => (b.not_before ? toDay(b.not_before) : -Infinity));
  // After the cutoff, each stage comes at least `gap` days after the one before, from
  // `floor` on, and within `span` days of the earliest day it could.
  /** @type {Record<number, { rate: number, gap: number, span: number, floor: number }>} */
  const step = {
    [order.needs_analysis]: { rate: sim.late_engaged_needs_analysis_rate, gap: 10, span: 110, floor: afterCutoff },
    [order.plan_submitted]: { rate: sim.needs_analysis_plan_rate, gap: 5, span: 70, floor: afterCutoff },
    [order.specialist_support]: { rate: sim.plan_support_rate, gap: 20, span: 280, floor: toDay(sim.support_from) },
  };
  /**
   * The last day stage `s` can be reached by a comune that will go on to stage
   * `target`: early enough for every later stage to keep its gap and its deadline.
   * @param {number} s @param {number} target
   */
  const latest = (s, target) => {
    let day = notAfter[s];
    let gaps = 0;
    for (let j = s + 1; j <= target; j++) {
      gaps += step[j].gap;
      day = Math.min(day, notAfter[j] - gaps);
    }
    return day;
  };

  /** @type {SimEvent[]} */
  const events = [];
  /** @type {SimChoice[]} */
  const choices = [];

  /**
   * Continue a history after its last reached stage. How far the comune gets is drawn
   * first (dropout at each step, unless a source says it got further), then the dates,
   * each early enough for the stages still to come.
   * @param {string} code
   * @param {number[]} days days reached so far, from stage 0
   */
  const finish = (code, days) => {
    let target = days.length - 1;
    while (target + 1 < ids.length && (mustReach(code, target + 1) || rng.chance(step[target + 1].rate))) target++;
    for (let s = days.length; s <= target; s++) {
      const from = Math.max(days[s - 1] + step[s].gap, step[s].floor, notBefore[s]);
      const day = workdayIn(rng, from, Math.min(from + step[s].span, latest(s, target)));
      if (day === null) {
        if (mustReach(code, s)) throw new Error(`piccoli ${code}: no day left for ${ids[s]} within the calendar`);
        break;
      }
      days.push(day);
    }
    return days;
  };

  const histories = new Map();
  for (const code of planByCutoff) histories.set(code, finish(code, [start, ...sortedDays(rng, early, 3)]));
  for (const code of analysisByCutoff) histories.set(code, finish(code, [start, ...sortedDays(rng, early, 2)]));
  for (const code of engagedByCutoff) histories.set(code, finish(code, [start, ...sortedDays(rng, early, 1)]));
  // Engagement after the cutoff ends a month before the deadline for plans (a
  // modelling choice: time for the needs analysis and the plan).
  const lateWindow = workdays(fromDay(afterCutoff), sim.engaged_until);
  for (const code of engagedLater) histories.set(code, finish(code, [start, ...sortedDays(rng, lateWindow, 1)]));

  for (const c of small) {
    const days = histories.get(c.istat_code) ?? [start];
    const reach = namedStage.get(c.istat_code) ?? 0;
    for (const day of days) if (day > horizon) throw new Error(`piccoli ${c.istat_code}: date past horizon`);
    // Stage 0 comes from the registry; stages up to the furthest published
    // one are backed by the sources (a comune in specialist support has
    // necessarily been engaged, analysed and has sent its plan).
    events.push(...history(prog, c.istat_code, 'comune', days, (o) => (o === 0 || o <= reach ? 'published' : 'simulated')));

    if (days.length > order.plan_submitted) {
      /** @type {Option[]} */
      const areas = prog.choices.area.map((/** @type {any} */ a, /** @type {number} */ i) => ({
        choice: a.choice,
        weight: [18, 30, 16, 22, 14][i] ?? 10,
      }));
      for (const a of pickWeighted(rng, areas, 1 + rng.int(3)).sort((x, y) => x.choice.localeCompare(y.choice))) {
        choices.push({ programme: prog.id, entity_code: c.istat_code, kind: 'area', choice: a.choice, provenance: 'simulated' });
      }
      const supported = days.length > order.specialist_support;
      /** @type {Option[]} */
      const kinds = prog.choices.intervention_kind
        .filter((/** @type {any} */ k) => k.choice !== 'consulting')
        .map((/** @type {any} */ k) => ({ choice: k.choice, weight: 1 }));
      const picked = pickWeighted(rng, kinds, 1 + rng.int(2)).map((k) => k.choice);
      if (supported) picked.push('consulting');
      for (const choice of picked.sort()) {
        // Specialist consulting is what "specialist support" means, so it is
        // published exactly where the support itself is.
        const provenance = choice === 'consulting' && reach >= order.specialist_support ? 'published' : 'simulated';
        choices.push({ programme: prog.id, entity_code: c.istat_code, kind: 'intervention_kind', choice, provenance });
      }
    }
  }
  return { events, choices };
}

/**
 * Province & Comuni: the 76 provinces of ordinary-statute regions
 * (metropolitan cities excluded) are in scope and all joined; 15 southern
 * provinces attended the focus groups; three provinces are the reference
 * models.
 * @param {any} prog
 * @param {Comune[]} registry
 * @param {Rng} rng
 * @returns {SimResult}
 */
export function simulateProvinceComuni(prog, registry, rng) {
  const sim = prog.simulation;
  /** @type {Map<string, string>} province code -> region code */
  const provinces = new Map();
  for (const c of registry) {
    if (prog.ordinary_statute_regions.includes(c.region_code) && !prog.metropolitan_cities.includes(c.province_code)) {
      provinces.set(c.province_code, c.region_code);
    }
  }
  const expected = prog.published_figures.find((/** @type {any} */ f) => f.stage === 'eligible').count;
  if (provinces.size !== expected) throw new Error(`province-e-comuni: ${provinces.size} provinces in scope, expected ${expected}`);

  const codes = [...provinces.keys()].sort();
  const references = new Map(prog.reference_models.map((/** @type {any} */ r) => [r.province_code, r]));
  const southern = codes.filter((p) => prog.southern_regions.includes(provinces.get(p)));
  const southFocus = new Set(rng.shuffle(southern).slice(0, sim.southern_focus));
  const start = toDay(prog.start_date);
  const end = toDay(prog.end_date);
  const mapping = workdays(sim.mapping_from, sim.mapping_to);
  const focus = workdays(sim.focus_from, sim.focus_to);
  const transfer = workdays(sim.transfer_from, prog.end_date);

  /** @type {SimEvent[]} */
  const events = [];
  /** @type {SimChoice[]} */
  const choices = [];
  for (const code of codes) {
    const ref = references.get(code);
    const days = [start, mapping[rng.int(mapping.length)]];
    const attends = ref !== undefined || (southern.includes(code) ? southFocus.has(code) : rng.chance(sim.other_focus_rate));
    if (attends) {
      days.push(focus[rng.int(focus.length)]);
      if (ref) days.push(toDay(sim.report_date));
      else if (rng.chance(sim.transfer_rate)) days.push(transfer[rng.int(transfer.length)]);
    }
    if (days.some((d) => d > end)) throw new Error(`province-e-comuni ${code}: date past end`);
    // Eligible and joined are published for all 76; later stages only for
    // the reference-model provinces.
    events.push(...history(prog, code, 'provincia', days, (o) => (o <= 1 || ref ? 'published' : 'simulated')));

    if (ref) {
      choices.push({ programme: prog.id, entity_code: code, kind: 'pillar', choice: ref.pillar, provenance: 'published' });
    } else if (days.length > 3) {
      /** @type {Option[]} */
      const pillars = prog.choices.pillar.map((/** @type {any} */ p) => ({ choice: p.choice, weight: 1 }));
      for (const p of pickWeighted(rng, pillars, 1 + rng.int(2))
        .map((x) => x.choice)
        .sort()) {
        choices.push({ programme: prog.id, entity_code: code, kind: 'pillar', choice: p, provenance: 'simulated' });
      }
    }
  }
  return { events, choices };
}

/**
 * Next Generation Siena: all comuni of the province are eligible; 24 joined
 * at the kick-off; labs and completion follow.
 * @param {any} prog
 * @param {Comune[]} registry
 * @param {Rng} rng
 * @returns {SimResult}
 */
export function simulateSiena(prog, registry, rng) {
  const sim = prog.simulation;
  const comuni = registry
    .filter((c) => c.province_code === prog.province_code)
    .map((c) => c.istat_code)
    .sort();
  const kickCount = prog.published_figures.find((/** @type {any} */ f) => f.stage === 'kick_off').count;
  const joined = new Set(rng.shuffle(comuni).slice(0, kickCount));
  const start = toDay(prog.start_date);
  const labs = workdays(sim.labs_from, sim.labs_to);
  const completed = workdays(sim.completed_from, sim.completed_to);
  /** @type {SimEvent[]} */
  const events = [];
  for (const code of comuni) {
    const days = [start];
    if (joined.has(code)) {
      days.push(toDay(sim.kick_off));
      if (rng.chance(sim.labs_rate)) {
        days.push(labs[rng.int(labs.length)]);
        if (rng.chance(sim.completed_rate)) days.push(completed[rng.int(completed.length)]);
      }
    }
    events.push(...history(prog, code, 'comune', days, (o) => (o === 0 ? 'published' : 'simulated')));
  }
  return { events, choices: [] };
}

/**
 * Piacenza: the small comuni of the province are surveyed; respondents'
 * answers are in the report presented on 7 September 2022; each respondent
 * names the themes it most needs training on.
 * @param {any} prog
 * @param {Comune[]} registry
 * @param {Rng} rng
 * @returns {SimResult}
 */
export function simulatePiacenza(prog, registry, rng) {
  const sim = prog.simulation;
  const comuni = registry
    .filter((c) => c.province_code === prog.province_code && c.is_small)
    .map((c) => c.istat_code)
    .sort();
  const start = toDay(prog.start_date);
  const survey = workdays(sim.survey_from, sim.survey_to);
  const report = toDay(sim.report_date);
  // Needs surveys of small comuni tend to rank digitalisation and PNRR
  // project work first; the weights only make the simulated answers uneven.
  const weights = [26, 12, 14, 18, 10, 24, 16];
  /** @type {Option[]} */
  const themes = prog.choices.theme.map((/** @type {any} */ t, /** @type {number} */ i) => ({
    choice: t.choice,
    weight: weights[i] ?? 10,
  }));
  /** @type {SimEvent[]} */
  const events = [];
  /** @type {SimChoice[]} */
  const choices = [];
  for (const code of comuni) {
    const days = [start];
    if (rng.chance(sim.answer_rate)) {
      days.push(survey[rng.int(survey.length)], report);
      for (const t of pickWeighted(rng, themes, 2 + rng.int(3))
        .map((x) => x.choice)
        .sort()) {
        choices.push({ programme: prog.id, entity_code: code, kind: 'theme', choice: t, provenance: 'simulated' });
      }
    }
    events.push(...history(prog, code, 'comune', days, (o) => (o === 0 ? 'published' : 'simulated')));
  }
  return { events, choices };
}

/** Simulation function for each programme id in data/sources/programmes.json. */
export const SIMULATORS = /** @type {Record<string, (prog: any, registry: Comune[], rng: Rng) => SimResult>} */ ({
  piccoli: simulatePiccoli,
  'province-e-comuni': simulateProvinceComuni,
  'next-generation-siena': simulateSiena,
  'piacenza-fabbisogni': simulatePiacenza,
});
