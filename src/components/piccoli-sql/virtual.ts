/**
 * The rows of a fixed-row-height list that intersect the viewport, plus some overscan, so
 * a 100 000-row result renders a few dozen rows and a spacer of the full height.
 */
export interface RowWindow {
  start: number;
  end: number;
  /** Pixels above the first rendered row. */
  offsetY: number;
  /** Height of the whole list. */
  totalHeight: number;
}

export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 8): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const visible = Math.ceil(viewportHeight / rowHeight) + 2 * overscan;
  const start = Math.min(first, Math.max(0, rowCount - 1));
  const end = Math.min(rowCount, start + visible);
  return { start, end, offsetY: start * rowHeight, totalHeight: rowCount * rowHeight };
}
