import { expect } from 'vitest';
import type {
  AddAgendaItemInput,
  AddMembershipInput,
  CreateActionInput,
  CreateAgreementInput,
  CreateCooperationBodyInput,
  CreateMeetingInput,
  CreatePersonInput,
  CreateServiceNeedInput,
} from '../../server/graphql/generated/resolvers.js';
import { DEMO_PASSWORD, unique, type GqlResponse, type TestServer } from './helpers.js';

/*
 * Factories (house style 19): each test makes its own records through the API, so that files run in
 * parallel on one PostgreSQL. Each takes the server (anything with `gql`) and the session token to make
 * the record with, fills the input type's required fields, and fails the test if the server refuses.
 * A change of an input type is one edit here. Tests of a mutation itself call it directly instead.
 */

/** What the factories need of a server: its GraphQL endpoint. */
export type Api = Pick<TestServer, 'gql'>;

/** A record as the factory's selection returned it (`id version` unless asked for other fields). */
export type Made = { id: string; version: number; [field: string]: any };

/** The demo accounts by the role they play in the demo region. */
export const DEMO = {
  admin: 'admin@demo.local',
  analyst: 'analyst@demo.local',
  jyvaskyla: 'jyvaskyla@demo.local',
  laukaa: 'laukaa@demo.local',
  county: 'hyvinvointialue@demo.local',
} as const;

/** Official codes of the demo parties the factories default to. */
const CODE = { county: '15', jyvaskyla: '179', jamsa: '182', laukaa: '410' } as const;

/** Signs in each account, one after the other, and returns the session tokens under the same keys. */
export async function loginAll<K extends string>(
  server: Pick<TestServer, 'login'>,
  accounts: Record<K, string>,
): Promise<Record<K, string>> {
  const tokens = {} as Record<K, string>;
  for (const key of Object.keys(accounts) as K[]) tokens[key] = await server.login(accounts[key]);
  return tokens;
}

/** Signs in the demo accounts named by their DEMO key. */
export function loginDemo<K extends keyof typeof DEMO>(
  server: Pick<TestServer, 'login'>,
  ...who: K[]
): Promise<Record<K, string>> {
  const accounts = {} as Record<K, string>;
  for (const k of who) accounts[k] = DEMO[k];
  return loginAll(server, accounts);
}

/** The demo region as one server sees it (each in-memory database seeds its own ids). */
export interface Region {
  /** A party's id by its official code. */
  party(code: string): string;
  /** The person linked to a demo account, by e-mail. */
  person(email: string): string;
}

const regions = new WeakMap<Api, Promise<Region>>();

/**
 * Party and person ids of the demo region, read once per server in a session of the secretariat's own.
 * Only the demo accounts' persons are looked up (other files on a shared PostgreSQL add persons of their own).
 */
export function region(api: Api): Promise<Region> {
  let known = regions.get(api);
  if (!known) {
    known = loadRegion(api);
    regions.set(api, known);
    // A failed read is not remembered: the next call tries again.
    known.catch(() => regions.delete(api));
  }
  return known;
}

/** Signs a demo account in over `gql` and returns its session token. */
export async function signIn(api: Api, email: string): Promise<string> {
  const login = await api.gql<{ login: { token: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: DEMO_PASSWORD },
  );
  ok(login, `signing in ${email}`);
  return login.data.login.token;
}

/** A password the policy accepts (12+ characters, not a common one) for accounts the factories make. */
export const ACCOUNT_PASSWORD = 'Kolme karhua kalliolla 3';

/**
 * A new person of their own, invited by the secretariat (`adminToken`) and signed in through the one-time link:
 * for tests that end, revoke or change an account's sessions, which must never be a demo account's that
 * other files on a shared PostgreSQL are signed in with.
 */
export async function makeAccount(
  api: Api,
  adminToken: string,
  input: { roles?: string[]; partyId?: string | null; [field: string]: unknown } = {},
): Promise<{ id: string; email: string; token: string }> {
  const email = `${unique('kutsuttu')}@example.fi`;
  const invited = await api.gql<{ inviteUser: { link: string; user: { id: string } } }>(
    'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link user { id } } }',
    { input: { email, displayName: 'Kutsuttu Henkilö', roles: ['PARTY_REPRESENTATIVE'], ...input } },
    { token: adminToken },
  );
  ok(invited, `inviting ${email}`);
  const link = invited.data.inviteUser.link;
  const accepted = await api.gql<{ acceptAccountLink: { token: string } }>(
    'mutation ($t: String!, $p: String!) { acceptAccountLink(token: $t, password: $p) { token } }',
    { t: link.slice(link.lastIndexOf('/') + 1), p: ACCOUNT_PASSWORD },
  );
  ok(accepted, `accepting the invitation of ${email}`);
  return { id: invited.data.inviteUser.user.id, email, token: accepted.data.acceptAccountLink.token };
}

async function loadRegion(api: Api): Promise<Region> {
  const token = await signIn(api, DEMO.admin);
  const r = await api.gql<{ parties: { id: string; code: string }[]; persons: { id: string; user: { email: string } | null }[] }>(
    '{ parties { id code } persons { id user { email } } }',
    {},
    { token },
  );
  ok(r, 'the demo region');
  const parties = new Map(r.data.parties.map((p) => [p.code, p.id]));
  const persons = new Map(r.data.persons.filter((p) => p.user).map((p) => [p.user!.email, p]));
  const found = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`no ${what} in the demo region`);
    return value;
  };
  return {
    party: (code) => found(parties.get(code), `party ${code}`),
    person: (email) => found(persons.get(email), `person of ${email}`).id,
  };
}

/** Fails the test with the server's errors unless the operation succeeded. */
export function ok<T>(r: GqlResponse<T>, what: string): asserts r is GqlResponse<T> & { data: T } {
  expect(r.errors, `${what}: ${JSON.stringify(r.errors)}`).toBeUndefined();
  expect(r.data, what).toBeTruthy();
}

/** Runs one mutation with `$input` and returns its single field's answer. */
async function create<T>(
  api: Api,
  token: string,
  mutation: string,
  inputType: string,
  fields: string,
  input: object,
): Promise<T> {
  const r = await api.gql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} } }`, { input }, { token });
  ok(r, mutation);
  return r.data[mutation] as T;
}

/** A service need; by default for Jämsä, about youth, with no owner body. */
export async function makeNeed<T extends { id: string } = Made>(
  api: Api,
  token: string,
  input: Partial<CreateServiceNeedInput> = {},
  fields = 'id version',
): Promise<T> {
  const municipalityIds = input.municipalityIds ?? [(await region(api)).party(CODE.jamsa)];
  return create(api, token, 'createServiceNeed', 'CreateServiceNeedInput', fields, {
    title: unique('Tarve'),
    targetGroups: ['YOUTH'],
    themeCodes: ['YOUTH'],
    ...input,
    municipalityIds,
  });
}

/** An action of a need; by default owned by Jämsä. */
export async function makeAction<T extends { id: string } = Made>(
  api: Api,
  token: string,
  input: Partial<CreateActionInput> & Pick<CreateActionInput, 'needId'>,
  fields = 'id version',
): Promise<T> {
  const ownerPartyId = input.ownerPartyId ?? (await region(api)).party(CODE.jamsa);
  return create(api, token, 'createAction', 'CreateActionInput', fields, { title: unique('Toimenpide'), ...input, ownerPartyId });
}

/** A seat in a body: the demo account's e-mail and the role (`CHAIR`, `MEMBER`, ...), with more input if needed. */
export type Seat = [email: string, role: string, extra?: Partial<AddMembershipInput>];

/** A cooperation body, operational by default, with demo accounts' persons seated in it. */
export async function makeBody<T extends { id: string } = Made>(
  api: Api,
  token: string,
  input: Partial<CreateCooperationBodyInput> = {},
  seats: Seat[] = [],
  fields = 'id version',
): Promise<T> {
  const body = await create<T>(api, token, 'createCooperationBody', 'CreateCooperationBodyInput', fields, {
    names: { fi: unique('Verkosto') },
    tier: 'OPERATIONAL',
    ...input,
  });
  await seat(api, token, body.id, seats);
  return body;
}

/** Seats demo accounts' persons in a body and returns the memberships, in the order given. */
export async function seat(api: Api, token: string, bodyId: string, seats: Seat[], fields = 'id version'): Promise<Made[]> {
  const memberships: Made[] = [];
  if (seats.length === 0) return memberships;
  const { person } = await region(api);
  for (const [email, role, extra] of seats) {
    memberships.push(
      await makeMembership(
        api,
        token,
        { bodyId, personId: person(email), role: role as AddMembershipInput['role'], ...extra },
        fields,
      ),
    );
  }
  return memberships;
}

/** A membership of any person in a body. */
export function makeMembership<T extends { id: string } = Made>(
  api: Api,
  token: string,
  input: AddMembershipInput,
  fields = 'id version',
): Promise<T> {
  return create(api, token, 'addMembership', 'AddMembershipInput', fields, input);
}

/** A person of a party, with no account. */
export function makePerson(
  api: Api,
  token: string,
  input: Partial<CreatePersonInput> = {},
  fields = 'id',
): Promise<Omit<Made, 'version'>> {
  return create(api, token, 'createPerson', 'CreatePersonInput', fields, { name: unique('Testi Henkilö'), ...input });
}

/** A meeting of a body, planned for the end of November 2026 unless told otherwise. */
export function makeMeeting<T extends { id: string } = Made>(
  api: Api,
  token: string,
  input: Partial<CreateMeetingInput> & Pick<CreateMeetingInput, 'bodyId'>,
  fields = 'id version',
): Promise<T> {
  return create(api, token, 'createMeeting', 'CreateMeetingInput', fields, {
    title: unique('Kokous'),
    startsAt: '2026-11-28T09:00:00Z',
    ...input,
  });
}

/** An item on a meeting's agenda. */
export function makeAgendaItem<T extends { id: string } = Made>(
  api: Api,
  token: string,
  input: Partial<AddAgendaItemInput> & Pick<AddAgendaItemInput, 'meetingId'>,
  fields = 'id version',
): Promise<T> {
  return create(api, token, 'addAgendaItem', 'AddAgendaItemInput', fields, { title: unique('Asia'), ...input });
}

/** A cooperation agreement, by default a protocol between Jyväskylä, Laukaa and the county. */
export async function makeAgreement<T extends { id: string } = Made>(
  api: Api,
  token: string,
  input: Partial<CreateAgreementInput> = {},
  fields = 'id version',
): Promise<T> {
  const partyIds = input.partyIds ?? [CODE.jyvaskyla, CODE.laukaa, CODE.county].map((await region(api)).party);
  return create(api, token, 'createAgreement', 'CreateAgreementInput', fields, {
    titles: { fi: unique('Sopimus') },
    type: 'COOPERATION_PROTOCOL',
    ...input,
    partyIds,
  });
}
