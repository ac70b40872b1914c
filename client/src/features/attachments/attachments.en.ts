import type { attachmentsFi } from './attachments.fi';

/** Attachments (issue 12): English. */
export const attachmentsEn: Record<keyof typeof attachmentsFi, string> = {
  'attachments.title': 'Attachments',
  'attachments.none': 'No attachments.',
  'attachments.choose': 'Choose a file',
  'attachments.noneChosen': 'No file chosen.',
  'attachments.hint': 'At most 20 MB. PDF, an image, text, CSV or an Office or OpenDocument file.',
  'attachments.upload': 'Add attachment',
  'attachments.uploading': 'Adding the attachment',
  'attachments.progress': '{percent} % sent',
  'attachments.uploaded': 'Attachment {name} was added.',
  'attachments.delete': 'Delete',
  'attachments.deleteLabel': 'Delete attachment {name}',
  'attachments.deleted': 'Attachment {name} was deleted.',
  'attachments.addedBy': '{name}, {time}',
  'attachments.noFile': 'Choose a file first.',
  'attachments.tooLarge': 'The file is too large: at most 20 MB.',
  'attachments.badType': 'This type of file cannot be attached. Use PDF, an image, text, CSV or an Office or OpenDocument file.',
  'attachments.virus': 'The virus scan refused the file.',
  'attachments.empty': 'The file is empty.',
  'attachments.forbidden': 'You may not add attachments here.',
  'attachments.network': 'The connection broke and the attachment was not saved. Try again.',
  'attachments.failed': 'Adding the attachment failed. Try again.',
  'attachments.errorTitle': 'The attachment was not added',
  'attachments.download': 'Download {name}',
};
