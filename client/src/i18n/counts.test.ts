import { describe, expect, it } from 'vitest';
import { goalsMessages } from '../features/goals/goals.messages';
import { homeMessages } from '../features/home/home.messages';
import { recordMessages } from '../features/meetings/record.messages';
import { needsMessages } from '../features/needs/needs.messages';
import { catalogues } from './catalogues';
import { createTranslate, type Language } from './i18n';

// Importing the features' messages adds them to the catalogues.
void [goalsMessages, homeMessages, recordMessages, needsMessages];
const t = (lang: Language) => createTranslate(catalogues[lang], lang);

describe('counts in running text', () => {
  it('agree with their number in Swedish: 1 försenad, 2 försenade', () => {
    const sv = t('sv');
    expect(sv('needs.overdueCount', { count: 1 })).toBe('1 försenad');
    expect(sv('needs.overdueCount', { count: 2 })).toBe('2 försenade');
    expect(sv('partyActions.summary', { total: 5, overdue: 1, done: 1 })).toBe('5 åtgärder, 1 försenad, 1 klar');
    expect(sv('partyActions.summary', { total: 1, overdue: 0, done: 2 })).toBe('1 åtgärd, 0 försenade, 2 klara');
    expect(sv('home.actionsSummary', { total: 3, overdue: 1 })).toBe('3 öppna, varav 1 försenad');
    expect(
      sv('goals.progressText', { share: '50 %', status: 'på väg', measures: 2, withData: 1, reached: 1, actions: 3, done: 1 }),
    ).toBe('50 % av målet uppnått (på väg). Mätare 2, varav 1 mätt och 1 uppnådd; åtgärder 3, varav 1 klar.');
  });

  it('do not repeat the label before them in English: "Quorum: Reached: …"', () => {
    const en = t('en');
    const line = `${en('rec.quorum')}: ${en('rec.quorumReached', { present: 22, members: 25, required: 13 })}`;
    expect(line).toBe('Quorum: Reached: 22 of 25 members present (at least 13).');
    expect(en('rec.quorumMissing', { present: 3, members: 25, required: 13 })).toMatch(/^Not reached: 3 of 25 members present/);
  });
});
