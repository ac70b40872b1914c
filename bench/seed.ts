import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';

/**
 * A large region on top of the demo seed: NEEDS needs, ACTIONS actions and
 * EVENTS change events of needs (so an analyst reads them), by SQL.
 * Bulk rows in SQL (fast on both databases), drawn from the seeded parties, themes and bodies.
 */
export async function seedLarge(
  db: Db,
  { NEEDS, ACTIONS, EVENTS }: { NEEDS: number; ACTIONS: number; EVENTS: number },
): Promise<void> {
  await db.execute(sql`
    insert into service_needs (title, summary, status, priority, target_groups, theme_codes, municipality_ids, estimated_residents, owner_body_id, demo)
    select 'Bench need ' || g,
           'Generated for the benchmark',
           (array['IDENTIFIED','UNDER_ANALYSIS','AGREED','IN_PROGRESS','MONITORING','RESOLVED','ESCALATED','REJECTED'])[1 + g % 8],
           (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4],
           array[(array['CHILDREN_AND_FAMILIES','PUPILS_AND_STUDENTS','YOUTH','WORKING_AGE','UNEMPLOYED','IMMIGRANTS','OLDER_PEOPLE','PEOPLE_WITH_DISABILITIES','WHOLE_POPULATION'])[1 + g % 9]],
           array[(select code from themes order by sort_order offset (g % (select count(*) from themes)) limit 1)],
           array[(select id from parties where kind = 'MUNICIPALITY' order by code offset (g % 22) limit 1)],
           (g * 37) % 400,
           (select id from cooperation_bodies order by created_at offset (g % (select count(*) from cooperation_bodies)) limit 1),
           true
    from generate_series(1, ${NEEDS}) g`);
  await db.execute(sql`
    insert into need_responsibilities (need_id, party_id, role)
    select n.id, n.municipality_ids[1], 'LEAD' from service_needs n where n.title like 'Bench need %'
    union all
    select n.id, (select id from parties where kind = 'WELLBEING_SERVICES_COUNTY' limit 1), 'CONTRIBUTOR' from service_needs n where n.title like 'Bench need %'
    on conflict do nothing`);
  await db.execute(sql`
    with needs as (select id, municipality_ids[1] as party, row_number() over (order by id) as rn from service_needs where title like 'Bench need %')
    insert into need_actions (need_id, title, owner_party_id, due_date, status)
    select needs.id, 'Bench action ' || g, needs.party, date '2026-01-01' + (g % 700),
           (array['PLANNED','IN_PROGRESS','DONE','CANCELLED'])[1 + g % 4]
    from generate_series(1, ${ACTIONS}) g join needs on needs.rn = 1 + g % ${NEEDS}`);
  await db.execute(sql`
    with needs as (select id, row_number() over (order by id) as rn from service_needs where title like 'Bench need %')
    insert into change_events (name, entity_type, entity_id, kind, entity_version, after, scope, at)
    select 'need.updated', 'service_need', needs.id::text, 'UPDATED', 1 + g / ${NEEDS}, jsonb_build_object('status', 'IN_PROGRESS'),
           jsonb_build_object('needId', needs.id),
           now() - interval '1 day' + (g || ' milliseconds')::interval
    from generate_series(1, ${EVENTS}) g join needs on needs.rn = 1 + g % ${NEEDS}`);
  await db.execute(sql`analyze`);
}
