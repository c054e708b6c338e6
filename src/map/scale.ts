/**
 * The one scale the map colours with: d3-scale's `scaleQuantize().nice(count)`, written
 * out. Importing it from d3 put d3-scale and, through the chunk it shares with Observable
 * Plot, d3-array, d3-interpolate, d3-color, d3-format, d3-time and d3-time-format (17 KB
 * brotli) in the map's first load; these 60 lines do the same, and a test compares them
 * with d3 value by value.
 */

/** A quantized scale: equal-width classes of a numeric domain, one colour each. */
export interface QuantizeScale<R> {
  /** The class of a value; undefined for NaN, null or undefined. */
  (value: number): R | undefined;
  /** The [low, high] domain. */
  domain(): [number, number];
  /** The outputs, lowest class first. */
  range(): R[];
  /** The inner class boundaries, as many as the range has outputs less one. */
  thresholds(): number[];
}

/**
 * A quantize scale over `domain` with one class per `range` output, the domain extended
 * to round numbers as d3's `nice(count)` does when `count` is given.
 *
 * @example
 * quantizeScale([0, 0.44], ['a', 'b', 'c', 'd', 'e'], 5).domain() // [0, 0.5]
 */
export function quantizeScale<R>(domain: [number, number], range: readonly R[], count?: number): QuantizeScale<R> {
  const [x0, x1] = count === undefined ? domain : niceDomain(domain, count);
  const outputs = [...range];
  const n = outputs.length - 1;
  const cuts: number[] = [];
  for (let i = 0; i < n; i++) cuts.push(((i + 1) * x1 - (i - n) * x0) / (n + 1));
  const scale = (value: number): R | undefined => {
    if (value == null || !(value <= value)) return undefined;
    // bisectRight: the first cut above the value.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cuts[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return outputs[lo];
  };
  scale.domain = (): [number, number] => [x0, x1];
  scale.range = (): R[] => outputs.slice();
  scale.thresholds = (): number[] => cuts.slice();
  return scale;
}

/** d3-scale's linear `nice(count)`: widen the domain to multiples of a round tick step. */
function niceDomain([a, b]: [number, number], count: number): [number, number] {
  const reverse = b < a;
  let start = reverse ? b : a;
  let stop = reverse ? a : b;
  let prestep: number | undefined;
  for (let iter = 0; iter < 10; iter++) {
    const step = tickIncrement(start, stop, count);
    if (step === prestep) return reverse ? [stop, start] : [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else {
      break;
    }
    prestep = step;
  }
  return [a, b]; // as d3: no stable step, the domain is left as it was
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3-array's tickIncrement: a step of 1, 2 or 5 times a power of ten (negative: 1 / step). */
function tickIncrement(start: number, stop: number, count: number): number {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickIncrement(start, stop, count * 2);
  return inc;
}
