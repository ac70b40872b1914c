import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { hasRole, type Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { ChangeView } from '../../realtime/change-view.js';
import { EVENTS } from '../../realtime/topics.js';
import { parseInput } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import { MAX_ATTACHMENT_BYTES, sanitizeFileName, sniffContentType } from './attachments.files.js';
import * as repo from './attachments.repo.js';
import { SCANNERS, type VirusScanner } from './attachments.scan.js';
import type { AttachmentStore } from './attachments.store.js';
import type { AttachmentRow } from './attachments.table.js';
import { TARGET_TYPES, type createTargets, type TargetStanding, type TargetType } from './attachments.targets.js';

/** An upload received in full into a temporary file, with what was learnt on the way. */
export interface ReceivedFile {
  tempPath: string;
  /** The name the client gave (unsafe until sanitised). */
  clientName: string;
  size: number;
  sha256: string;
  /** The first bytes (up to 4 KiB), for sniffing the type. */
  head: Buffer;
}

/** BAD_USER_INPUT about the file, with `reason` so a client can word it: EMPTY, TOO_LARGE, TYPE, VIRUS. */
export const refusedFile = (reason: 'EMPTY' | 'TOO_LARGE' | 'TYPE' | 'VIRUS', message: string, summary = 'Invalid input') =>
  new AppError('BAD_USER_INPUT', summary, { fields: { file: message }, reason });

const targetInput = z.object({ targetType: z.enum(TARGET_TYPES), targetId: z.uuid() });

/** The facts of an attachment as the audit log keeps them (never the bytes). */
const facts = (row: AttachmentRow) => ({
  targetType: row.targetType,
  targetId: row.targetId,
  name: row.name,
  contentType: row.contentType,
  size: row.size,
  sha256: row.sha256,
  storage: row.storage,
});

/**
 * Where an attachment's events belong: its target, and for a need's file also `needId`, so the event joins the
 * need's tree of events (its history and its page's live events, as a comment's or an action's does).
 */
const scopeOf = (row: AttachmentRow) => ({
  targetType: row.targetType,
  targetId: row.targetId,
  ...(row.targetType === 'SERVICE_NEED' ? { needId: row.targetId } : {}),
});

/**
 * Files on agenda items, needs and agreements: uploaded with the right to
 * edit the record, read with the right to read it (by anyone when it is a
 * public item of published minutes), each write one audited transaction.
 */
export function createAttachmentsService(
  { db, write, config }: ServiceDeps,
  deps: { store: AttachmentStore; targets: ReturnType<typeof createTargets>; meetings: MeetingsService; scanner?: VirusScanner },
) {
  const { store, targets, meetings } = deps;
  const scan = deps.scanner ?? SCANNERS[config.attachments.scanner];
  if (!scan)
    throw new Error(
      `ATTACHMENTS_SCANNER must be one of ${Object.keys(SCANNERS).join(', ')}, got "${config.attachments.scanner}"`,
    );

  const standing = (actor: Actor, targetType: string, targetId: string, loaders?: Loaders): Promise<TargetStanding | null> =>
    (TARGET_TYPES as readonly string[]).includes(targetType)
      ? targets[targetType as TargetType](actor, targetId, loaders)
      : Promise.resolve(null);

  /** Who may read attachment events in the audit stream: those who read the record they belong to. */
  const changeView: ChangeView = {
    readsAll: (actor) => hasRole(actor, 'SECRETARIAT'),
    canRead: async (actor, event) =>
      (await standing(actor, String(event.scope?.targetType ?? ''), String(event.scope?.targetId ?? '')))?.read === true,
    readKey: (event) => `${String(event.scope?.targetType ?? '')}:${String(event.scope?.targetId ?? '')}`,
  };

  /** Checks the target and the right to attach to it before a body is read (NOT_FOUND, FORBIDDEN). */
  async function authorizeUpload(actor: Actor, raw: unknown, loaders?: Loaders) {
    const user = requireUser(actor);
    if (user.via !== 'session') throw forbidden('Upload files signed in with a session; API tokens are read-only');
    const target = parseInput(targetInput, raw);
    const s = await standing(user, target.targetType, target.targetId, loaders);
    if (!s) throw notFound('Target');
    if (!s.edit) throw forbidden('Attaching files needs the right to edit the record');
    return { user, target };
  }

  return {
    changeViews: { attachment: changeView } satisfies Record<string, ChangeView>,
    /** Where uploads in progress are written. */
    incomingDir: store.incomingDir,

    authorizeUpload,

    /** Drops a received file that will not be kept (over the cap). */
    async discard(file: ReceivedFile | null): Promise<void> {
      if (file) await fs.rm(file.tempPath, { force: true }).catch(() => {});
    },

    /**
     * Keeps a received file: type from its bytes on the whitelist, a safe name,
     * the scan hook, then one transaction with the row, the bytes (or the file
     * moved into place) and the audit event. The temporary file is gone afterwards.
     */
    async upload(actor: Actor, raw: unknown, file: ReceivedFile): Promise<AttachmentRow> {
      let undo: (() => Promise<void>) | undefined;
      try {
        const { user, target } = await authorizeUpload(actor, raw);
        if (file.size === 0) throw refusedFile('EMPTY', 'The file is empty');
        if (file.size > MAX_ATTACHMENT_BYTES)
          throw refusedFile('TOO_LARGE', `The file is larger than ${MAX_ATTACHMENT_BYTES} bytes`);
        const contentType = sniffContentType(file.head, file.clientName, file.size <= file.head.length);
        if (!contentType) {
          throw refusedFile(
            'TYPE',
            'This type of file is not accepted: send PDF, an image, text, CSV or an Office or OpenDocument file',
          );
        }
        const name = sanitizeFileName(file.clientName, contentType);
        const verdict = await scan({ path: file.tempPath, name, contentType, size: file.size });
        if (!verdict.clean) throw refusedFile('VIRUS', verdict.reason, 'The file was refused by the virus scan');
        return await write(user, async ({ tx, record }) => {
          const row = await repo.insertAttachment(tx, {
            ...target,
            name,
            contentType,
            size: file.size,
            sha256: file.sha256,
            storage: store.kind,
            createdByUserId: user.userId,
          });
          await record({
            name: EVENTS.attachmentAdded.name,
            entityType: EVENTS.attachmentAdded.entityType,
            entityId: row.id,
            kind: 'CREATED',
            after: facts(row),
            scope: scopeOf(row),
          });
          // Last, so that nothing after it can fail but the COMMIT itself.
          undo = await store.put(tx, row.id, file.tempPath);
          return row;
        });
      } catch (err) {
        await undo?.().catch(() => {});
        throw err;
      } finally {
        await fs.rm(file.tempPath, { force: true }).catch(() => {});
      }
    },

    /** Deletes an attachment with the right to edit its record; the bytes go after the commit. */
    async remove(actor: Actor, id: string): Promise<AttachmentRow> {
      const user = requireUser(actor);
      const removed = await write(user, async ({ tx, record }) => {
        const row = await repo.findAttachment(tx, id, { forUpdate: true });
        const s = row ? await standing(user, row.targetType, row.targetId) : null;
        if (!row || !s) throw notFound('Attachment');
        if (!s.edit) throw forbidden('Deleting files needs the right to edit the record');
        await repo.deleteAttachment(tx, id);
        await record({
          name: EVENTS.attachmentDeleted.name,
          entityType: EVENTS.attachmentDeleted.entityType,
          entityId: row.id,
          kind: 'DELETED',
          before: facts(row),
          scope: scopeOf(row),
        });
        return row;
      });
      await store.remove(removed);
      return removed;
    },

    /** An attachment and its bytes for download, to whoever may read its record; NOT_FOUND otherwise. */
    async open(actor: Actor, id: string, loaders?: Loaders): Promise<{ row: AttachmentRow; body: Readable }> {
      const row = await repo.findAttachment(db, id);
      // An API token reads what its user may read (the route logs its download as a disclosure).
      const s = row ? await standing(actor, row.targetType, row.targetId, loaders) : null;
      if (!row || !s?.read) throw notFound('Attachment');
      return { row, body: store.read(db, row) };
    },

    /**
     * What the caller may do with a target's attachments (for the screen to offer only that), from the same
     * standing as `open` (download) and `authorizeUpload`: `read` lists and downloads, `upload` adds and deletes.
     * A target read as it stood at a past moment (`asOf`: an agenda item of a past state of its meeting, a need's
     * past view) lists today's files but changes none.
     */
    async permissions(
      actor: Actor,
      targetType: TargetType,
      targetId: string,
      loaders?: Loaders,
      { asOf }: { asOf?: object | null } = {},
    ) {
      const s = await standing(actor, targetType, targetId, loaders);
      return { read: s?.read ?? false, upload: !asOf && (s?.edit ?? false) };
    },

    /** The attachments of the public items of published minutes, with the item each belongs to. */
    async ofPublishedMinutes(meetingId: string) {
      const meetingRows = await meetings.open.publishedMeetings([meetingId]);
      const items = (await meetings.open.publishedItems(meetingRows)).filter((i) => i.publicity === 'PUBLIC');
      const rows = await repo.listOfTargets(
        db,
        'AGENDA_ITEM',
        items.map((i) => i.id),
      );
      return rows.map((row) => ({ row, item: items.find((i) => i.id === row.targetId)! }));
    },

    /** Attachments of some targets of one type, for readers already allowed to see those targets (OParl, loaders). */
    listOfTargets: (targetType: TargetType, targetIds: readonly string[]) => repo.listOfTargets(db, targetType, targetIds),
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
