import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Db } from '../../db/client.js';
import * as repo from './attachments.repo.js';
import { CHUNK_BYTES } from './attachments.store.js';

/** A one-page PDF (fixed date, so the demo's bytes and checksum are the same on every start). */
function demoPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: 'Yhdyspintasuunnitelman tilannekatsaus', CreationDate: new Date('2026-01-15T08:00:00Z') },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(16).text('Yhdyspintasuunnitelman tilannekatsaus');
    doc.moveDown().font('Helvetica').fontSize(11);
    doc.text(
      'Liite kuntakokouksen pöytäkirjaan (demo). Kunnat ja hyvinvointialue ovat kirjanneet yhteiset palvelutarpeet ja sopineet niiden vastuutahot.',
    );
    doc.end();
  });
}

/** A demo attachment on the first public item of the demo region's published minutes (stored in the database). */
export async function seedDemoAttachments(tx: Db, actor: { userId: string | null }): Promise<void> {
  const itemId = await repo.demoPublishedPublicItem(tx);
  if (!itemId) return;
  const bytes = await demoPdf();
  const row = await repo.insertAttachment(tx, {
    targetType: 'AGENDA_ITEM',
    targetId: itemId,
    name: 'Yhdyspintasuunnitelman tilannekatsaus.pdf',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    storage: 'db',
    createdByUserId: actor.userId,
  });
  for (let seq = 0; seq * CHUNK_BYTES < bytes.length; seq++) {
    await repo.insertChunk(tx, row.id, seq, bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES));
  }
}
