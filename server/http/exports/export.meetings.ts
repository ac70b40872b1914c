import type { Request } from 'express';
import { notFound } from '../../errors.js';
import type { AgendaItemModel } from '../../modules/meetings/meetings.models.js';
import type { AttendanceRow, MeetingRow } from '../../modules/meetings/meetings.table.js';
import type { ExportDefinition, ExportScope } from './export.definition.js';
import { oneParam, type Cell, type ExportColumn } from './export.format.js';
import { idParam, idsParam } from './export.params.js';

/** The meeting's columns that start every row of both exports. */
const MEETING_COLUMNS: readonly ExportColumn[] = [
  { key: 'meetingId', header: { fi: 'Kokouksen tunniste', sv: 'Mötets id', en: 'Meeting id' }, width: 38 },
  { key: 'body', header: { fi: 'Toimielin', sv: 'Organ', en: 'Body' }, width: 30 },
  { key: 'meeting', header: { fi: 'Kokous', sv: 'Möte', en: 'Meeting' }, width: 30 },
  { key: 'startsAt', header: { fi: 'Kokousaika', sv: 'Mötestid', en: 'Starts at' }, kind: 'datetime' },
];

/**
 * The meetings an export covers: `meeting` (ids, each one the caller may read,
 * else NOT_FOUND), or else those the caller may read of `body` between `from` and `to`.
 * A parameter that is no id (or no date and time) is BAD_USER_INPUT naming it.
 */
async function meetingsOf(
  query: Request['query'],
  { ctx }: ExportScope,
): Promise<{ parameters: unknown; meetings: MeetingRow[] }> {
  const ids = idsParam(query, 'meeting');
  if (ids.length) {
    const meetings: MeetingRow[] = [];
    for (const id of ids) {
      const m = await ctx.services.meetings.get(ctx.actor, id, ctx.loaders);
      if (!m) throw notFound('Meeting');
      meetings.push(m);
    }
    return { parameters: { meetingIds: ids }, meetings };
  }
  const args = { bodyId: idParam(query, 'body') ?? null, from: oneParam(query.from) ?? null, to: oneParam(query.to) ?? null };
  return { parameters: args, meetings: await ctx.services.meetings.list(ctx.actor, args, ctx.loaders) };
}

async function meetingCells(m: MeetingRow, scope: ExportScope): Promise<Record<string, Cell>> {
  const body = await scope.ctx.loaders.cooperation.bodyById.load(m.bodyId);
  return { meetingId: m.id, body: scope.name(body?.names), meeting: m.title, startsAt: m.startsAt };
}

/** Rows per meeting, one batch per meeting. */
async function* perMeeting<R>(
  meetings: MeetingRow[],
  rows: (m: MeetingRow) => Promise<R[]>,
): AsyncGenerator<{ meeting: MeetingRow; row: R }[]> {
  for (const meeting of meetings) yield (await rows(meeting)).map((row) => ({ meeting, row }));
}

/** `/export/decisions.csv|xlsx`: the decided items of meetings, as the caller may read them (secret items' decisions stay out). */
export const decisionsExport: ExportDefinition<{ meeting: MeetingRow; row: AgendaItemModel }> = {
  name: 'decisions',
  rootField: 'export.decisions',
  columns: [
    ...MEETING_COLUMNS,
    { key: 'section', header: { fi: 'Pykälä', sv: 'Paragraf', en: 'Section' }, kind: 'number' },
    { key: 'title', header: { fi: 'Asia', sv: 'Ärende', en: 'Item' }, width: 50 },
    { key: 'caseNumber', header: { fi: 'Diaarinumero', sv: 'Diarienummer', en: 'Case number' } },
    { key: 'decisionMode', header: { fi: 'Päätöstapa', sv: 'Beslutssätt', en: 'Decision mode' } },
    { key: 'decision', header: { fi: 'Päätös', sv: 'Beslut', en: 'Decision' }, width: 60 },
    { key: 'votesFor', header: { fi: 'Jaa', sv: 'Ja', en: 'For' }, kind: 'number' },
    { key: 'votesAgainst', header: { fi: 'Ei', sv: 'Nej', en: 'Against' }, kind: 'number' },
    { key: 'votesAbstain', header: { fi: 'Tyhjää', sv: 'Blankt', en: 'Abstain' }, kind: 'number' },
    { key: 'proposal', header: { fi: 'Päätösehdotus', sv: 'Beslutsförslag', en: 'Proposal' }, width: 60 },
    { key: 'publicity', header: { fi: 'Julkisuus', sv: 'Offentlighet', en: 'Publicity' } },
  ],
  async open(query, scope) {
    const { parameters, meetings } = await meetingsOf(query, scope);
    const decided = async (m: MeetingRow) =>
      (await scope.ctx.services.meetings.agenda(scope.ctx.actor, m, scope.ctx.loaders)).filter(
        (i) => !i.restricted && (i.decision || i.decisionMode),
      );
    return { parameters, batches: perMeeting(meetings, decided) };
  },
  async cells({ meeting, row: i }, scope) {
    return {
      ...(await meetingCells(meeting, scope)),
      section: i.section,
      title: i.title,
      caseNumber: i.caseNumber,
      decisionMode: scope.label(i.decisionMode, 'DecisionMode'),
      decision: i.decision,
      votesFor: i.votesFor,
      votesAgainst: i.votesAgainst,
      votesAbstain: i.votesAbstain,
      proposal: i.proposal,
      publicity: scope.label(i.publicity, 'Publicity'),
    };
  },
};

/** `/export/attendance.csv|xlsx`: who attended the meetings, as `Meeting.attendance` shows it. */
export const attendanceExport: ExportDefinition<{ meeting: MeetingRow; row: AttendanceRow }> = {
  name: 'attendance',
  rootField: 'export.attendance',
  columns: [
    ...MEETING_COLUMNS,
    { key: 'person', header: { fi: 'Henkilö', sv: 'Person', en: 'Person' }, width: 30 },
    { key: 'partyCode', header: { fi: 'Osapuolen tunnus', sv: 'Partens kod', en: 'Party code' } },
    { key: 'party', header: { fi: 'Osapuoli', sv: 'Part', en: 'Party' }, width: 30 },
    { key: 'status', header: { fi: 'Läsnäolo', sv: 'Närvaro', en: 'Attendance' } },
    { key: 'deputyFor', header: { fi: 'Varajäsenenä henkilölle', sv: 'Ersättare för', en: 'Deputy for' }, width: 30 },
  ],
  async open(query, scope) {
    const { parameters, meetings } = await meetingsOf(query, scope);
    return { parameters, batches: perMeeting(meetings, (m) => scope.ctx.loaders.meetings.attendanceByMeetingId.load(m.id)) };
  },
  async cells({ meeting, row: a }, scope) {
    const persons = scope.ctx.loaders.persons.personById;
    const [person, party, deputy] = await Promise.all([
      persons.load(a.personId),
      scope.party(a.partyId),
      a.deputyForPersonId ? persons.load(a.deputyForPersonId) : undefined,
    ]);
    return {
      ...(await meetingCells(meeting, scope)),
      person: person?.name ?? null,
      partyCode: party?.code ?? null,
      party: scope.name(party?.names),
      status: scope.label(a.status, 'AttendanceStatus'),
      deputyFor: deputy?.name ?? null,
    };
  },
};
