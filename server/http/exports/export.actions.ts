import { z } from 'zod';
import { badInput } from '../../errors.js';
import { isActionOverdue } from '../../modules/needs/needs.lifecycle.js';
import { ACTION_STATUSES } from '../../modules/needs/needs.inputs.js';
import type { ActionRow } from '../../modules/needs/needs.table.js';
import type { ExportDefinition } from './export.definition.js';
import { listParam, oneParam, type ExportColumn } from './export.format.js';
import { parseParams, partyIdParam } from './export.params.js';

/** One party's actions, one per row. */
const COLUMNS: readonly ExportColumn[] = [
  { key: 'id', header: { fi: 'Tunniste', sv: 'Id', en: 'Id' }, width: 38 },
  { key: 'title', header: { fi: 'Toimenpide', sv: 'Åtgärd', en: 'Action' }, width: 50 },
  { key: 'status', header: { fi: 'Tila', sv: 'Status', en: 'Status' } },
  { key: 'dueDate', header: { fi: 'Määräaika', sv: 'Tidsfrist', en: 'Due date' }, kind: 'date' },
  { key: 'overdue', header: { fi: 'Myöhässä', sv: 'Försenad', en: 'Overdue' } },
  { key: 'ownerPartyCode', header: { fi: 'Osapuolen tunnus', sv: 'Partens kod', en: 'Party code' } },
  { key: 'ownerParty', header: { fi: 'Osapuoli', sv: 'Part', en: 'Party' }, width: 30 },
  { key: 'needId', header: { fi: 'Palvelutarpeen tunniste', sv: 'Servicebehovets id', en: 'Need id' }, width: 38 },
  { key: 'needTitle', header: { fi: 'Palvelutarve', sv: 'Servicebehov', en: 'Service need' }, width: 50 },
  { key: 'needStatus', header: { fi: 'Palvelutarpeen tila', sv: 'Servicebehovets status', en: 'Need status' } },
  { key: 'createdAt', header: { fi: 'Luotu', sv: 'Skapad', en: 'Created' }, kind: 'datetime' },
  { key: 'updatedAt', header: { fi: 'Päivitetty', sv: 'Uppdaterad', en: 'Updated' }, kind: 'datetime' },
  { key: 'description', header: { fi: 'Kuvaus', sv: 'Beskrivning', en: 'Description' }, width: 50 },
];

/** `status`, repeatable: action statuses, as `partyActions(status:)` takes them. */
const statusParam = z.object({ status: z.array(z.enum(ACTION_STATUSES)) });

/**
 * `/export/actions.csv|xlsx?party=<id or official code>&status=…`: one party's
 * actions across the needs the caller may see (as `partyActions`), by due date;
 * without `party`, the caller's own party's.
 */
export const actionsExport: ExportDefinition<ActionRow> = {
  name: 'actions',
  rootField: 'export.partyActions',
  columns: COLUMNS,
  async open(query, { ctx }) {
    const given = oneParam(query.party);
    const { status: statuses } = parseParams(statusParam, { status: listParam(query.status) }, {});
    const named = given ?? (ctx.actor.kind === 'user' ? ctx.actor.partyId : null);
    if (!named) throw badInput({ party: 'Name the party: its id or official code' });
    const partyId = await partyIdParam(named, 'party', 'party', () => ctx.services.parties.list(ctx.actor));
    const rows = await ctx.services.needs.partyActions(ctx.actor, partyId, statuses, ctx.loaders);
    return { parameters: { partyId, status: statuses }, batches: [rows] };
  },
  async cells(a, scope) {
    const [party, need] = await Promise.all([scope.party(a.ownerPartyId), scope.ctx.loaders.needs.needById.load(a.needId)]);
    return {
      id: a.id,
      title: a.title,
      status: scope.label(a.status, 'ActionStatus'),
      dueDate: a.dueDate,
      overdue: scope.label(String(isActionOverdue(a)), 'Boolean'),
      ownerPartyCode: party?.code ?? null,
      ownerParty: scope.name(party?.names),
      needId: a.needId,
      needTitle: need?.title ?? null,
      needStatus: scope.label(need?.status),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      description: a.description,
    };
  },
};
