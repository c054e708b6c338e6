/** Where the map's tooltip goes: centred over the point, inside the box, above unless there is no room. */

/** Space between the pointer (or a focused area's centre) and the tooltip. */
const ABOVE = 12;
const BELOW = 16;

/**
 * The tooltip's top-left corner, in the box's coordinates, for a point `at` of the box.
 * Horizontally centred on the point but kept inside the box; above the point, or below
 * it when the box has no room above.
 *
 * @example
 * tooltipPosition({ x: 10, y: 100 }, { width: 80, height: 40 }, 300) // { left: 0, top: 48 }
 */
export function tooltipPosition(
  at: { x: number; y: number },
  tip: { width: number; height: number },
  boxWidth: number,
): { left: number; top: number } {
  const left = Math.max(0, Math.min(boxWidth - tip.width, at.x - tip.width / 2));
  const above = at.y - tip.height - ABOVE;
  return { left, top: above >= 0 ? above : at.y + BELOW };
}
