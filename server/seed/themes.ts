import type { LocalizedTextValue } from '../modules/parties/parties.table.js';

/** Themes of cooperation found in the Central Finland agreements (and two met in practice). */
export const THEMES: { code: string; names: LocalizedTextValue }[] = [
  {
    code: 'HYTE',
    names: {
      fi: 'Hyvinvoinnin ja terveyden edistäminen',
      sv: 'Främjande av välfärd och hälsa',
      en: 'Health and wellbeing promotion',
    },
  },
  {
    code: 'STUDENT_WELFARE',
    names: { fi: 'Oppilas- ja opiskelijahuolto', sv: 'Elev- och studerandevård', en: 'Pupil and student welfare' },
  },
  {
    code: 'FAMILIES',
    names: {
      fi: 'Varhaiskasvatus, perheet ja perhekeskus',
      sv: 'Småbarnspedagogik, familjer och familjecentret',
      en: 'Early childhood education, families and the family centre',
    },
  },
  { code: 'YOUTH', names: { fi: 'Nuoret', sv: 'Unga', en: 'Youth' } },
  { code: 'EMPLOYMENT', names: { fi: 'Työllisyyspalvelut', sv: 'Sysselsättningstjänster', en: 'Employment services' } },
  {
    code: 'INTEGRATION',
    names: { fi: 'Maahanmuuttajien kotoutuminen', sv: 'Integration av invandrare', en: 'Integration of immigrants' },
  },
  {
    code: 'SAFETY',
    names: {
      fi: 'Pelastustoimi, turvallisuus ja varautuminen',
      sv: 'Räddningsväsende, säkerhet och beredskap',
      en: 'Rescue services, safety and preparedness',
    },
  },
  { code: 'SPORTS_AND_CULTURE', names: { fi: 'Liikunta ja kulttuuri', sv: 'Idrott och kultur', en: 'Sports and culture' } },
  {
    code: 'DIGITAL',
    names: {
      fi: 'Digitaaliset palvelut, ICT ja tiedolla johtaminen',
      sv: 'Digitala tjänster, IKT och kunskapsbaserad ledning',
      en: 'Digital services, ICT and knowledge-based management',
    },
  },
  { code: 'PREMISES', names: { fi: 'Toimitilat', sv: 'Lokaler', en: 'Premises' } },
  { code: 'NGO_COOPERATION', names: { fi: 'Järjestöyhteistyö', sv: 'Organisationssamarbete', en: 'NGO cooperation' } },
  {
    code: 'ADVOCACY_AND_VITALITY',
    names: { fi: 'Edunvalvonta ja elinvoima', sv: 'Intressebevakning och livskraft', en: 'Advocacy and vitality' },
  },
  { code: 'PARTICIPATION', names: { fi: 'Osallisuus', sv: 'Delaktighet', en: 'Participation' } },
  {
    code: 'RESEARCH_AND_DEVELOPMENT',
    names: { fi: 'Tutkimus- ja kehittämistoiminta', sv: 'Forskning och utveckling', en: 'Research and development' },
  },
  { code: 'SERVICE_NETWORK', names: { fi: 'Palveluverkko', sv: 'Servicenätverk', en: 'Service network' } },
  {
    code: 'OLDER_PEOPLE',
    names: {
      fi: 'Ikäihmisten asuminen ja palvelut',
      sv: 'Äldres boende och tjänster',
      en: "Older people's housing and services",
    },
  },
  {
    code: 'HOUSING_AND_TRANSPORT',
    names: {
      fi: 'Asuminen, maankäyttö ja liikenne',
      sv: 'Boende, markanvändning och trafik',
      en: 'Housing, land use and transport',
    },
  },
];
