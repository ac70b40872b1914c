/** The structure picture's geometry (StructurePage): box sizes and how a parent line runs. */

export const BOX_W = 210;
export const BOX_H = 86;
export const GAP_X = 24;
export const ROW_H = 150;
export const LABEL_W = 150;

export type Point = { x: number; y: number };

/**
 * A parent line's path. Down one tier (or within one): a curve from the parent's bottom to the
 * child's top (or bottom). Down several tiers: through the gaps between the rows and, across the
 * rows between, straight down a lane that no box stands in (the free x nearest the child's), so the
 * line never runs behind another body's box.
 */
export function parentLine(from: Point, to: Point, boxesBetween: readonly Point[]): string {
  const fx = from.x + BOX_W / 2;
  const tx = to.x + BOX_W / 2;
  if (from.y === to.y)
    return `M ${fx} ${from.y + BOX_H} C ${fx} ${from.y + BOX_H + 30}, ${tx} ${to.y + BOX_H + 30}, ${tx} ${to.y + BOX_H}`;
  if (to.y - from.y <= ROW_H)
    return `M ${fx} ${from.y + BOX_H} C ${fx} ${from.y + BOX_H + 40}, ${tx} ${to.y - 40}, ${tx} ${to.y}`;
  const free = (x: number) => boxesBetween.every((b) => x < b.x - GAP_X / 4 || x > b.x + BOX_W + GAP_X / 4);
  const candidates = [tx, ...boxesBetween.flatMap((b) => [b.x - GAP_X / 2, b.x + BOX_W + GAP_X / 2])];
  const lane = candidates.filter(free).sort((a, b) => Math.abs(a - tx) - Math.abs(b - tx))[0] ?? tx;
  const below = from.y + BOX_H + (ROW_H - BOX_H) / 2;
  const above = to.y - (ROW_H - BOX_H) / 2;
  return (
    `M ${fx} ${from.y + BOX_H} C ${fx} ${below}, ${lane} ${from.y + BOX_H}, ${lane} ${below} ` +
    `L ${lane} ${above} C ${lane} ${to.y}, ${tx} ${above}, ${tx} ${to.y}`
  );
}
