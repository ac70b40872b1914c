import { describe, expect, it } from 'vitest';
import { BOX_H, BOX_W, parentLine, ROW_H } from './structureLayout';

/** The x of the path's straight vertical run (`L x y`), where a line crosses the rows between. */
const laneOf = (d: string) => Number(/ L (\S+) /.exec(d)?.[1]);

describe('a parent line in the structure picture', () => {
  it('runs down a lane no box of the rows between stands in, when it skips a tier', () => {
    const from = { x: 560, y: 20 + ROW_H };
    const to = { x: 144, y: 20 + 3 * ROW_H };
    const between = [
      { x: 180, y: 20 + 2 * ROW_H },
      { x: 456, y: 20 + 2 * ROW_H },
    ];
    const lane = laneOf(parentLine(from, to, between));
    expect(Number.isFinite(lane)).toBe(true);
    for (const b of between) expect(lane < b.x || lane > b.x + BOX_W).toBe(true);
    expect(parentLine(from, to, between)).toMatch(new RegExp(`${to.y}$`));
  });

  it('is one curve from the bottom of the parent to the top of a child one tier down', () => {
    const d = parentLine({ x: 0, y: 20 }, { x: 300, y: 20 + ROW_H }, []);
    expect(d.startsWith(`M ${BOX_W / 2} ${20 + BOX_H} C`)).toBe(true);
    expect(d).not.toContain(' L ');
  });
});
