import type { Locale } from '../../lib/locale.js';

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

/**
 * Labels of the other enumerations the exports show, by enum (a value such as
 * IN_PROGRESS means different things for a need and an action); the client's words.
 */
const OTHER_LABELS = {
  ActionStatus: {
    PLANNED: { fi: 'Suunniteltu', sv: 'Planerad', en: 'Planned' },
    IN_PROGRESS: { fi: 'Käynnissä', sv: 'Pågår', en: 'In progress' },
    DONE: { fi: 'Valmis', sv: 'Klar', en: 'Done' },
    CANCELLED: { fi: 'Peruttu', sv: 'Inställd', en: 'Cancelled' },
  },
  DecisionMode: {
    UNANIMOUS: { fi: 'Yksimielinen', sv: 'Enhälligt', en: 'Unanimous' },
    VOTE: { fi: 'Äänestys', sv: 'Omröstning', en: 'Vote' },
    TABLED: { fi: 'Pöydälle', sv: 'Bordlagt', en: 'Tabled' },
    RETURNED_FOR_PREPARATION: { fi: 'Palautettiin valmisteluun', sv: 'Återremitterat', en: 'Returned for preparation' },
    NOTED: { fi: 'Merkittiin tiedoksi', sv: 'Antecknades för kännedom', en: 'Noted' },
  },
  Publicity: {
    PUBLIC: { fi: 'Julkinen', sv: 'Offentlig', en: 'Public' },
    PARTLY_SECRET: { fi: 'Osittain salassa pidettävä', sv: 'Delvis sekretessbelagd', en: 'Partly secret' },
    SECRET: { fi: 'Salassa pidettävä', sv: 'Sekretessbelagd', en: 'Secret' },
  },
  AttendanceStatus: {
    PRESENT: { fi: 'Läsnä', sv: 'Närvarande', en: 'Present' },
    REMOTE: { fi: 'Etänä', sv: 'På distans', en: 'Remote' },
    ABSENT: { fi: 'Poissa', sv: 'Frånvarande', en: 'Absent' },
  },
  Boolean: {
    true: { fi: 'kyllä', sv: 'ja', en: 'yes' },
    false: { fi: 'ei', sv: 'nej', en: 'no' },
  },
} satisfies Record<string, Record<string, Record<Locale, string>>>;

/** An enumeration the exports label besides the need dimensions. */
export type LabelledEnum = keyof typeof OTHER_LABELS | 'Need';

/**
 * The label of a status, priority or target group (or UNSET), or with `of` of
 * another enumeration's value; the value itself when unknown.
 */
export function enumLabel(value: string, locale: Locale, of: LabelledEnum = 'Need'): string {
  const labels: Record<string, Record<Locale, string>> = of === 'Need' ? ENUM_LABELS : OTHER_LABELS[of];
  return labels?.[value]?.[locale] ?? value;
}
