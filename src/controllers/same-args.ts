/**
 * The `argsEqual` of the elements' data tasks: the task runs again only when its
 * arguments changed. Each argument is the same value (the page's coordinator), or plain
 * data equal as JSON (the request the attributes describe, which render() builds anew
 * each time from strings, numbers, booleans and null, always in the same key order).
 * Smaller than @lit/task's deepArrayEquals (about 0.4 KB brotli on every first load),
 * which also knows Maps, Sets, RegExps and class instances, none of which a request holds.
 *
 * @example
 * new Task(this, { task: ([ask, c]) => …, args: () => [this._ask(), this._coordinator.value], argsEqual: sameArgs });
 */
export function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || (plain(x) && plain(b[i]) && JSON.stringify(x) === JSON.stringify(b[i])));
}

function plain(x: unknown): boolean {
  return x !== null && typeof x === 'object' && (Array.isArray(x) || Object.getPrototypeOf(x) === Object.prototype);
}
