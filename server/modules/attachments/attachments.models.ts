import type { AttachmentRow } from './attachments.table.js';

/** `PublishedAttachment`: a file of a public item of published minutes. */
export interface PublishedAttachmentModel {
  row: AttachmentRow;
  item: { section: number | null; title: string };
}
