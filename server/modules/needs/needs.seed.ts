import type { Db } from '../../db/client.js';
import { addDays, today } from '../../lib/dates.js';
import type { NewChangeEvent } from '../../realtime/changes.repo.js';
import { EVENTS } from '../../realtime/topics.js';
import type { CooperationBodyRow } from '../cooperation/cooperation.table.js';
import { actionSnapshot, needSnapshot, responsibilitySnapshot } from './needs.history.js';
import * as repo from './needs.repo.js';
import { DEMO_NEEDS, type DemoNeed } from './needs.seed.data.js';
import type { FieldProvenanceValue, ServiceNeedRow } from './needs.table.js';

const DAY = 86_400_000;

/** The main-line steps that lead to a status (escalation and rejection branch off after analysis). */
function pathTo(status: string): string[] {
  const line = ['UNDER_ANALYSIS', 'AGREED', 'IN_PROGRESS', 'MONITORING', 'RESOLVED'];
  if (status === 'IDENTIFIED') return [];
  if (status === 'ESCALATED' || status === 'REJECTED') return ['UNDER_ANALYSIS', status];
  return line.slice(0, line.indexOf(status) + 1);
}

/**
 * Seeds the demo needs with their history: each need is recorded, then moved
 * along its lifecycle on earlier dates, so that the timeline and `asOf` have
 * something to show. Written with the demo secretariat as the actor.
 */
export async function seedDemoNeeds(
  tx: Db,
  partyId: (code: string) => string,
  bodies: Map<string, CooperationBodyRow>,
  actor: { userId: string | null; partyId: string | null },
  /** Where the needs' history goes: seed.ts writes it in the order of time, with the other modules'. */
  history: NewChangeEvent[],
): Promise<Map<string, string>> {
  const now = Date.now();
  // Titles to ids, so that the demo meetings can put needs on their agendas.
  const ids = new Map<string, string>();
  for (const d of DEMO_NEEDS) ids.set(d.title, await seedOne(tx, d, now, partyId, bodies, actor, history));
  return ids;
}

async function seedOne(
  tx: Db,
  d: DemoNeed,
  now: number,
  partyId: (code: string) => string,
  bodies: Map<string, CooperationBodyRow>,
  actor: { userId: string | null; partyId: string | null },
  history: NewChangeEvent[],
) {
  const created = new Date(now - d.age * DAY);
  const steps = pathTo(d.status);
  const stepAt = (i: number) => new Date(created.getTime() + ((i + 1) * (d.age * DAY)) / (steps.length + 2));
  const bodyId = (key: string | null) => (key ? (bodies.get(key)?.id ?? null) : null);
  const recorder = actor.partyId;
  const prov = (at: Date, fields: string[], by: string | null = recorder): Record<string, FieldProvenanceValue> =>
    Object.fromEntries(fields.map((f) => [f, { partyId: by, userId: actor.userId, at: at.toISOString() }]));
  const initialFields = ['title', 'summary', 'targetGroups', 'themes', 'municipalities', 'status'];
  if (d.others.length) initialFields.push('otherParties');
  if (d.priority) initialFields.push('priority');
  if (d.legalBasis) initialFields.push('legalBasis');
  if (d.residents != null) initialFields.push('estimatedResidents');
  if (d.indicators.length) initialFields.push('indicators');
  if (d.body) initialFields.push('ownerBody');

  const base = {
    title: d.title,
    summary: d.summary,
    targetGroups: d.groups,
    themeCodes: d.themes,
    municipalityIds: d.municipalities.map(partyId),
    partyIds: d.others.map(partyId),
    ownerBodyId: bodyId(d.body),
    priority: d.priority,
    legalBasis: d.legalBasis,
    estimatedResidents: d.residents,
    indicators: d.indicators,
    demo: true,
    createdByUserId: actor.userId,
    createdByPartyId: recorder,
    createdAt: created,
  };
  // The states the need went through, oldest first; the last is what is stored.
  const states: ServiceNeedRow[] = [];
  let provenance = prov(created, initialFields);
  const first = {
    ...base,
    id: '',
    status: 'IDENTIFIED',
    statusNote: null,
    version: 1,
    updatedAt: created,
    fieldProvenance: provenance,
  } as ServiceNeedRow;
  states.push(first);
  steps.forEach((status, i) => {
    const at = stepAt(i);
    const prev = states[states.length - 1]!;
    const escalated = status === 'ESCALATED';
    provenance = { ...provenance, ...prov(at, escalated ? ['status', 'ownerBody'] : ['status']) };
    states.push({
      ...prev,
      status,
      statusNote:
        status === 'REJECTED'
          ? 'Ei yhteinen tarve: kunta hoitaa omana palvelunaan (demo).'
          : escalated
            ? 'Vaatii strategisen tason linjauksen (demo).'
            : null,
      ownerBodyId: escalated ? bodyId('forum') : prev.ownerBodyId,
      version: prev.version + 1,
      updatedAt: at,
      fieldProvenance: provenance,
    });
  });
  const final = states[states.length - 1]!;
  const { id: _id, ...insert } = final;
  const need = await repo.needRows.insert(tx, insert);
  const withId = (s: ServiceNeedRow) => ({ ...s, id: need.id });
  const ev = { actorUserId: actor.userId, actorPartyId: recorder, entityId: need.id, scope: { needId: need.id } };
  history.push({
    ...ev,
    ...EVENTS.needCreated,
    kind: 'CREATED',
    at: created,
    entityVersion: 1,
    after: needSnapshot(withId(states[0]!)),
  });

  // Responsibilities and actions are agreed soon after the need is recorded.
  const agreedAt = new Date(created.getTime() + DAY);
  for (const [code, role, description] of d.responsibilities) {
    const row = {
      needId: need.id,
      partyId: partyId(code),
      role,
      description: description || null,
      updatedByUserId: actor.userId,
      createdAt: agreedAt,
      updatedAt: agreedAt,
    };
    await repo.insertResponsibilities(tx, [row]);
    history.push({
      ...ev,
      ...EVENTS.responsibilitySet,
      entityId: `${need.id}:${row.partyId}`,
      kind: 'CREATED',
      at: agreedAt,
      entityVersion: 1,
      after: responsibilitySnapshot({ ...row, version: 1 }),
      scope: { needId: need.id, partyId: row.partyId },
    });
  }
  const actions = await repo.actionRows.insertMany(
    tx,
    d.actions.map(([code, title, due, status]) => ({
      needId: need.id,
      title,
      ownerPartyId: partyId(code),
      dueDate: addDays(today(new Date(now)), due),
      status,
      createdAt: agreedAt,
      updatedAt: agreedAt,
    })),
  );
  for (const a of actions) {
    history.push({
      ...ev,
      ...EVENTS.actionCreated,
      entityId: a.id,
      kind: 'CREATED',
      at: agreedAt,
      entityVersion: 1,
      after: actionSnapshot(a),
      scope: { needId: need.id, ownerPartyId: a.ownerPartyId, agendaItemId: null },
    });
  }
  for (let i = 1; i < states.length; i++) {
    history.push({
      ...ev,
      ...EVENTS.needTransitioned,
      kind: 'UPDATED',
      at: states[i]!.updatedAt,
      entityVersion: states[i]!.version,
      before: needSnapshot(withId(states[i - 1]!)),
      after: needSnapshot(withId(states[i]!)),
    });
  }
  return need.id;
}
