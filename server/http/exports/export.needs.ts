import type { Request } from 'express';
import type { PartyRow } from '../../modules/parties/parties.table.js';
import { needFilterInput, type NeedFilter } from '../../modules/needs/needs.inputs.js';
import { countActions } from '../../modules/needs/needs.lifecycle.js';
import { publicResidents } from '../../modules/needs/needs.privacy.js';
import type { NeedExportRow } from '../../modules/needs/needs.statistics.js';
import type { ExportDefinition, ExportScope } from './export.definition.js';
import { listParam, oneParam, type ExportColumn } from './export.format.js';
import { parseParams, partyIdsParam } from './export.params.js';

const isParty = (p: PartyRow | Error | undefined): p is PartyRow => !!p && !(p instanceof Error);

/** The register's columns, one need per row; the keys are the stable names tools use with `columns=keys`. */
const COLUMNS: readonly ExportColumn[] = [
  { key: 'id', header: { fi: 'Tunniste', sv: 'Id', en: 'Id' }, width: 38 },
  { key: 'title', header: { fi: 'Otsikko', sv: 'Rubrik', en: 'Title' }, width: 50 },
  { key: 'status', header: { fi: 'Tila', sv: 'Status', en: 'Status' } },
  { key: 'priority', header: { fi: 'Kiireellisyys', sv: 'Prioritet', en: 'Priority' } },
  { key: 'themes', header: { fi: 'Teemat', sv: 'Teman', en: 'Themes' }, width: 30 },
  { key: 'targetGroups', header: { fi: 'Kohderyhmät', sv: 'Målgrupper', en: 'Target groups' }, width: 30 },
  { key: 'municipalityCodes', header: { fi: 'Kuntanumerot', sv: 'Kommunkoder', en: 'Municipality codes' } },
  { key: 'municipalities', header: { fi: 'Kunnat', sv: 'Kommuner', en: 'Municipalities' }, width: 30 },
  { key: 'lead', header: { fi: 'Vastuutaho', sv: 'Ansvarig part', en: 'Lead party' }, width: 30 },
  {
    key: 'contributors',
    header: { fi: 'Osallistuvat osapuolet', sv: 'Medverkande parter', en: 'Contributing parties' },
    width: 30,
  },
  { key: 'ownerBody', header: { fi: 'Omistava elin', sv: 'Ägande organ', en: 'Owner body' }, width: 30 },
  {
    key: 'estimatedResidents',
    header: { fi: 'Arvioitu asukasmäärä', sv: 'Uppskattat antal invånare', en: 'Estimated residents' },
    kind: 'number',
  },
  { key: 'actionsTotal', header: { fi: 'Toimenpiteitä', sv: 'Åtgärder', en: 'Actions' }, kind: 'number' },
  { key: 'actionsDone', header: { fi: 'Toimenpiteitä valmiina', sv: 'Åtgärder klara', en: 'Actions done' }, kind: 'number' },
  {
    key: 'actionsOverdue',
    header: { fi: 'Toimenpiteitä myöhässä', sv: 'Försenade åtgärder', en: 'Actions overdue' },
    kind: 'number',
  },
  { key: 'createdAt', header: { fi: 'Luotu', sv: 'Skapad', en: 'Created' }, kind: 'datetime' },
  { key: 'updatedAt', header: { fi: 'Päivitetty', sv: 'Uppdaterad', en: 'Updated' }, kind: 'datetime' },
  { key: 'summary', header: { fi: 'Kuvaus', sv: 'Beskrivning', en: 'Summary' }, width: 50 },
];

/** Query parameters → the register's filter keys: lists (each may repeat, or hold a comma-separated list) and single values. */
const LIST_PARAMS = { status: 'status', theme: 'themeCodes', targetGroup: 'targetGroups', priority: 'priority' } as const;
const ONE_PARAMS = { ownerBody: 'ownerBodyId', party: 'responsiblePartyId', text: 'text' } as const;

/** The query parameter each filter key is read from, to name it when the filter's parse refuses it. */
const PARAM_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({ ...LIST_PARAMS, municipality: 'municipalityIds', ...ONE_PARAMS }).map(([param, key]) => [key, param]),
);

/**
 * The register's filter from query parameters: `status`, `theme`,
 * `municipality` (party id or official code), `targetGroup`, `priority`
 * (repeatable), `ownerBody`, `party` (a party with a responsibility), `text`;
 * parsed as `serviceNeeds(filter:)` parses it, a refusal naming the parameter.
 * A theme code that is no theme is refused too (a filter by it would match nothing).
 */
export async function filterFromQuery(query: Request['query'], { ctx }: ExportScope): Promise<NeedFilter> {
  const raw: Record<string, unknown> = {};
  for (const [param, key] of Object.entries(LIST_PARAMS)) {
    const values = listParam(query[param]);
    if (values.length) raw[key] = values;
  }
  const municipalities = listParam(query.municipality);
  if (municipalities.length)
    raw.municipalityIds = await partyIdsParam(municipalities, 'municipality', 'municipality', () =>
      ctx.services.parties.list(ctx.actor, 'MUNICIPALITY'),
    );
  for (const [param, key] of Object.entries(ONE_PARAMS)) {
    const value = oneParam(query[param]);
    if (value) raw[key] = value;
  }
  const filter = parseParams(needFilterInput, raw, PARAM_OF) ?? {};
  await ctx.services.parties.checkThemeCodes(filter.themeCodes, 'theme');
  return filter;
}

/** `/export/service-needs.csv|xlsx`: the register under its filters, in its default order. */
export const serviceNeedsExport: ExportDefinition<NeedExportRow> = {
  name: 'service-needs',
  rootField: 'export.serviceNeeds',
  columns: COLUMNS,
  async open(query, scope) {
    const filter = await filterFromQuery(query, scope);
    return { parameters: filter, batches: await scope.ctx.services.needStatistics.exportBatches(scope.ctx.actor, filter) };
  },
  async cells({ need, responsibilities, actions }, scope) {
    const { ctx } = scope;
    // As the register counts them (ActionCounts): a cancelled action is in neither the total nor the done.
    const counts = countActions(actions);
    const partyName = async (id: string) => scope.name((await scope.party(id))?.names) ?? id;
    const municipalities = (await ctx.loaders.parties.partyById.loadMany(need.municipalityIds)).filter(isParty);
    const themes = scope.codes
      ? need.themeCodes
      : await Promise.all(
          need.themeCodes.map(async (c) => scope.name((await ctx.loaders.parties.themeByCode.load(c))?.names) ?? c),
        );
    // Up to two LEAD parties (a joint lead): all of them, joined as the other lists, in the order they were named.
    const leads = await Promise.all(responsibilities.filter((r) => r.role === 'LEAD').map((r) => partyName(r.partyId)));
    const body = need.ownerBodyId ? await ctx.loaders.cooperation.bodyById.load(need.ownerBodyId) : undefined;
    return {
      id: need.id,
      title: need.title,
      status: scope.label(need.status),
      priority: scope.label(need.priority),
      themes: themes.join(', '),
      targetGroups: need.targetGroups.map((g) => scope.label(g)).join(', '),
      municipalityCodes: municipalities.map((p) => p.code ?? '').join(', '),
      municipalities: municipalities.map((p) => scope.name(p.names)).join(', '),
      lead: leads.length ? leads.join(', ') : null,
      contributors: (
        await Promise.all(responsibilities.filter((r) => r.role === 'CONTRIBUTOR').map((r) => partyName(r.partyId)))
      ).join(', '),
      ownerBody: scope.name(body?.names),
      estimatedResidents: publicResidents(need.estimatedResidents),
      actionsTotal: counts.total,
      actionsDone: counts.done,
      actionsOverdue: counts.overdue,
      createdAt: need.createdAt,
      updatedAt: need.updatedAt,
      summary: need.summary,
    };
  },
};
