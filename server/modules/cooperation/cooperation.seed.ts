import type { Db } from '../../db/client.js';
import type { PersonRow } from '../parties/persons.table.js';
import * as agreementsRepo from './agreements.repo.js';
import * as repo from './cooperation.repo.js';
import type { CooperationBodyRow } from './cooperation.table.js';
import {
  BODIES,
  CITIES,
  COUNTY,
  council,
  DEMO_NOTE,
  demoDate,
  demoSection,
  MEMBERS,
  MUNICIPALITIES,
  REGION,
  type Code,
} from './cooperation.seed.data.js';

/** Bodies, memberships, agreements with their ratification rounds, and the negotiations of the demo region; returns the bodies by key. */
export async function seedCooperation(
  tx: Db,
  partyId: (code: Code) => string,
  persons: Map<string, PersonRow>,
): Promise<Map<string, CooperationBodyRow>> {
  // Bodies, parents first.
  const bodies = new Map<string, CooperationBodyRow>();
  for (const b of BODIES) {
    const [row] = await repo.bodyRows.insertMany(tx, [
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
  await repo.membershipRows.insertMany(
    tx,
    MEMBERS.map(([body, person, role, capacity]) => {
      const p = persons.get(person)!;
      return { bodyId: bodies.get(body)!.id, personId: p.id, partyId: p.partyId!, role, capacity, startsOn: '2025-08-01' };
    }),
  );
  // An ended membership, to show that history stays.
  const p = persons.get('aki2')!;
  await repo.membershipRows.insertMany(tx, [
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
  const [framework] = await agreementsRepo.agreementRows.insertMany(tx, [
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
  await agreementsRepo.sectionRows.insertMany(tx, [
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
  const [strategic] = await agreementsRepo.agreementRows.insertMany(tx, [
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
  await agreementsRepo.sectionRows.insertMany(tx, [
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
  const [plan] = await agreementsRepo.agreementRows.insertMany(tx, [
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
  await agreementsRepo.sectionRows.insertMany(tx, [
    {
      agreementId: plan!.id,
      kind: 'GOALS',
      sortOrder: 1,
      title: 'Yhdyspinnat',
      body: 'Oppilas- ja opiskeluhuolto, ikäihmisten asuminen ja palvelut, työllisyys ja kuntoutus, hyvinvoinnin edistäminen, varautuminen.',
    },
  ]);

  // Negotiations the law requires.
  const [sydamella] = await agreementsRepo.negotiationRows.insertMany(tx, [
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
    const [n] = await agreementsRepo.negotiationRows.insertMany(tx, [
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
