// Seeded pseudo-random numbers for the simulated parts of the data.
// Math.random() cannot be seeded, and the build must give the same rows on
// every run, so we use mulberry32: tiny, fast, and good enough for picking
// plausible dates and subsets (not for anything cryptographic).

/**
 * @typedef {object} Rng
 * @property {() => number} next       uniform in [0, 1)
 * @property {(n: number) => number} int  uniform integer in [0, n)
 * @property {(p: number) => boolean} chance  true with probability p
 * @property {<T>(items: readonly T[]) => T[]} shuffle  new array, Fisher-Yates
 * @property {(label: string) => Rng} fork  independent stream for a sub-task
 */

/**
 * @param {number} seed 32-bit integer seed
 * @returns {Rng}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @type {Rng} */
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    // Each programme draws from its own stream, so changing how one programme
    // is simulated does not reshuffle the others.
    fork: (label) => mulberry32((seed ^ hashString(label)) >>> 0),
  };
  return rng;
}

/**
 * FNV-1a 32-bit hash, used only to derive stream seeds from labels.
 * @param {string} s
 */
export function hashString(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
