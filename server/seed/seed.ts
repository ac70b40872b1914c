import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { seedDemoAccounts } from '../modules/auth/auth.seed.js';
import { isEmpty, seedParties } from '../modules/parties/parties.seed.js';
import { seedDemoPersons } from '../modules/parties/persons.seed.js';
import { seedCooperation } from '../modules/cooperation/cooperation.seed.js';
import { seedDemoNeeds } from '../modules/needs/needs.seed.js';
import { seedDemoMeetings } from '../modules/meetings/meetings.seed.js';
import { seedDemoAttachments } from '../modules/attachments/attachments.seed.js';
import { seedDemoIndicators } from '../modules/analytics/analytics.seed.js';
import { seedDemoGoals } from '../modules/goals/goals.seed.js';
import { insertChangeEvent, type NewChangeEvent } from '../realtime/changes.repo.js';

/**
 * Seeds the demo region (Central Finland) on an empty database, in one
 * transaction; returns false when there was data already. Each domain seeds
 * its own rows through its own module.
 */
export async function seedDemoRegion(db: Db, opts: { demoPassword: string; log: Logger }): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const parties = await seedParties(tx);
    const partyId = (code: string) => {
      const p = parties.get(code);
      if (!p) throw new Error(`seed: no party with code ${code}`);
      return p.id;
    };
    const users = await seedDemoAccounts(tx, partyId, opts.demoPassword);
    const persons = await seedDemoPersons(tx, partyId, (email) => users.find((u) => u.email === email)?.id);
    const bodies = await seedCooperation(tx, partyId, persons);
    const admin = users.find((u) => u.email === 'admin@demo.local');
    // The demo records' back-dated history, gathered from the modules and written oldest first, so that the audit
    // stream (in the order of writing) is in the order of time too.
    const history: NewChangeEvent[] = [];
    const needIds = await seedDemoNeeds(
      tx,
      partyId,
      bodies,
      { userId: admin?.id ?? null, partyId: admin?.partyId ?? null },
      history,
    );
    await seedDemoIndicators(tx, [...parties.values()], needIds, { userId: admin?.id ?? null });
    await seedDemoGoals(tx, partyId, (key) => bodies.get(key)?.id, needIds);
    const partyNames = new Map([...parties.values()].map((p) => [p.id, p.names]));
    await seedDemoMeetings(tx, {
      bodies,
      persons,
      needIds,
      actor: { userId: admin?.id ?? null, partyId: admin?.partyId ?? null },
      partyNames: (id) => (id ? (partyNames.get(id) ?? null) : null),
      history,
    });
    const time = (event: NewChangeEvent) => event.at?.getTime() ?? Date.now();
    for (const event of history.sort((a, b) => time(a) - time(b))) await insertChangeEvent(tx, event);
    await seedDemoAttachments(tx, { userId: admin?.id ?? null });
  });
  opts.log.info('seeded the demo region (Central Finland)');
  return true;
}
