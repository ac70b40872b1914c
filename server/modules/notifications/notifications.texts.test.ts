import { describe, expect, it } from 'vitest';
import type { NotificationRow } from './notifications.table.js';
import { mailText } from './notifications.texts.js';

const row = (over: Partial<NotificationRow>): NotificationRow => ({
  id: 'n1',
  recipientUserId: 'u1',
  kind: 'ACTION_ASSIGNED',
  subjectType: 'need_action',
  subjectId: 'a1',
  path: '/needs/need-1',
  title: { fi: 'Perheen tilanne, Matti 7 v.' },
  dueDate: '2026-12-04',
  dedupeKey: 'k',
  createdAt: new Date(),
  readAt: null,
  emailState: 'PENDING',
  ...over,
});

describe('notification e-mail text', () => {
  it('never carries an action title (free text about a need), only what happened, the date and a link', () => {
    const { subject, text } = mailText(row({}), 'fi', 'https://yp.example.fi');
    expect(subject).toBe('Yhteispeli: Osapuolellesi on osoitettu toimenpide');
    expect(text).not.toContain('Matti');
    expect(text).toContain('Määräpäivä: 4.12.2026');
    expect(text).toContain('https://yp.example.fi/needs/need-1');
  });

  it("names a meeting or agreement by its title in the recipient's language", () => {
    const agreement = row({
      kind: 'RATIFICATION_AWAITED',
      path: '/agreements/x',
      title: { fi: 'Yhteistyösopimus', sv: 'Samarbetsavtal' },
      dueDate: null,
    });
    expect(mailText(agreement, 'sv', 'http://h').text).toContain('Samarbetsavtal');
    expect(mailText(agreement, 'en', 'http://h').text).toContain('Yhteistyösopimus');
    const meeting = row({
      kind: 'AGENDA_PUBLISHED',
      path: '/meetings/m',
      title: { fi: 'Kuntakokous 1/2027' },
      dueDate: '2027-01-10',
    });
    const { subject, text } = mailText(meeting, 'en', 'http://h');
    expect(subject).toBe("Yhteispeli: A meeting's agenda has been published");
    expect(text).toContain('Kuntakokous 1/2027');
    expect(text).toContain('The meeting starts: 10.1.2027');
  });
});
