/** What ordering needs of a section: its id, its version (for expectedVersion) and its place. */
export interface OrderedSection {
  id: string;
  version: number;
  sortOrder: number;
}

/** One updateAgreementSection call that a move needs. */
export interface SortOrderChange {
  id: string;
  expectedVersion: number;
  sortOrder: number;
}

/** The gap between renumbered sections, so a later section can go between two without renumbering. */
export const SORT_STEP = 10;

/**
 * Sections in reading order: by sortOrder, ties kept in the order given (the
 * server's, which breaks ties by creation time), as the server lists them.
 */
export function sortSections<T extends { sortOrder: number }>(sections: readonly T[]): T[] {
  return sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => a.section.sortOrder - b.section.sortOrder || a.index - b.index)
    .map(({ section }) => section);
}

/** The sortOrder for a section added at the end. */
export function nextSortOrder(sections: readonly { sortOrder: number }[]): number {
  return sections.reduce((max, s) => Math.max(max, s.sortOrder + SORT_STEP), SORT_STEP);
}

/**
 * The updates that move the section at `index` (of `sections` in reading
 * order) one place up (-1) or down (+1). Distinct neighbours swap numbers (two
 * updates); if any two sections share a number (sections added without one
 * all have 0), the new order is renumbered 10, 20, 30, … and only the sections
 * whose number changes are updated. A move past either end changes nothing.
 */
export function moveSection(sections: readonly OrderedSection[], index: number, step: -1 | 1): SortOrderChange[] {
  const target = index + step;
  const moving = sections[index];
  const other = sections[target];
  if (!moving || !other) return [];
  const strictlyIncreasing = sections.every((s, i) => i === 0 || s.sortOrder > (sections[i - 1]?.sortOrder ?? -Infinity));
  if (strictlyIncreasing) {
    return [
      { id: moving.id, expectedVersion: moving.version, sortOrder: other.sortOrder },
      { id: other.id, expectedVersion: other.version, sortOrder: moving.sortOrder },
    ];
  }
  const reordered = [...sections];
  reordered[index] = other;
  reordered[target] = moving;
  return reordered.flatMap((s, i) =>
    s.sortOrder === (i + 1) * SORT_STEP ? [] : [{ id: s.id, expectedVersion: s.version, sortOrder: (i + 1) * SORT_STEP }],
  );
}

/**
 * Whether a section's kind is worth showing beside its heading: not when the heading already says it
 * ("Periaatteet" is of kind Periaatteet, "Yhteistyön toimintamalli" of kind Toimintamalli).
 */
export function kindNote(title: string, kindLabel: string): boolean {
  const heading = title.trim().toLocaleLowerCase();
  const kind = kindLabel.trim().toLocaleLowerCase();
  return kind !== '' && !heading.includes(kind);
}
