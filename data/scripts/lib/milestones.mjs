// Programme milestones: the dates a trend draws as labelled rules (start, deadlines,
// end; data/SCHEMA.md, "Milestones"). Authored per programme in
// data/sources/programmes.json as `milestones: [...]`, checked here for shape, and
// written to programmes-meta.json as they are.

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = ['start', 'deadline', 'end'];
const FIELDS = ['kind', 'date', 'stage', 'label_it', 'label_en', 'label_de', 'label_fr', 'source', 'estimated', 'note'];

/** @param {unknown} s */
function isDate(s) {
  return typeof s === 'string' && ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/**
 * Throws on a malformed milestone: an unknown field or kind, a date that is not one, a
 * stage the programme does not have, a missing label, or a date that is neither
 * published (`source`) nor marked `estimated`.
 * @param {any[]} programmes entries of data/sources/programmes.json
 */
export function checkMilestones(programmes) {
  /** @type {string[]} */
  const problems = [];
  for (const p of programmes) {
    const stages = new Set((p.stages ?? []).map((/** @type {any} */ s) => s.stage));
    (p.milestones ?? []).forEach((/** @type {any} */ m, /** @type {number} */ i) => {
      const where = `${p.id} milestones[${i}]`;
      for (const k of Object.keys(m)) if (!FIELDS.includes(k)) problems.push(`${where}: unknown field '${k}'`);
      if (!KINDS.includes(m.kind)) problems.push(`${where}: kind '${m.kind}' is not one of ${KINDS.join(', ')}`);
      if (!isDate(m.date)) problems.push(`${where}: date '${m.date}' is not a YYYY-MM-DD date`);
      if (m.stage !== undefined && !stages.has(m.stage)) problems.push(`${where}: '${m.stage}' is not a stage of ${p.id}`);
      for (const k of ['label_it', 'label_en']) if (typeof m[k] !== 'string' || !m[k].trim()) problems.push(`${where}: needs ${k}`);
      if (m.estimated !== undefined && m.estimated !== true) problems.push(`${where}: estimated is true or absent`);
      if (m.estimated !== true && (typeof m.source !== 'string' || !m.source.trim())) {
        problems.push(`${where}: a published date needs its source (or mark it estimated)`);
      }
    });
  }
  if (problems.length) throw new Error(`milestones:\n${problems.join('\n')}`);
}
