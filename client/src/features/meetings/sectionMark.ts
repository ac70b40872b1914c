/**
 * An agenda item's section as Finnish minutes write it, the number before the mark: "5 §" (not "§ 5");
 * '' for an item without a number. The one way the client writes it, in every language.
 */
export function sectionMark(section: number | null | undefined): string {
  return section != null ? `${section} §` : '';
}

/** An item's number and title as one line: "5 § Talousarvio", or the title alone when it has no number. */
export function sectionTitle(item: { section?: number | null; title: string }): string {
  return item.section != null ? `${sectionMark(item.section)} ${item.title}` : item.title;
}
