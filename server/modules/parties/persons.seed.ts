import type { Db } from '../../db/client.js';
import * as repo from './persons.repo.js';
import type { PersonRow } from './persons.table.js';

/** A fictional person of the demo region; `key` names them for other seeds, `user` links a demo account. */
export interface DemoPerson {
  key: string;
  name: string;
  title: string;
  partyCode: string;
  user?: string;
}

/** Fictional people, marked "(demo)" in their names; none of them is real. */
export const DEMO_PERSONS: DemoPerson[] = [
  { key: 'jkl', name: 'Aino Demola (demo)', title: 'kaupunginjohtaja', partyCode: '179', user: 'jyvaskyla@demo.local' },
  { key: 'jkl2', name: 'Eero Kuvitelma (demo)', title: 'kaupunginvaltuuston puheenjohtaja', partyCode: '179' },
  {
    key: 'hva',
    name: 'Mikko Esimerkki (demo)',
    title: 'hyvinvointialuejohtaja',
    partyCode: '15',
    user: 'hyvinvointialue@demo.local',
  },
  { key: 'hva2', name: 'Sari Testinen (demo)', title: 'aluevaltuuston puheenjohtaja', partyCode: '15' },
  { key: 'hva3', name: 'Outi Malli (demo)', title: 'oppilas- ja opiskeluhuollon palvelupäällikkö', partyCode: '15' },
  { key: 'hva4', name: 'Pekka Mallikas (demo)', title: 'hyvinvointikoordinaattori', partyCode: '15' },
  { key: 'lka', name: 'Liisa Keksitty (demo)', title: 'sivistysjohtaja', partyCode: '410', user: 'laukaa@demo.local' },
  { key: 'lka2', name: 'Ilkka Kuvitteellinen (demo)', title: 'kunnanjohtaja', partyCode: '410' },
  { key: 'liitto', name: 'Paula Demonen (demo)', title: 'maakuntajohtaja', partyCode: '13' },
  { key: 'liitto2', name: 'Kari Harjoitus (demo)', title: 'yhteistyökoordinaattori', partyCode: '13', user: 'admin@demo.local' },
  { key: 'jms', name: 'Tuula Kokeilu (demo)', title: 'kaupunginjohtaja', partyCode: '182' },
  { key: 'aki', name: 'Jari Luonnos (demo)', title: 'kaupunginjohtaja', partyCode: '992' },
  { key: 'srj', name: 'Heli Harjoitelma (demo)', title: 'kaupunginjohtaja', partyCode: '729' },
  { key: 'kru', name: 'Ville Kuvaus (demo)', title: 'kaupunginjohtaja', partyCode: '249' },
  { key: 'mrm', name: 'Anna Esikuva (demo)', title: 'kunnanjohtaja', partyCode: '500' },
  { key: 'jkl3', name: 'Jussi Otos (demo)', title: 'tietohallintojohtaja', partyCode: '179' },
  { key: 'jkl4', name: 'Minna Näyte (demo)', title: 'työllisyyspalvelujen johtaja', partyCode: '179' },
  { key: 'jms2', name: 'Timo Aihio (demo)', title: 'tilapalvelupäällikkö', partyCode: '182' },
  { key: 'aki2', name: 'Riikka Luonnostelma (demo)', title: 'hyvinvointikoordinaattori', partyCode: '992' },
  { key: 'liitto3', name: 'Jaana Varaus (demo)', title: 'valmiuspäällikkö', partyCode: '13' },
  // The other municipalities' seats in the municipal assembly (every party sits there).
  { key: 'hks', name: 'Kaisa Kuvio (demo)', title: 'kunnanjohtaja', partyCode: '077' },
  { key: 'jsa', name: 'Olli Oletus (demo)', title: 'kunnanjohtaja', partyCode: '172' },
  { key: 'kko', name: 'Tiina Täyte (demo)', title: 'kunnanjohtaja', partyCode: '216' },
  { key: 'ksl', name: 'Markku Malline (demo)', title: 'kunnanjohtaja', partyCode: '226' },
  { key: 'knl', name: 'Satu Sijainen (demo)', title: 'kunnanjohtaja', partyCode: '256' },
  { key: 'kvj', name: 'Antti Arvio (demo)', title: 'kunnanjohtaja', partyCode: '265' },
  { key: 'knv', name: 'Leena Luonnosmalli (demo)', title: 'kunnanjohtaja', partyCode: '275' },
  { key: 'kyj', name: 'Hannu Harjoite (demo)', title: 'kunnanjohtaja', partyCode: '312' },
  { key: 'lhk', name: 'Eila Esimerkillinen (demo)', title: 'kunnanjohtaja', partyCode: '435' },
  { key: 'mla', name: 'Pasi Pohja (demo)', title: 'kunnanjohtaja', partyCode: '495' },
  { key: 'pvs', name: 'Raija Rakenne (demo)', title: 'kunnanjohtaja', partyCode: '592' },
  { key: 'pps', name: 'Seppo Simulaatio (demo)', title: 'kunnanjohtaja', partyCode: '601' },
  { key: 'tka', name: 'Marja Mallinen (demo)', title: 'kunnanjohtaja', partyCode: '850' },
  { key: 'urn', name: 'Juha Jäljitelmä (demo)', title: 'kunnanjohtaja', partyCode: '892' },
  { key: 'vts', name: 'Kirsi Kaava (demo)', title: 'kaupunginjohtaja', partyCode: '931' },
];

/** Inserts the demo people; returns them by key. */
export async function seedDemoPersons(
  tx: Db,
  partyIdByCode: (code: string) => string,
  userIdByEmail: (email: string) => string | undefined,
): Promise<Map<string, PersonRow>> {
  const rows = await repo.personRows.insertMany(
    tx,
    DEMO_PERSONS.map((p) => ({
      name: p.name,
      title: p.title,
      partyId: partyIdByCode(p.partyCode),
      userId: p.user ? (userIdByEmail(p.user) ?? null) : null,
      email: `${p.key}@example.invalid`,
      phone: '+358 40 000 0000',
      isDemo: true,
    })),
  );
  return new Map(DEMO_PERSONS.map((p, i) => [p.key, rows[i]!]));
}
