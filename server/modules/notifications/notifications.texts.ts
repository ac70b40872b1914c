import type { Locale } from '../../lib/locale.js';
import type { NotificationRow } from './notifications.table.js';

/** The kinds of notification (GraphQL `NotificationKind`). */
export type NotificationKind = 'ACTION_ASSIGNED' | 'ACTION_OVERDUE' | 'AGENDA_PUBLISHED' | 'RATIFICATION_AWAITED';

interface MailWords {
  subject: Record<NotificationKind, string>;
  due: string;
  starts: string;
  open: string;
  footer: string;
}

/** E-mail wording per language. No free text about needs goes out by mail: titles of actions stay in the app. */
const WORDS: Record<Locale, MailWords> = {
  fi: {
    subject: {
      ACTION_ASSIGNED: 'Osapuolellesi on osoitettu toimenpide',
      ACTION_OVERDUE: 'Osapuolesi toimenpide on myöhässä',
      AGENDA_PUBLISHED: 'Kokouksen esityslista on julkaistu',
      RATIFICATION_AWAITED: 'Sopimus odottaa osapuolesi hyväksymistä',
    },
    due: 'Määräpäivä',
    starts: 'Kokous alkaa',
    open: 'Avaa Yhteispelissä',
    footer: 'Tämä on Yhteispelin automaattinen ilmoitus. Kaikki ilmoituksesi:',
  },
  sv: {
    subject: {
      ACTION_ASSIGNED: 'Din part har tilldelats en åtgärd',
      ACTION_OVERDUE: 'En åtgärd för din part är försenad',
      AGENDA_PUBLISHED: 'Föredragningslistan för ett möte har publicerats',
      RATIFICATION_AWAITED: 'Ett avtal väntar på din parts godkännande',
    },
    due: 'Förfallodag',
    starts: 'Mötet börjar',
    open: 'Öppna i Yhteispeli',
    footer: 'Detta är ett automatiskt meddelande från Yhteispeli. Alla dina meddelanden:',
  },
  en: {
    subject: {
      ACTION_ASSIGNED: 'An action was assigned to your party',
      ACTION_OVERDUE: 'An action of your party is overdue',
      AGENDA_PUBLISHED: "A meeting's agenda has been published",
      RATIFICATION_AWAITED: "An agreement awaits your party's ratification",
    },
    due: 'Due',
    starts: 'The meeting starts',
    open: 'Open in Yhteispeli',
    footer: 'This is an automatic notification from Yhteispeli. All your notifications:',
  },
};

const isAction = (kind: string) => kind === 'ACTION_ASSIGNED' || kind === 'ACTION_OVERDUE';

/** A date as people in Finland write it (4.12.2026). */
function localDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

/** The e-mail for one notification in the recipient's language: subject and plain text, links to the app. */
export function mailText(row: NotificationRow, locale: Locale, baseUrl: string): { subject: string; text: string } {
  const w = WORDS[locale];
  const subject = w.subject[row.kind as NotificationKind] ?? w.subject.ACTION_ASSIGNED;
  const lines = [subject + '.'];
  if (!isAction(row.kind)) lines.push('', (locale === 'fi' ? row.title.fi : row.title[locale]) || row.title.fi);
  if (row.dueDate) lines.push('', `${row.kind === 'AGENDA_PUBLISHED' ? w.starts : w.due}: ${localDate(row.dueDate)}`);
  lines.push('', `${w.open}: ${baseUrl}${row.path}`, '', '--', `${w.footer} ${baseUrl}/notifications`);
  return { subject: `Yhteispeli: ${subject}`, text: lines.join('\n') };
}
