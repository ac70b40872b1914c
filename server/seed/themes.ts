import type { LocalizedTextValue } from '../modules/parties/parties.table.js';

/** Themes of cooperation found in the Central Finland agreements (and two met in practice): code, Finnish, Swedish and English name. */
const THEME_ROWS: [code: string, fi: string, sv: string, en: string][] = [
  ['HYTE', 'Hyvinvoinnin ja terveyden edistäminen', 'Främjande av välfärd och hälsa', 'Health and wellbeing promotion'],
  ['STUDENT_WELFARE', 'Oppilas- ja opiskelijahuolto', 'Elev- och studerandevård', 'Pupil and student welfare'],
  [
    'FAMILIES',
    'Varhaiskasvatus, perheet ja perhekeskus',
    'Småbarnspedagogik, familjer och familjecentret',
    'Early childhood education, families and the family centre',
  ],
  ['YOUTH', 'Nuoret', 'Unga', 'Youth'],
  ['EMPLOYMENT', 'Työllisyyspalvelut', 'Sysselsättningstjänster', 'Employment services'],
  ['INTEGRATION', 'Maahanmuuttajien kotoutuminen', 'Integration av invandrare', 'Integration of immigrants'],
  [
    'SAFETY',
    'Pelastustoimi, turvallisuus ja varautuminen',
    'Räddningsväsende, säkerhet och beredskap',
    'Rescue services, safety and preparedness',
  ],
  ['SPORTS_AND_CULTURE', 'Liikunta ja kulttuuri', 'Idrott och kultur', 'Sports and culture'],
  [
    'DIGITAL',
    'Digitaaliset palvelut, ICT ja tiedolla johtaminen',
    'Digitala tjänster, IKT och kunskapsbaserad ledning',
    'Digital services, ICT and knowledge-based management',
  ],
  ['PREMISES', 'Toimitilat', 'Lokaler', 'Premises'],
  ['NGO_COOPERATION', 'Järjestöyhteistyö', 'Organisationssamarbete', 'NGO cooperation'],
  ['ADVOCACY_AND_VITALITY', 'Edunvalvonta ja elinvoima', 'Intressebevakning och livskraft', 'Advocacy and vitality'],
  ['PARTICIPATION', 'Osallisuus', 'Delaktighet', 'Participation'],
  ['RESEARCH_AND_DEVELOPMENT', 'Tutkimus- ja kehittämistoiminta', 'Forskning och utveckling', 'Research and development'],
  ['SERVICE_NETWORK', 'Palveluverkko', 'Servicenätverk', 'Service network'],
  ['OLDER_PEOPLE', 'Ikäihmisten asuminen ja palvelut', 'Äldres boende och tjänster', "Older people's housing and services"],
  [
    'HOUSING_AND_TRANSPORT',
    'Asuminen, maankäyttö ja liikenne',
    'Boende, markanvändning och trafik',
    'Housing, land use and transport',
  ],
];

/** The themes in the order they are listed (their `sortOrder`). */
export const THEMES: { code: string; names: LocalizedTextValue }[] = THEME_ROWS.map(([code, fi, sv, en]) => ({
  code,
  names: { fi, sv, en },
}));
