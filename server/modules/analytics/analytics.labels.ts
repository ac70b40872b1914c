import type { Locale } from '../../graphql/locale.js';

/**
 * Labels of the enumerated values of need dimensions, in the three interface
 * languages; the same words as the client's catalogues (client/src/features/needs/needs.<locale>.ts).
 */
const ENUM_LABELS: Record<string, Record<Locale, string>> = {
  IDENTIFIED: { fi: 'Tunnistettu', sv: 'Identifierat', en: 'Identified' },
  UNDER_ANALYSIS: { fi: 'Selvityksessä', sv: 'Under utredning', en: 'Under analysis' },
  AGREED: { fi: 'Sovittu', sv: 'Avtalat', en: 'Agreed' },
  IN_PROGRESS: { fi: 'Toteutuksessa', sv: 'Under genomförande', en: 'In progress' },
  MONITORING: { fi: 'Seurannassa', sv: 'Under uppföljning', en: 'Monitoring' },
  RESOLVED: { fi: 'Ratkaistu', sv: 'Löst', en: 'Resolved' },
  ESCALATED: { fi: 'Siirretty ylemmälle tasolle', sv: 'Överfört till högre nivå', en: 'Escalated' },
  REJECTED: { fi: 'Hylätty', sv: 'Avslaget', en: 'Rejected' },
  LOW: { fi: 'Matala', sv: 'Låg', en: 'Low' },
  MEDIUM: { fi: 'Keskitaso', sv: 'Medel', en: 'Medium' },
  HIGH: { fi: 'Korkea', sv: 'Hög', en: 'High' },
  CRITICAL: { fi: 'Kriittinen', sv: 'Kritisk', en: 'Critical' },
  CHILDREN_AND_FAMILIES: { fi: 'Lapset ja perheet', sv: 'Barn och familjer', en: 'Children and families' },
  PUPILS_AND_STUDENTS: { fi: 'Oppilaat ja opiskelijat', sv: 'Elever och studerande', en: 'Pupils and students' },
  YOUTH: { fi: 'Nuoret', sv: 'Unga', en: 'Youth' },
  WORKING_AGE: { fi: 'Työikäiset', sv: 'Personer i arbetsför ålder', en: 'Working age' },
  UNEMPLOYED: { fi: 'Työttömät', sv: 'Arbetslösa', en: 'Unemployed' },
  IMMIGRANTS: { fi: 'Maahanmuuttajat', sv: 'Invandrare', en: 'Immigrants' },
  OLDER_PEOPLE: { fi: 'Ikääntyneet', sv: 'Äldre', en: 'Older people' },
  PEOPLE_WITH_DISABILITIES: { fi: 'Vammaiset henkilöt', sv: 'Personer med funktionsnedsättning', en: 'People with disabilities' },
  WHOLE_POPULATION: { fi: 'Koko väestö', sv: 'Hela befolkningen', en: 'Whole population' },
  UNSET: { fi: 'Ei määritelty', sv: 'Inte angivet', en: 'Not set' },
};

/** The label of a status, priority or target group (or UNSET); the value itself when unknown. */
export function enumLabel(value: string, locale: Locale): string {
  return ENUM_LABELS[value]?.[locale] ?? value;
}
