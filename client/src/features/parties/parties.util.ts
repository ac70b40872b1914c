import type { PartyKind, PartyListFieldsFragment } from '../../graphql/generated/graphql';
import { byPlaceName, localizedName, type Language } from '../../i18n/i18n';

/** A party as the list shows it. */
export type PartyRow = PartyListFieldsFragment;

/** The list's filters: a kind (or all) and free text over names and code. */
export interface PartyFilter {
  kind?: PartyKind | undefined;
  text: string;
}

/** Lower case without diacritics, so "jyvaskyla" finds Jyväskylä on any keyboard. */
export function searchKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/** Parties matching the filter: the text may hit any of the three names or the official code. */
export function filterParties<P extends PartyRow>(parties: readonly P[], filter: PartyFilter): P[] {
  const needle = searchKey(filter.text);
  return parties.filter((party) => {
    if (filter.kind && party.kind !== filter.kind) return false;
    if (!needle) return true;
    const haystack = [party.names.fi, party.names.sv, party.names.en, party.code].filter((v): v is string => !!v);
    return haystack.some((value) => searchKey(value).includes(needle));
  });
}

/** Sorted by the name shown in the UI language, in Finnish alphabetical order whatever the language (`placeNames`). */
export function sortByName<P extends PartyRow>(parties: readonly P[], lang: Language): P[] {
  return byPlaceName(parties, (party) => localizedName(party.names, lang));
}

/** The municipalities' population added up from each one's latest figure. */
export interface PopulationTotal {
  total: number;
  /** Municipalities that have a figure. */
  counted: number;
  /** Municipalities without a figure, left out of the total. */
  missing: number;
  /** The distinct reference dates of the figures added up, oldest first. */
  referenceDates: string[];
}

/** Adds up the latest population of every municipality (other kinds overlap them, so they are left out). */
export function municipalityPopulation(parties: readonly PartyRow[]): PopulationTotal {
  const municipalities = parties.filter((party) => party.kind === 'MUNICIPALITY');
  const figures = municipalities.flatMap((party) => (party.population ? [party.population] : []));
  return {
    total: figures.reduce((sum, figure) => sum + figure.value, 0),
    counted: figures.length,
    missing: municipalities.length - figures.length,
    referenceDates: [...new Set(figures.map((figure) => figure.referenceDate))].sort(),
  };
}

/** The distinct sources of the figures shown, for the table's footnote. */
export function populationSources(parties: readonly PartyRow[]): string[] {
  return [...new Set(parties.flatMap((party) => (party.population ? [party.population.source] : [])))].sort();
}
