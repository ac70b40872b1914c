import { isSession, type Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';

/**
 * Who may read and edit the documents of one owner type. The owning domain
 * (meetings, needs) registers one, since only it knows its members, observers
 * and secret items. An owner type without one is readable and editable by nobody.
 */
export interface DocumentOwnerAccess {
  canRead(actor: Actor, ownerId: string, db: Db): Promise<boolean>;
  canEdit(actor: Actor, ownerId: string, db: Db): Promise<boolean>;
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
  const get = (ownerType: string): DocumentOwnerAccess => owners.get(ownerType) ?? { canRead: deny, canEdit: deny };
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
    /** Never an API token; then the owner's rule. */
    async edit(actor: Actor, doc: { ownerType: string; ownerId: string }, db: Db): Promise<boolean> {
      return isSession(actor) && get(doc.ownerType).canEdit(actor, doc.ownerId, db);
    },
  };
}

export type DocumentsPolicy = ReturnType<typeof createDocumentsPolicy>;
