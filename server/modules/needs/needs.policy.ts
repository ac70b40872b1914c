import { hasRole, isSession, type Actor } from '../../auth/actor.js';

/** Roles inside a body that let a member run it (and edit the needs it owns). */
const RUNS_BODY = new Set(['CHAIR', 'SECRETARY']);

/**
 * How the actor stands towards one need: computed by the service from the
 * need, its responsibilities and the actor's current memberships.
 */
export interface NeedStanding {
  /** A current member (any role) of the body that owns the need. */
  memberOfOwnerBody: boolean;
  /** The owner body's current chair or secretary. */
  runsOwnerBody: boolean;
  /** The actor's party is among the municipalities, the other parties concerned, or has a responsibility. */
  partyConcerned: boolean;
  /** The actor's party is the need's LEAD. */
  partyIsLead: boolean;
  /** The actor recorded the need and it still waits for someone to take it on: IDENTIFIED, no LEAD party. */
  recordedAwaitingLead: boolean;
}

/** Why a representative may not record a need as given (`needsPolicy.createRefusal`). */
export type CreateRefusal = 'ROLE' | 'OWN_PARTY' | 'OWNER_BODY';

/** Whether a party is concerned by a need: among its municipalities or other parties, or holding a responsibility in it. */
export function isPartyConcerned(
  need: { municipalityIds: readonly string[]; partyIds: readonly string[] },
  responsibilities: readonly { partyId: string }[],
  partyId: string,
): boolean {
  return (
    need.municipalityIds.includes(partyId) ||
    need.partyIds.includes(partyId) ||
    responsibilities.some((r) => r.partyId === partyId)
  );
}

/**
 * The parties a change from `before` to `after` took out of the need's lists (municipalities, other parties), each once;
 * whether a responsibility still concerns them is the caller's to ask (isPartyConcerned with the responsibilities).
 */
export const partiesOffLists = (
  before: { municipalityIds: readonly string[]; partyIds: readonly string[] },
  after: { municipalityIds: readonly string[]; partyIds: readonly string[] },
): string[] => [...new Set([...before.municipalityIds, ...before.partyIds])].filter((p) => !isPartyConcerned(after, [], p));

/** The standing from the actor's roles per body and the need's facts. */
export function standingOf(
  actor: Actor,
  need: {
    ownerBodyId: string | null;
    municipalityIds: readonly string[];
    partyIds: readonly string[];
    createdByUserId: string | null;
    status: string;
  },
  responsibilities: readonly { partyId: string; role: string }[],
  rolesByBody: readonly { bodyId: string; role: string }[],
): NeedStanding {
  const partyId = actor.kind === 'user' ? actor.partyId : null;
  const ownerRoles = need.ownerBodyId ? rolesByBody.filter((r) => r.bodyId === need.ownerBodyId).map((r) => r.role) : [];
  return {
    memberOfOwnerBody: ownerRoles.length > 0,
    runsOwnerBody: ownerRoles.some((r) => RUNS_BODY.has(r)),
    partyConcerned: partyId != null && isPartyConcerned(need, responsibilities, partyId),
    partyIsLead: partyId != null && responsibilities.some((r) => r.partyId === partyId && r.role === 'LEAD'),
    recordedAwaitingLead:
      actor.kind === 'user' &&
      need.createdByUserId === actor.userId &&
      need.status === 'IDENTIFIED' &&
      !responsibilities.some((r) => r.role === 'LEAD'),
  };
}

const isRep = (actor: Actor) => actor.kind === 'user' && hasRole(actor, 'PARTY_REPRESENTATIVE') && actor.partyId != null;
const ownParty = (actor: Actor, partyId: string) => actor.kind === 'user' && actor.partyId === partyId;

/** Who may do what with shared service needs (issue 4, "Permissions"). */
export const needsPolicy = {
  /** The secretariat and analysts read all; members of the owner body and representatives of the parties concerned read theirs. */
  read: (actor: Actor, s: NeedStanding): boolean =>
    hasRole(actor, 'SECRETARIAT') ||
    hasRole(actor, 'ANALYST') ||
    (actor.kind === 'user' && s.memberOfOwnerBody) ||
    (isRep(actor) && s.partyConcerned),

  /** Those who read a need by standing (not analysts by role alone) discuss it. */
  comment: (actor: Actor, s: NeedStanding): boolean =>
    hasRole(actor, 'SECRETARIAT') || (actor.kind === 'user' && s.memberOfOwnerBody) || (isRep(actor) && s.partyConcerned),

  /** Analysts read comments without their authors; everyone else who reads sees who wrote. */
  seeCommentAuthors: (actor: Actor): boolean =>
    actor.kind === 'user' &&
    (hasRole(actor, 'SECRETARIAT') || hasRole(actor, 'PARTY_REPRESENTATIVE') || !hasRole(actor, 'ANALYST')),

  /** The body a need is owned by (or handed to): the secretariat any, everyone else one they sit in now. */
  chooseOwnerBody: (actor: Actor, sitsInBody: boolean): boolean =>
    hasRole(actor, 'SECRETARIAT') || (actor.kind === 'user' && sitsInBody),

  /** Why `create` refuses (null: allowed), so the form can say it beside the field. */
  createRefusal: (
    actor: Actor,
    concernsOwnParty: boolean,
    ownerBody: { id: string | null; member: boolean },
  ): CreateRefusal | null => {
    if (hasRole(actor, 'SECRETARIAT')) return null;
    if (!isRep(actor)) return 'ROLE';
    if (!concernsOwnParty) return 'OWN_PARTY';
    return ownerBody.id == null || needsPolicy.chooseOwnerBody(actor, ownerBody.member) ? null : 'OWNER_BODY';
  },

  /**
   * Whether the actor may record some need at all: signed in with a session (an API token never writes), and `create`
   * allows one that concerns their own party, owned by no body. The screen offers recording on it
   * (`ViewerPermissions.recordServiceNeed`).
   */
  createAny: (actor: Actor): boolean => isSession(actor) && needsPolicy.create(actor, true, { id: null, member: false }),

  /** The secretariat; a representative for a need that concerns their own party, owned by a body they sit in or by none. */
  create: (actor: Actor, concernsOwnParty: boolean, ownerBody: { id: string | null; member: boolean }): boolean =>
    needsPolicy.createRefusal(actor, concernsOwnParty, ownerBody) === null,

  /** The secretariat, the owner body's chair and secretary, and the LEAD party's representatives edit and change the status. */
  edit: (actor: Actor, s: NeedStanding): boolean =>
    hasRole(actor, 'SECRETARIAT') || (actor.kind === 'user' && s.runsOwnerBody) || (isRep(actor) && s.partyIsLead),

  /**
   * Editors change a need's fields; so does the representative who recorded it
   * while it waits for a lead (IDENTIFIED, no LEAD party), to correct what they
   * wrote. Moving it on stays with editors.
   */
  editFields: (actor: Actor, s: NeedStanding): boolean => needsPolicy.edit(actor, s) || (isRep(actor) && s.recordedAwaitingLead),

  /**
   * Naming a LEAD party, and changing a LEAD party's part to another role: the secretariat and the owner body's chair
   * and secretary ("Vastuutahon nimeää sihteeristö"). Not the lead's own representatives: they edit the need, but
   * handing the lead on, or leaving the need without one, is for those who named it. Two LEAD parties (a joint lead)
   * stay possible, not three (`MAX_LEADS`, counted by setResponsibility under the need's row lock).
   */
  nameLead: (actor: Actor, s: NeedStanding): boolean =>
    hasRole(actor, 'SECRETARIAT') || (actor.kind === 'user' && s.runsOwnerBody),

  /**
   * Editors set any party's responsibility; a party concerned sets its own. Either way a LEAD part, given or
   * changed (`currentRole`: the party's role now, null when it has none), is for those who name the lead.
   */
  setResponsibility: (actor: Actor, s: NeedStanding, partyId: string, role: string, currentRole: string | null): boolean =>
    ((role !== 'LEAD' && currentRole !== 'LEAD') || needsPolicy.nameLead(actor, s)) &&
    (needsPolicy.setAnyResponsibility(actor, s) || (isRep(actor) && ownParty(actor, partyId) && needsPolicy.read(actor, s))),

  /** Whether `setResponsibility` allows every party (editors), not only the caller's own party's part; LEAD parts as `nameLead`. */
  setAnyResponsibility: (actor: Actor, s: NeedStanding): boolean => needsPolicy.edit(actor, s),

  /** Editors add actions for any party; a party that reads the need adds its own. */
  createAction: (actor: Actor, s: NeedStanding, ownerPartyId: string): boolean =>
    needsPolicy.createActionForAny(actor, s) || (isRep(actor) && ownParty(actor, ownerPartyId) && needsPolicy.read(actor, s)),

  /** Whether `createAction` allows any owner party (editors), not only the caller's own. */
  createActionForAny: (actor: Actor, s: NeedStanding): boolean => needsPolicy.edit(actor, s),

  /** Each party updates its own actions; the secretariat administers. */
  updateAction: (actor: Actor, ownerPartyId: string): boolean =>
    hasRole(actor, 'SECRETARIAT') || (isRep(actor) && ownParty(actor, ownerPartyId)),
};
