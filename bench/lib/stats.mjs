/** Small statistics and formatting helpers for the bench report. */

export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Lower and upper quartile-ish spread shown next to medians: min–max for few samples. */
export function spread(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? [v[0], v[v.length - 1]] : [NaN, NaN];
}

export function ms(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 100 ? `${Math.round(x)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
}

export function msRange(xs) {
  const [a, b] = spread(xs);
  return `${ms(median(xs))} <sub>(${fmtNum(a)}–${fmtNum(b)})</sub>`;
}

function fmtNum(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 100 ? String(Math.round(x)) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

export function bytes(n) {
  if (!Number.isFinite(n)) return 'n/a';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

export function mb(n) {
  return Number.isFinite(n) ? `${(n / 1024 / 1024).toFixed(1)} MB` : 'n/a';
}

export const sleep = (t) => new Promise((r) => setTimeout(r, t));
