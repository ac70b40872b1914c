import { createReadStream, mkdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AttachmentsConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import * as repo from './attachments.repo.js';
import type { AttachmentRow } from './attachments.table.js';

/** Bytes per row of `attachment_chunks`: small enough for one statement's parameters, few rows per file. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Where attachment bytes live. `put` runs inside the write's transaction and
 * returns an undo for when that transaction does not commit; `remove` runs
 * after a committed delete. Reads go by the row's own `storage`.
 */
export interface AttachmentStore {
  /** Where new uploads are kept: `db` or `disk`. */
  kind: 'db' | 'disk';
  /** A folder for uploads in progress (on the same file system as the store, so that keeping one is a rename). */
  incomingDir: string;
  put(tx: Db, id: string, tempPath: string): Promise<() => Promise<void>>;
  read(db: Db, row: AttachmentRow): Readable;
  remove(row: AttachmentRow): Promise<void>;
}

/** The file of a `disk` attachment: two levels by the id's first characters keep folders small. */
const fileOf = (dir: string, id: string) => path.join(dir, id.slice(0, 2), id);

/** Reads a `db` attachment chunk by chunk, one query each, so a 20 MB file never sits whole in memory. */
function readChunks(db: Db, id: string): Readable {
  return Readable.from(
    (async function* () {
      for (let seq = 0; ; seq++) {
        const chunk = await repo.findChunk(db, id, seq);
        if (!chunk) return;
        yield chunk;
      }
    })(),
  );
}

/** The store of the configuration (ATTACHMENTS_STORE, ATTACHMENTS_DIR). */
export function createAttachmentStore(config: AttachmentsConfig): AttachmentStore {
  const incomingDir =
    config.store === 'disk' ? path.join(config.dir, '.incoming') : path.join(os.tmpdir(), 'yhteispeli-incoming');
  mkdirSync(incomingDir, { recursive: true });
  return {
    kind: config.store,
    incomingDir,
    async put(tx, id, tempPath) {
      if (config.store === 'db') {
        const handle = await fs.open(tempPath, 'r');
        try {
          const buffer = Buffer.alloc(CHUNK_BYTES);
          for (let seq = 0; ; seq++) {
            const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
            if (bytesRead === 0) break;
            await repo.insertChunk(tx, id, seq, Buffer.from(buffer.subarray(0, bytesRead)));
          }
        } finally {
          await handle.close();
        }
        return async () => {};
      }
      const target = fileOf(config.dir, id);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(tempPath, target);
      return () => fs.rm(target, { force: true });
    },
    read(db, row) {
      return row.storage === 'disk' ? createReadStream(fileOf(config.dir, row.id)) : readChunks(db, row.id);
    },
    async remove(row) {
      if (row.storage === 'disk') await fs.rm(fileOf(config.dir, row.id), { force: true });
    },
  };
}
