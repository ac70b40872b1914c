import { isSession, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';

/** Why the caller may not edit a document (the GraphQL enum `EditLockReason`); null where they may. */
export const EDIT_LOCK_REASONS = [
  'CHECKED',
  'PUBLISHED',
  'BEING_CHECKED',
  'CLOSED',
  'OBSERVER',
  'NOT_MEMBER',
  'API_TOKEN',
  'NOT_ALLOWED',
  'PAST_STATE',
] as const;
export type EditLockReason = (typeof EDIT_LOCK_REASONS)[number];

/**
 * Who may read and edit the documents of one owner type. The owning domain
 * (meetings, needs) registers one, since only it knows its members, observers
 * and secret items. An owner type without one is readable and editable by nobody.
 */
export interface DocumentOwnerAccess {
  canRead(actor: Actor, ownerId: string, db: Db): Promise<boolean>;
  /**
   * Why the actor may not edit the owner's document, or null when they may: one rule answers both whether a push is
   * accepted and the reason the API gives (`Document.canEdit`, `Document.editLockReason`), so they never disagree.
   */
  editLock(actor: Actor, ownerId: string, db: Db): Promise<EditLockReason | null>;
  /**
   * Entity types whose committed events can change these rights (memberships, the owner's status):
   * co-editors' cached rights are read again when one arrives. Default: every event of another type.
   */
  affectedBy?: readonly string[];
}

/** The registry of owner types. */
export function createDocumentsPolicy() {
  const owners = new Map<string, DocumentOwnerAccess>();
  const deny = async () => false;
  const lock = async (): Promise<EditLockReason> => 'NOT_ALLOWED';
  const get = (ownerType: string): DocumentOwnerAccess => owners.get(ownerType) ?? { canRead: deny, editLock: lock };
  /** Why the actor may not edit: the owner's rule, and never with an API token (nor anonymously), whatever it says. */
  const editLock = async (actor: Actor, doc: { ownerType: string; ownerId: string }, db: Db): Promise<EditLockReason | null> => {
    if (actor.kind !== 'user') return 'NOT_ALLOWED';
    const reason = await get(doc.ownerType).editLock(actor, doc.ownerId, db);
    return reason ?? (isSession(actor) ? null : 'API_TOKEN');
  };
  return {
    register(ownerType: string, access: DocumentOwnerAccess): void {
      owners.set(ownerType, access);
    },
    /** Whether a committed event can change who may read or edit documents of this owner type. */
    affectedBy(ownerType: string, event: Pick<ChangeEventRow, 'entityType'>): boolean {
      const types = owners.get(ownerType)?.affectedBy;
      return types ? types.includes(event.entityType) : event.entityType !== 'document';
    },
    /** Signed-in users only, then the owner's rule. */
    async read(actor: Actor, doc: { ownerType: string; ownerId: string }, db: Db): Promise<boolean> {
      return actor.kind === 'user' && get(doc.ownerType).canRead(actor, doc.ownerId, db);
    },
    /** Why the actor may not edit the document (null: they may): the owner's rule; never an API token. */
    editLock,
    /** Whether the actor may edit the document: exactly when `editLock` gives no reason. */
    async edit(actor: Actor, doc: { ownerType: string; ownerId: string }, db: Db): Promise<boolean> {
      return (await editLock(actor, doc, db)) === null;
    },
  };
}

export type DocumentsPolicy = ReturnType<typeof createDocumentsPolicy>;
