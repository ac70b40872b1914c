import type { Db } from '../../db/client.js';
import { hashPassword } from '../../auth/tokens.js';
import type { Role } from '../../auth/actor.js';
import * as repo from './auth.repo.js';
import type { UserRow } from './auth.table.js';

/** The contract's demo accounts; `partyCode` is the official code of the party they represent. */
export const DEMO_ACCOUNTS: { email: string; displayName: string; partyCode: string; roles: Role[] }[] = [
  { email: 'admin@demo.local', displayName: 'Sihteeristö (demo)', partyCode: '13', roles: ['SECRETARIAT'] },
  { email: 'jyvaskyla@demo.local', displayName: 'Jyväskylän edustaja (demo)', partyCode: '179', roles: ['PARTY_REPRESENTATIVE'] },
  {
    email: 'hyvinvointialue@demo.local',
    displayName: 'Hyvinvointialueen edustaja (demo)',
    partyCode: '15',
    roles: ['PARTY_REPRESENTATIVE'],
  },
  { email: 'laukaa@demo.local', displayName: 'Laukaan edustaja (demo)', partyCode: '410', roles: ['PARTY_REPRESENTATIVE'] },
  { email: 'analyst@demo.local', displayName: 'Analyytikko (demo)', partyCode: '13', roles: ['ANALYST'] },
];

/** Inserts the demo accounts, all with the same password (argon2id, hashed once). */
export async function seedDemoAccounts(tx: Db, partyIdByCode: (code: string) => string, password: string): Promise<UserRow[]> {
  const passwordHash = await hashPassword(password);
  return repo.userRows.insertMany(
    tx,
    DEMO_ACCOUNTS.map((a) => ({
      email: a.email,
      displayName: a.displayName,
      passwordHash,
      partyId: partyIdByCode(a.partyCode),
      roles: a.roles,
      isDemo: true,
    })),
  );
}
