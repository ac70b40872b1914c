import type { attachmentsFi } from './attachments.fi';

/** Attachments (issue 12): Swedish. */
export const attachmentsSv: Record<keyof typeof attachmentsFi, string> = {
  'attachments.title': 'Bilagor',
  'attachments.none': 'Inga bilagor.',
  'attachments.choose': 'Välj fil',
  'attachments.chooseFor': 'Välj fil: {subject}',
  'attachments.noneChosen': 'Ingen fil vald.',
  'attachments.hint': 'Högst 20 MB. PDF, bild, text, CSV eller en Office- eller OpenDocument-fil.',
  'attachments.upload': 'Lägg till bilaga',
  'attachments.uploadFor': 'Lägg till bilaga: {subject}',
  'attachments.uploading': 'Bilagan läggs till',
  'attachments.progress': '{percent} % skickat',
  'attachments.uploaded': 'Bilagan {name} lades till.',
  'attachments.delete': 'Ta bort',
  'attachments.deleteLabel': 'Ta bort bilagan {name}',
  'attachments.deleted': 'Bilagan {name} togs bort.',
  'attachments.deleteConfirm': 'Ta bort bilagan {name}? Det kan inte ångras.',
  'attachments.confirmDelete': 'Ta bort bilagan',
  'attachments.cancel': 'Avbryt',
  'attachments.addedBy': '{name}, {time}',
  'attachments.noFile': 'Välj först en fil.',
  'attachments.tooLarge': 'Filen är för stor: högst 20 MB.',
  'attachments.badType':
    'Den här typen av fil kan inte bifogas. Använd PDF, bild, text, CSV eller en Office- eller OpenDocument-fil.',
  'attachments.virus': 'Viruskontrollen avvisade filen.',
  'attachments.empty': 'Filen är tom.',
  'attachments.forbidden': 'Du har inte rätt att lägga till bilagor här.',
  'attachments.network': 'Förbindelsen bröts och bilagan sparades inte. Försök igen.',
  'attachments.failed': 'Det gick inte att lägga till bilagan. Försök igen.',
  'attachments.errorTitle': 'Bilagan lades inte till',
  'attachments.download': 'Ladda ner {name}',
};
