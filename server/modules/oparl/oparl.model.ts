import { helsinkiDay } from '../../lib/dates.js';

/**
 * OParl 1.1 objects (https://oparl.org/spezifikation/) from the hub's public
 * records. Pure functions: the service gathers the rows, these shape them.
 * Only what the public copy of published minutes, the agreements and their
 * ratification round hold is ever shaped here (docs/oparl.md).
 */

/** The schema namespace of every object's `type`. */
export const OPARL = 'https://schema.oparl.org/1.1/';

/** An OParl object: `id` and `type` always, the rest per type. */
export type OparlObject = { id: string; type: string } & Record<string, unknown>;

/** Builds the URLs of the feed under one base (PUBLIC_URL, or the request's own origin). */
export function urls(base: string) {
  const root = `${base}/oparl/v1`;
  const body = `${root}/body/region`;
  return {
    root,
    system: `${root}/system`,
    bodies: `${root}/bodies`,
    body,
    list: (name: string) => `${body}/${name}`,
    object: (type: string, id: string) => `${root}/${type}/${id}`,
    web: (path: string) => `${base}${path}`,
  };
}
export type Urls = ReturnType<typeof urls>;

const iso = (d: Date | string | null | undefined): string | undefined => (d == null ? undefined : new Date(d).toISOString());

/** Finnish municipal council terms (valtuustokausi): 1.6.2025–31.5.2029 and four years on; the shortened 2021–2025 before. */
export function councilTerm(at: Date): { start: string; end: string } {
  const day = helsinkiDay(at);
  if (day < '2021-08-01') return { start: '2017-06-01', end: '2021-07-31' };
  if (day < '2025-06-01') return { start: '2021-08-01', end: '2025-05-31' };
  const k = Math.floor((Number(day.slice(0, 4)) - 2025 - (day.slice(5) < '06-01' ? 1 : 0)) / 4);
  const from = 2025 + 4 * k;
  return { start: `${from}-06-01`, end: `${from + 4}-05-31` };
}

export function legislativeTerm(u: Urls, term: { start: string; end: string }): OparlObject {
  return {
    id: u.object('legislativeTerm', `${term.start.slice(0, 4)}-${term.end.slice(0, 4)}`),
    type: `${OPARL}LegislativeTerm`,
    body: u.body,
    name: `Valtuustokausi ${term.start.slice(0, 4)}–${term.end.slice(0, 4)}`,
    startDate: term.start,
    endDate: term.end,
  };
}

export function system(u: Urls, facts: { name: string; website: string; created?: Date; modified?: Date }): OparlObject {
  return {
    id: u.system,
    type: `${OPARL}System`,
    oparlVersion: OPARL,
    body: u.bodies,
    name: facts.name,
    website: facts.website,
    web: facts.website,
    created: iso(facts.created),
    modified: iso(facts.modified),
  };
}

export function body(
  u: Urls,
  facts: { name: string; shortName: string; website: string; terms: OparlObject[]; created?: Date; modified?: Date },
): OparlObject {
  return {
    id: u.body,
    type: `${OPARL}Body`,
    system: u.system,
    name: facts.name,
    shortName: facts.shortName,
    website: facts.website,
    classification: 'Yhteistyöalue',
    organization: u.list('organization'),
    person: u.list('person'),
    meeting: u.list('meeting'),
    paper: u.list('paper'),
    agendaItem: u.list('agendaItem'),
    consultation: u.list('consultation'),
    file: u.list('file'),
    membership: u.list('membership'),
    locationList: u.list('location'),
    legislativeTermList: u.list('legislativeTerm'),
    legislativeTerm: facts.terms,
    web: facts.website,
    created: iso(facts.created),
    modified: iso(facts.modified),
  };
}

/**
 * An Organization of the feed: a cooperation body (`body-<id>`) or a party (`party-<id>`), named in Finnish;
 * `fields` are what the kind adds between the name and the times.
 */
function organization(
  u: Urls,
  key: string,
  r: { names: { fi: string }; createdAt: Date; updatedAt: Date },
  fields: Record<string, unknown>,
): OparlObject {
  return {
    id: u.object('organization', key),
    type: `${OPARL}Organization`,
    body: u.body,
    name: r.names.fi,
    ...fields,
    created: iso(r.createdAt),
    modified: iso(r.updatedAt),
  };
}

/** A cooperation body (toimielin) as an Organization. */
export function bodyOrganization(
  u: Urls,
  b: { id: string; names: { fi: string }; tier: string; parentId: string | null; createdAt: Date; updatedAt: Date },
): OparlObject {
  return organization(u, `body-${b.id}`, b, {
    organizationType: 'Gremium',
    classification: b.tier,
    meeting: `${u.object('organization', `body-${b.id}`)}/meeting`,
    subOrganizationOf: b.parentId ? u.object('organization', `body-${b.parentId}`) : undefined,
  });
}

/** A party of the agreement (a municipality, the county, the regional council) as an Organization. */
export function partyOrganization(
  u: Urls,
  p: { id: string; names: { fi: string }; code: string | null; kind: string; createdAt: Date; updatedAt: Date },
): OparlObject {
  return organization(u, `party-${p.id}`, p, {
    shortName: p.code ?? undefined,
    organizationType: 'Institution',
    classification: p.kind,
  });
}

/** An attachment as a File. */
export function attachmentFile(
  u: Urls,
  a: { id: string; name: string; contentType: string; size: number; createdAt: Date },
  parents: { meeting?: string[]; agendaItem?: string[]; paper?: string[] },
): OparlObject {
  const url = u.web(`/attachments/${a.id}`);
  return {
    id: u.object('file', a.id),
    type: `${OPARL}File`,
    name: a.name,
    fileName: a.name,
    mimeType: a.contentType,
    size: a.size,
    date: iso(a.createdAt)?.slice(0, 10),
    accessUrl: url,
    downloadUrl: url,
    ...parents,
    created: iso(a.createdAt),
    modified: iso(a.createdAt),
  };
}

/** The minutes PDF of a published meeting as a File (the meeting's `resultsProtocol`). */
export function minutesFile(u: Urls, m: { id: string; title: string; publishedAt: Date; updatedAt: Date }): OparlObject {
  const url = u.web(`/meetings/${m.id}/minutes.pdf`);
  return {
    id: u.object('file', `minutes-${m.id}`),
    type: `${OPARL}File`,
    name: `Pöytäkirja: ${m.title}`,
    fileName: `poytakirja-${m.id.slice(0, 8)}.pdf`,
    mimeType: 'application/pdf',
    date: iso(m.publishedAt)?.slice(0, 10),
    accessUrl: url,
    downloadUrl: url,
    meeting: [u.object('meeting', m.id)],
    created: iso(m.publishedAt),
    modified: iso(m.updatedAt),
  };
}
