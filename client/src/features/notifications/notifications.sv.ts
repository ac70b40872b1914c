import type { notificationsFi } from './notifications.fi';

/** Notifications: Swedish. */
export const notificationsSv: Record<keyof typeof notificationsFi, string> = {
  'notifications.title': 'Meddelanden',
  'notifications.bell': 'Meddelanden',
  'notifications.bellUnread': '{count, plural, one {# oläst} other {# olästa}}',
  'notifications.live': '{count, plural, one {# oläst meddelande} other {# olästa meddelanden}}',
  'notifications.intro': 'Det som gäller dig och din part, det nyaste först. Meddelandena syns bara för dig.',
  'notifications.summary': '{total, plural, one {# meddelande} other {# meddelanden}}, varav {unread} olästa',
  'notifications.unreadOnly': 'Visa bara olästa',
  'notifications.empty': 'Inga meddelanden.',
  'notifications.emptyUnread': 'Inga olästa meddelanden.',
  'notifications.markRead': 'Markera som läst',
  'notifications.markReadOf': 'Markera som läst: {title}',
  'notifications.markAllRead': 'Markera alla som lästa',
  'notifications.markedAll': 'Alla meddelanden har markerats som lästa.',
  'notifications.unread': 'Oläst',
  'notifications.more': 'Visa fler',
  'notifications.received': 'Mottaget {time}',
  'notifications.due': 'Förfallodag {date}',
  'notifications.starts': 'Mötet {date}',
  'notifications.kind.ACTION_ASSIGNED': 'Din part har tilldelats en åtgärd',
  'notifications.kind.ACTION_OVERDUE': 'En åtgärd för din part är försenad',
  'notifications.kind.AGENDA_PUBLISHED': 'Föredragningslistan för ett möte har publicerats',
  'notifications.kind.RATIFICATION_AWAITED': 'Ett avtal väntar på din parts beslut',
};
