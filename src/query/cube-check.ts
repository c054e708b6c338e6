import type { CubeFile } from './cube.js';

/*
 * Checking a cube before answering from it: loaded with the evaluator (cube-eval.ts),
 * beside the cube itself, not in any element's first load.
 */

/** Check what a server sent is a cube this code reads; a reason when it is not. */
export function checkCube(json: unknown): string | null {
  const c = json as Partial<CubeFile> | null;
  if (!c || typeof c !== 'object' || c.format !== 'piccoli-cube') return 'not a piccoli cube';
  if (c.version !== 1) return `cube version ${String(c.version)} is not supported (1 is)`;
  if (!Array.isArray(c.sources) || typeof c.provinces !== 'object' || !c.provinces) return 'malformed cube';
  if (typeof c.programmes !== 'object' || !c.programmes) return 'malformed cube';
  for (const [id, p] of Object.entries(c.programmes)) {
    if (!Array.isArray(p?.stages) || !Array.isArray(p.entities) || !/^\d{4}-\d{2}-\d{2}$/.test(String(p.epoch))) {
      return `malformed programme ${id}`;
    }
    for (const e of p.entities) {
      if (!Array.isArray(e) || typeof e[0] !== 'string' || !Array.isArray(e[2]) || e[2].length === 0 || e[2].length > p.stages.length) {
        return `malformed entity in programme ${id}`;
      }
    }
  }
  return null;
}
