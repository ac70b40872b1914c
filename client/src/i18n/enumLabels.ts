import type { FigureStatus, MunicipalForm, PartyKind, Role } from '../graphql/generated/graphql';
import type { Translate } from './i18n';

// Keys are built from the schema's enum types, so a value added to the schema
// without a label in fi.ts is a compile error here.

/** The label of a kind of party, e.g. "Hyvinvointialue". */
export const partyKindLabel = (t: Translate, value: PartyKind): string => t(`enum.PartyKind.${value}`);

/** The label of a municipal form, e.g. "Kaupunki". */
export const municipalFormLabel = (t: Translate, value: MunicipalForm): string => t(`enum.MunicipalForm.${value}`);

/** The label of a population figure's status, e.g. "lopullinen". */
export const figureStatusLabel = (t: Translate, value: FigureStatus): string => t(`enum.FigureStatus.${value}`);

const KNOWN_SOURCES: Record<string, 'population.src.statisticsFinland' | 'population.src.sotkanetDemo'> = {
  'Statistics Finland': 'population.src.statisticsFinland',
  Tilastokeskus: 'population.src.statisticsFinland',
  'THL/Sotkanet (demo)': 'population.src.sotkanetDemo',
};

/** A population figure's source in the UI language when it is a known one ("Statistics Finland" → "Tilastokeskus"), else as written. */
export const populationSourceLabel = (t: Translate, source: string): string => {
  const key = KNOWN_SOURCES[source.trim()];
  return key ? t(key) : source;
};

/** The label of a user's role, e.g. "Sihteeristö". */
export const roleLabel = (t: Translate, value: Role): string => t(`enum.Role.${value}`);

/** Every kind of party in the schema's order, for filters. */
export const partyKinds: readonly PartyKind[] = [
  'MUNICIPALITY',
  'WELLBEING_SERVICES_COUNTY',
  'REGIONAL_COUNCIL',
  'EMPLOYMENT_AREA',
  'JOINT_MUNICIPAL_AUTHORITY',
  'STATE_AUTHORITY',
  'NGO_OR_PARISH',
  'EDUCATION_PROVIDER',
];

/** Both figure statuses, final first. */
export const figureStatuses: readonly FigureStatus[] = ['FINAL', 'PRELIMINARY'];
