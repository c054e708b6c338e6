/**
 * Numbers as DuckDB prints them: DOUBLE and FLOAT in their shortest round-tripping text,
 * DECIMAL with its scale from its raw 32-bit words (apache-arrow 17's `get()` returns
 * the words, not a number). Pure: no DOM, no Lit.
 */
import type { ArrowDataLike } from './arrow.js';

/** A decimal's unscaled value: little-endian 32-bit words, two's complement. */
export function decimalBigInt(d: ArrowDataLike, i: number): bigint {
  const words = (d.type.bitWidth ?? 128) / 32;
  const v = d.values as unknown as Uint32Array;
  let x = 0n;
  for (let w = words - 1; w >= 0; w--) x = (x << 32n) | BigInt(v[i * words + w]!);
  const bits = BigInt(words * 32);
  if (x >> (bits - 1n)) x -= 1n << bits;
  return x;
}

/** 12345 with scale 2 -> "123.45"; -5 with scale 3 -> "-0.005". */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString();
  if (scale <= 0) return (neg ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/**
 * A DOUBLE as DuckDB prints it: the shortest text that reads back to the same number,
 * fixed notation for exponents -5 < e < 16 (with ".0" on integers), else 1e+20 style.
 */
export function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return layout(x.toExponential());
}

/** A FLOAT (32-bit): the shortest decimal that rounds to the same float32. */
export function formatFloat32(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  for (let p = 1; p <= 9; p++) {
    const e = x.toExponential(p - 1);
    if (Math.fround(Number(e)) === x) return layout(e);
  }
  return layout(x.toExponential(8));
}

/** "d.ddde±x" -> DuckDB's layout (Python repr rules). */
function layout(exp: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp);
  if (!m) return exp;
  const [, sign, first, rest = '', e] = m;
  const digits = `${first}${rest}`.replace(/0+$/, '') || '0';
  const k = Number(e);
  if (k < -4 || k >= 16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ee = Math.abs(k).toString().padStart(2, '0');
    return `${sign}${mant}e${k < 0 ? '-' : '+'}${ee}`;
  }
  if (k < 0) return `${sign}0.${'0'.repeat(-k - 1)}${digits}`;
  if (digits.length <= k + 1) return `${sign}${digits.padEnd(k + 1, '0')}.0`;
  return `${sign}${digits.slice(0, k + 1)}.${digits.slice(k + 1)}`;
}
