/** The demo region's cooperation data: bodies, memberships, seats and the demo decision dates and sections. */

export type Code = string;
export const MUNICIPALITIES: Code[] = [
  '077',
  '172',
  '179',
  '182',
  '216',
  '226',
  '249',
  '256',
  '265',
  '275',
  '312',
  '410',
  '435',
  '495',
  '500',
  '592',
  '601',
  '729',
  '850',
  '892',
  '931',
  '992',
];
export const CITIES = new Set(['179', '182', '249', '729', '931', '992']);
export const COUNTY = '15';
export const REGION = '13';

/** The council that ratifies for a party, in Finnish. */
export const council = (code: Code) =>
  code === COUNTY
    ? 'Aluevaltuusto'
    : code === REGION
      ? 'Maakuntavaltuusto'
      : CITIES.has(code)
        ? 'Kaupunginvaltuusto'
        : 'Kunnanvaltuusto';

export const DEMO_NOTE = 'Demo: päivämäärä ja pykälä ovat keksittyjä esimerkkejä.';

interface BodySeed {
  key: string;
  names: { fi: string; sv: string; en: string };
  tier: string;
  level: number;
  cadence: string;
  mandate: string;
  themeCodes: string[];
  parent?: string;
}

/** The four levels of the Central Finland model (domain notes, "The four levels of cooperation"). */
export const BODIES: BodySeed[] = [
  {
    key: 'forum',
    names: {
      fi: 'Valtuustokauden strateginen foorumi',
      sv: 'Strategiskt forum för fullmäktigeperioden',
      en: 'Strategic forum of the council term',
    },
    tier: 'STRATEGIC',
    level: 1,
    cadence: 'PER_COUNCIL_TERM',
    mandate:
      'Osapuolten valtuustot ja ylin johto kokoontuvat kerran valtuustokaudessa linjaamaan yhteistyön strategiset tavoitteet (hyvinvointialuelain 611/2021 14 §:n mukaiset neuvottelut).',
    themeCodes: ['PARTICIPATION', 'HYTE', 'ADVOCACY_AND_VITALITY', 'SAFETY'],
  },
  {
    key: 'assembly',
    names: { fi: 'Kuntakokous', sv: 'Kommunmötet', en: 'Municipal assembly' },
    tier: 'STEERING',
    level: 2,
    cadence: 'BIANNUAL',
    mandate:
      'Johtaa yhteistyötä: valtuustojen ja hallitusten puheenjohtajat sekä ylin viranhaltijajohto. Hyväksyy yhdyspintasuunnitelman ja seuraa sitä.',
    themeCodes: ['ADVOCACY_AND_VITALITY', 'SERVICE_NETWORK', 'HYTE'],
    parent: 'forum',
  },
  {
    key: 'managers',
    names: { fi: 'Kunnanjohtajakokous', sv: 'Kommundirektörsmötet', en: "Municipal managers' meeting" },
    tier: 'COORDINATION',
    level: 3,
    cadence: 'MONTHLY',
    mandate:
      'Keski-Suomen liiton koolle kutsuma kuntien johtajien ja hyvinvointialueen johdon kuukausittainen koordinaatiokokous.',
    themeCodes: ['SERVICE_NETWORK', 'EMPLOYMENT', 'DIGITAL'],
    parent: 'assembly',
  },
  {
    key: 'preparedness',
    names: {
      fi: 'Turvallisuus- ja valmiustoimikunta',
      sv: 'Säkerhets- och beredskapskommittén',
      en: 'Security and preparedness committee',
    },
    tier: 'COORDINATION',
    level: 3,
    cadence: 'QUARTERLY',
    mandate: 'Yhteensovittaa alueen turvallisuus- ja valmiussuunnittelua sekä häiriötilanteiden yhteistyötä.',
    themeCodes: ['SAFETY'],
    parent: 'assembly',
  },
  {
    key: 'premises',
    names: { fi: 'Toimitilaverkosto', sv: 'Lokalnätverket', en: 'Premises network' },
    tier: 'OPERATIONAL',
    level: 4,
    cadence: 'QUARTERLY',
    mandate: 'Kuntien ja hyvinvointialueen yhteiset ja vuokratut toimitilat, palveluverkon muutokset.',
    themeCodes: ['PREMISES', 'SERVICE_NETWORK'],
    parent: 'managers',
  },
  {
    key: 'ict',
    names: { fi: 'ICT-verkosto', sv: 'IKT-nätverket', en: 'ICT network' },
    tier: 'OPERATIONAL',
    level: 4,
    cadence: 'MONTHLY',
    mandate: 'Tietojärjestelmät, tiedonvaihto ja tiedolla johtaminen yhdyspinnoilla.',
    themeCodes: ['DIGITAL'],
    parent: 'managers',
  },
  {
    key: 'employment',
    names: {
      fi: 'Työllisyyspalvelujen verkosto',
      sv: 'Nätverket för sysselsättningstjänster',
      en: 'Employment services network',
    },
    tier: 'OPERATIONAL',
    level: 4,
    cadence: 'MONTHLY',
    mandate: 'Työllisyyspalvelut 1.1.2025 alkaen: monialainen yhteispalvelu (TYP) Kelan ja hyvinvointialueen kanssa, kuntoutus.',
    themeCodes: ['EMPLOYMENT', 'INTEGRATION'],
    parent: 'managers',
  },
  {
    key: 'pupil',
    names: {
      fi: 'Alueellinen oppilashuoltoverkosto',
      sv: 'Regionala nätverket för elevhälsa',
      en: 'Regional pupil welfare network',
    },
    tier: 'OPERATIONAL',
    level: 4,
    cadence: 'QUARTERLY',
    mandate:
      'Koulukuraattorit ja -psykologit ovat hyvinvointialueen palveluja, tilat koulun: yhteiset käytännöt, saatavuus ja tiedonkulku.',
    themeCodes: ['STUDENT_WELFARE', 'YOUTH', 'FAMILIES'],
    parent: 'managers',
  },
  {
    key: 'hyte',
    names: {
      fi: 'Alueellinen hyte-verkosto',
      sv: 'Regionala nätverket för främjande av välfärd och hälsa',
      en: 'Regional health promotion (HYTE) network',
    },
    tier: 'OPERATIONAL',
    level: 4,
    cadence: 'QUARTERLY',
    mandate:
      'Kuntien ja hyvinvointialueen hyvinvoinnin ja terveyden edistämisen yhteistyö, hyvinvointikertomukset ja kuntakorit.',
    themeCodes: ['HYTE', 'NGO_COOPERATION', 'SPORTS_AND_CULTURE'],
    parent: 'assembly',
  },
];

/** The representatives (person keys) of the parties that have no other seat in the municipal assembly. */
export const ASSEMBLY_SEATS = [
  'lka2',
  'jms',
  'aki',
  'mrm',
  'hks',
  'jsa',
  'kko',
  'ksl',
  'knl',
  'kvj',
  'knv',
  'kyj',
  'lhk',
  'mla',
  'pvs',
  'pps',
  'tka',
  'urn',
  'vts',
];

/** [body, person key, role, capacity] — the contract's demo accounts sit where it says. */
export const MEMBERS: [string, string, string, string][] = [
  ['forum', 'liitto', 'CHAIR', 'OFFICE_HOLDER'],
  ['forum', 'jkl', 'MEMBER', 'OFFICE_HOLDER'],
  ['forum', 'jkl2', 'MEMBER', 'ELECTED_OFFICIAL'],
  ['forum', 'hva', 'MEMBER', 'OFFICE_HOLDER'],
  ['forum', 'hva2', 'VICE_CHAIR', 'ELECTED_OFFICIAL'],
  ['forum', 'jms', 'MEMBER', 'OFFICE_HOLDER'],
  ['forum', 'aki', 'MEMBER', 'OFFICE_HOLDER'],
  ['forum', 'liitto2', 'SECRETARY', 'OFFICE_HOLDER'],
  ['assembly', 'jkl2', 'VICE_CHAIR', 'ELECTED_OFFICIAL'],
  ['assembly', 'jkl', 'MEMBER', 'OFFICE_HOLDER'],
  // The county's demo account chairs the assembly and the secretariat's is its secretary, so two demo accounts can run a meeting.
  ['assembly', 'hva', 'CHAIR', 'OFFICE_HOLDER'],
  ['assembly', 'hva2', 'MEMBER', 'ELECTED_OFFICIAL'],
  ['assembly', 'srj', 'MEMBER', 'OFFICE_HOLDER'],
  ['assembly', 'kru', 'MEMBER', 'OFFICE_HOLDER'],
  ['assembly', 'liitto', 'PRESENTER', 'OFFICE_HOLDER'],
  ['assembly', 'liitto2', 'SECRETARY', 'OFFICE_HOLDER'],
  // Every party has a seat in the municipal assembly, and every demo representative sees its meetings.
  ...ASSEMBLY_SEATS.map((person): [string, string, string, string] => ['assembly', person, 'MEMBER', 'OFFICE_HOLDER']),
  ['managers', 'liitto', 'CHAIR', 'OFFICE_HOLDER'],
  ['managers', 'jms', 'MEMBER', 'OFFICE_HOLDER'],
  ['managers', 'aki', 'MEMBER', 'OFFICE_HOLDER'],
  ['managers', 'mrm', 'MEMBER', 'OFFICE_HOLDER'],
  ['managers', 'liitto2', 'SECRETARY', 'OFFICE_HOLDER'],
  ['preparedness', 'liitto3', 'CHAIR', 'OFFICE_HOLDER'],
  ['preparedness', 'kru', 'MEMBER', 'OFFICE_HOLDER'],
  ['premises', 'jms2', 'CHAIR', 'OFFICE_HOLDER'],
  ['ict', 'jkl3', 'CHAIR', 'OFFICE_HOLDER'],
  ['employment', 'jkl4', 'CHAIR', 'OFFICE_HOLDER'],
  ['pupil', 'hva3', 'CHAIR', 'OFFICE_HOLDER'],
  ['pupil', 'lka', 'MEMBER', 'OFFICE_HOLDER'],
  // The contract's Laukaa account is a member of the pupil welfare network only; it follows the municipal assembly
  // (where Laukaa's seat is its municipal manager's) as an observer: it reads the meetings, and writes none of them.
  ['assembly', 'lka', 'OBSERVER', 'OFFICE_HOLDER'],
  ['pupil', 'mrm', 'EXPERT', 'OFFICE_HOLDER'],
  ['hyte', 'hva4', 'CHAIR', 'OFFICE_HOLDER'],
  ['hyte', 'aki2', 'MEMBER', 'OFFICE_HOLDER'],
];

/** Demo decision date for a municipality in autumn 2022 / 2025, spread over weeks by code. */
export const demoDate = (year: number, code: Code) => {
  const n = Number(code) % 60;
  const month = 10 + Math.floor(n / 28);
  const day = 1 + (n % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
/** Half the demo sections are written "§ 89", half "89 §", as minutes do. */
export const demoSection = (code: Code) =>
  Number(code) % 2 === 0 ? `§ ${40 + (Number(code) % 70)}` : `${40 + (Number(code) % 70)} §`;
