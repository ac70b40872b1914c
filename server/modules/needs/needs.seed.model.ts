/** The shape of a demo need and the helpers the demo-need tables share. */
export interface DemoNeed {
  title: string;
  summary: string;
  themes: string[];
  groups: string[];
  /** Municipality codes. */
  municipalities: string[];
  /** Other parties concerned, by code (15 county, 13 regional council). */
  others: string[];
  /** Owner body key (cooperation seed), or none. */
  body: string | null;
  status: string;
  priority: string | null;
  residents: number | null;
  legalBasis: string | null;
  indicators: { source: string; code: string; label: string }[];
  /** [party code, role, description]. */
  responsibilities: [string, string, string][];
  /** [party code, title, due in days from today (negative: past), status]. */
  actions: [string, string, number, string][];
  /** How many days ago it was recorded. */
  age: number;
}

export const DEMO = ' (Demo-aineisto: keksitty esimerkki.)';
export const SOTKA = (code: string, label: string) => ({ source: 'SOTKANET', code, label });
