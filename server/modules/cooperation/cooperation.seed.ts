import type { Db } from '../../db/client.js';
import type { PersonRow } from '../parties/persons.table.js';
import * as agreementsRepo from './agreements.repo.js';
import * as repo from './cooperation.repo.js';
import type { CooperationBodyRow } from './cooperation.table.js';

type Code = string;
const MUNICIPALITIES: Code[] = [
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
const CITIES = new Set(['179', '182', '249', '729', '931', '992']);
const COUNTY = '15';
const REGION = '13';

/** The council that ratifies for a party, in Finnish. */
const council = (code: Code) =>
  code === COUNTY
    ? 'Aluevaltuusto'
    : code === REGION
      ? 'Maakuntavaltuusto'
      : CITIES.has(code)
        ? 'Kaupunginvaltuusto'
        : 'Kunnanvaltuusto';

const DEMO_NOTE = 'Demo: päivämäärä ja pykälä ovat keksittyjä esimerkkejä.';

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
const demoDate = (year: number, code: Code) => {
  const n = Number(code) % 60;
  const month = 10 + Math.floor(n / 28);
  const day = 1 + (n % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
/** Half the demo sections are written "§ 89", half "89 §", as minutes do. */
const demoSection = (code: Code) => (Number(code) % 2 === 0 ? `§ ${40 + (Number(code) % 70)}` : `${40 + (Number(code) % 70)} §`);

/** Bodies, memberships, agreements with their ratification rounds, and the negotiations of the demo region; returns the bodies by key. */
export async function seedCooperation(
  tx: Db,
  partyId: (code: Code) => string,
  persons: Map<string, PersonRow>,
): Promise<Map<string, CooperationBodyRow>> {
  // Bodies, parents first.
  const bodies = new Map<string, CooperationBodyRow>();
  for (const b of BODIES) {
    const [row] = await repo.insertBodies(tx, [
      {
        names: b.names,
        tier: b.tier,
        level: b.level,
        cadence: b.cadence,
        mandate: b.mandate,
        themeCodes: b.themeCodes,
        parentId: b.parent ? bodies.get(b.parent)!.id : null,
      },
    ]);
    bodies.set(b.key, row!);
  }
  await repo.insertMemberships(
    tx,
    MEMBERS.map(([body, person, role, capacity]) => {
      const p = persons.get(person)!;
      return { bodyId: bodies.get(body)!.id, personId: p.id, partyId: p.partyId!, role, capacity, startsOn: '2025-08-01' };
    }),
  );
  // An ended membership, to show that history stays.
  const p = persons.get('aki2')!;
  await repo.insertMemberships(tx, [
    {
      bodyId: bodies.get('pupil')!.id,
      personId: p.id,
      partyId: p.partyId!,
      role: 'MEMBER',
      capacity: 'OFFICE_HOLDER',
      startsOn: '2023-01-01',
      endsOn: '2025-05-31',
    },
  ]);

  const all = [...MUNICIPALITIES, COUNTY, REGION];

  // Framework agreement 2023–2025: the county council's approval is real (4.10.2022 § 89); the rest is demo.
  const [framework] = await agreementsRepo.insertAgreements(tx, [
    {
      titles: {
        fi: 'Puitesopimus yhteistyörakenteiden ja toimintatapojen periaatteiksi',
        sv: 'Ramavtal om principerna för samarbetsstrukturer och verksamhetssätt',
        en: 'Framework agreement on the principles of cooperation structures and practices',
      },
      type: 'FRAMEWORK',
      validFrom: '2023-01-01',
      validTo: '2025-12-31',
    },
  ]);
  await agreementsRepo.setAgreementParties(tx, framework!.id, all.map(partyId));
  await agreementsRepo.insertRatifications(
    tx,
    all.map((code) =>
      code === COUNTY
        ? {
            agreementId: framework!.id,
            partyId: partyId(code),
            decidingBody: 'Aluevaltuusto',
            decisionDate: '2022-10-04',
            section: '§ 89',
            outcome: 'APPROVED',
            note: 'Aluehallitus käsitteli 13.9.2022.',
          }
        : {
            agreementId: framework!.id,
            partyId: partyId(code),
            decidingBody: council(code),
            decisionDate: demoDate(2022, code),
            section: demoSection(code),
            outcome: 'APPROVED',
            note: DEMO_NOTE,
          },
    ),
  );
  await agreementsRepo.insertSections(tx, [
    {
      agreementId: framework!.id,
      kind: 'PRINCIPLES',
      sortOrder: 1,
      title: 'Periaatteet',
      body: 'Kunnat ja hyvinvointialue ovat tasavertaisia toimijoita, joilla on yhteiset asukkaat. Yhteistyö on avointa, suunnitelmallista ja perustuu tietoon.',
    },
    {
      agreementId: framework!.id,
      kind: 'OPERATING_MODEL',
      sortOrder: 2,
      title: 'Yhteistyön toimintamalli',
      body: 'Yhteistyö toimii neljällä tasolla: strateginen foorumi, kuntakokous, koordinaatio (kunnanjohtajakokous, turvallisuus- ja valmiustoimikunta) ja operatiiviset verkostot.',
    },
    {
      agreementId: framework!.id,
      kind: 'GOALS',
      sortOrder: 3,
      title: 'Tavoitteet',
      body: 'Asukkaiden palvelut toimivat yhdyspinnoilla saumattomasti; hyvinvoinnin ja terveyden edistäminen on yhteistä työtä; päällekkäinen työ vähenee.',
    },
  ]);

  // Strategic cooperation agreement from 1.1.2026: a round still in progress (demo).
  const [strategic] = await agreementsRepo.insertAgreements(tx, [
    {
      titles: { fi: 'Strateginen yhteistyösopimus', sv: 'Strategiskt samarbetsavtal', en: 'Strategic cooperation agreement' },
      type: 'STRATEGIC_COOPERATION',
      validFrom: '2026-01-01',
      validTo: null,
    },
  ]);
  await agreementsRepo.setAgreementParties(tx, strategic!.id, all.map(partyId));
  const pending = new Set(['179', '410', '256', '435', '495', '601']);
  const withChanges = new Set(['265']);
  await agreementsRepo.insertRatifications(
    tx,
    all
      .filter((code) => !pending.has(code))
      .map((code) => ({
        agreementId: strategic!.id,
        partyId: partyId(code),
        decidingBody: council(code),
        decisionDate: demoDate(2025, code),
        section: demoSection(code),
        outcome: withChanges.has(code) ? 'APPROVED_WITH_CHANGES' : 'APPROVED',
        note: withChanges.has(code) ? `${DEMO_NOTE} Hyväksyttiin lisäyksellä kunnan edustuksesta verkostoissa.` : DEMO_NOTE,
      })),
  );
  await agreementsRepo.insertSections(tx, [
    {
      agreementId: strategic!.id,
      kind: 'PRINCIPLES',
      sortOrder: 1,
      title: 'Periaatteet',
      body: 'Jatkaa puitesopimuksen periaatteita: tasavertaisuus, yhteiset asukkaat, tiedolla johtaminen.',
    },
    {
      agreementId: strategic!.id,
      kind: 'OPERATING_MODEL',
      sortOrder: 2,
      title: 'Toimintamalli',
      body: 'Neljän tason yhteistyörakenne; yhdyspintasuunnitelma 2026–2029 ohjaa operatiivista työtä.',
    },
    {
      agreementId: strategic!.id,
      kind: 'GOALS',
      sortOrder: 3,
      title: 'Tavoitteet',
      body: 'Osallisuus, hyvinvoinnin edistäminen, palvelujen järjestäminen, edunvalvonta ja elinvoima, arjen turvallisuus ja varautuminen.',
    },
  ]);

  // Interface plan 2026–2029: county and municipalities (demo state).
  const [plan] = await agreementsRepo.insertAgreements(tx, [
    {
      titles: {
        fi: 'Keski-Suomen yhdyspintasuunnitelma 2026–2029',
        sv: 'Gränsytplan för Mellersta Finland 2026–2029',
        en: 'Central Finland interface plan 2026–2029',
      },
      type: 'INTERFACE_PLAN',
      validFrom: '2026-01-01',
      validTo: '2029-12-31',
    },
  ]);
  const planParties = [...MUNICIPALITIES, COUNTY];
  await agreementsRepo.setAgreementParties(tx, plan!.id, planParties.map(partyId));
  await agreementsRepo.insertRatifications(
    tx,
    ['15', '182', '992', '500', '892'].map((code) => ({
      agreementId: plan!.id,
      partyId: partyId(code),
      decidingBody: code === COUNTY ? 'Aluehallitus' : CITIES.has(code) ? 'Kaupunginhallitus' : 'Kunnanhallitus',
      decisionDate: demoDate(2025, code).replace('-10-', '-11-'),
      section: demoSection(code),
      outcome: 'APPROVED',
      note: DEMO_NOTE,
    })),
  );
  await agreementsRepo.insertSections(tx, [
    {
      agreementId: plan!.id,
      kind: 'GOALS',
      sortOrder: 1,
      title: 'Yhdyspinnat',
      body: 'Oppilas- ja opiskeluhuolto, ikäihmisten asuminen ja palvelut, työllisyys ja kuntoutus, hyvinvoinnin edistäminen, varautuminen.',
    },
  ]);

  // Negotiations the law requires.
  const [sydamella] = await agreementsRepo.insertNegotiations(tx, [
    {
      kind: 'COUNCIL_TERM',
      title: 'Sydämellä – hyvinvointialueen ja kuntien neuvottelut',
      year: 2025,
      legalBasis: '611/2021 14 §',
      heldOn: '2025-10-15',
      outcomeSummary:
        'Noin 180 osallistujaa. Teemat: osallisuus, hyvinvoinnin ja terveyden edistäminen, palvelujen järjestäminen, edunvalvonta ja elinvoima, arjen turvallisuus ja varautuminen. (Päivämäärä demo.)',
    },
  ]);
  await agreementsRepo.setNegotiationParties(tx, sydamella!.id, all.map(partyId));
  const groups: [string, Code[]][] = [
    ['Luhanka, Joutsa ja Toivakka', ['435', '172', '850']],
    ['Jyväskylä', ['179']],
    ['Laukaa, Uurainen, Hankasalmi, Konnevesi ja Äänekoski', ['410', '892', '077', '275', '992']],
  ];
  for (const [group, codes] of groups) {
    const [n] = await agreementsRepo.insertNegotiations(tx, [
      {
        kind: 'HYTE_ANNUAL',
        title: `Hyte-neuvottelut 2025: ${group}`,
        year: 2025,
        municipalityGroup: group,
        legalBasis: '612/2021 6–7 §',
        heldOn: null,
        outcomeSummary: 'Kuntakorit käyty läpi; järjestöt ja seurakunnat kutsuttu. (Demo.)',
      },
    ]);
    await agreementsRepo.setNegotiationParties(tx, n!.id, [...codes.map(partyId), partyId(COUNTY)]);
  }
  return bodies;
}
