import { describe, expect, it } from 'vitest';
import { kindNote, moveSection, nextSortOrder, sortSections, type OrderedSection } from './sectionOrder';

const s = (id: string, sortOrder: number, version = 1): OrderedSection => ({ id, sortOrder, version });

/** Applies the changes and reads the sections in their new order, as the server would list them. */
function apply(sections: OrderedSection[], index: number, step: -1 | 1): string[] {
  const changes = new Map(moveSection(sections, index, step).map((c) => [c.id, c.sortOrder]));
  return sortSections(sections.map((x) => ({ ...x, sortOrder: changes.get(x.id) ?? x.sortOrder }))).map((x) => x.id);
}

describe('sortSections', () => {
  it('orders by sortOrder and keeps ties in the order given', () => {
    expect(sortSections([s('a', 20), s('b', 0), s('c', 20), s('d', 0)]).map((x) => x.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('nextSortOrder', () => {
  it('puts a new section after the last one', () => {
    expect(nextSortOrder([s('a', 10), s('b', 35)])).toBe(45);
  });

  it('starts at the first step when there are no sections', () => {
    expect(nextSortOrder([])).toBe(10);
  });
});

describe('moveSection', () => {
  it('swaps the numbers of two distinct neighbours, with the versions they were read at', () => {
    expect(moveSection([s('a', 10, 3), s('b', 20, 5), s('c', 30)], 1, -1)).toEqual([
      { id: 'b', expectedVersion: 5, sortOrder: 10 },
      { id: 'a', expectedVersion: 3, sortOrder: 20 },
    ]);
  });

  it('renumbers when sections share a number, updating only those that change', () => {
    const sections = [s('a', 0), s('b', 0), s('c', 0)];
    expect(moveSection(sections, 2, -1)).toEqual([
      { id: 'a', expectedVersion: 1, sortOrder: 10 },
      { id: 'c', expectedVersion: 1, sortOrder: 20 },
      { id: 'b', expectedVersion: 1, sortOrder: 30 },
    ]);
    expect(moveSection([s('a', 10), s('b', 20), s('c', 20)], 0, 1)).toEqual([
      { id: 'b', expectedVersion: 1, sortOrder: 10 },
      { id: 'a', expectedVersion: 1, sortOrder: 20 },
      { id: 'c', expectedVersion: 1, sortOrder: 30 },
    ]);
  });

  it('moves a section one place in the order the server will list', () => {
    expect(apply([s('a', 0), s('b', 0), s('c', 0)], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(apply([s('a', 10), s('b', 20), s('c', 30)], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(apply([s('a', 5), s('b', 5), s('c', 40)], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('changes nothing when moving past either end', () => {
    expect(moveSection([s('a', 10), s('b', 20)], 0, -1)).toEqual([]);
    expect(moveSection([s('a', 10), s('b', 20)], 1, 1)).toEqual([]);
  });
});

describe('kindNote', () => {
  it('hides the kind when the heading is the kind', () => {
    expect(kindNote('Periaatteet', 'Periaatteet')).toBe(false);
  });
  it('hides the kind when the heading contains it, whatever the case', () => {
    expect(kindNote('Yhteistyön toimintamalli', 'Toimintamalli')).toBe(false);
  });
  it('shows the kind when the heading does not say it', () => {
    expect(kindNote('Rahoitus', 'Muu')).toBe(true);
    expect(kindNote('Periaatteet', 'Principer')).toBe(true);
  });
});
