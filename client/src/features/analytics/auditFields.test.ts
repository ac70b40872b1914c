import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../graphql/errors';
import { catalogues } from '../../i18n/catalogues';
import { createTranslate, languages } from '../../i18n/i18n';
import { fieldLabel } from './analytics.labels';
import './analytics.messages';
import { disclosureOutcomeLabel, editorsText, requestErrorCodes } from './analytics.util';

/**
 * The keys of a change event's `before` and `after` that the server writes (server/modules, as of this test):
 * the columns of the rows it records whole, and the payloads it writes by hand. The client may not import the
 * server, so the list is kept here; a key added there without a name here shows as a raw key in the trail.
 */
const recordedKeys: Readonly<Record<string, string>> = {
  // Rows recorded whole (less createdAt/updatedAt where the snapshot drops them).
  agreements: 'id titles type validFrom validTo version partyIds',
  agreement_sections: 'id agreementId kind title body sortOrder version',
  cooperation_bodies: 'id names tier level cadence mandate themeCodes parentId version',
  memberships: 'id bodyId personId partyId role capacity startsOn endsOn version',
  negotiations: 'id kind title year municipalityGroup legalBasis heldOn outcomeSummary version',
  ratifications: 'id agreementId partyId decidingBody decisionDate section minutesUrl outcome note recordedByUserId version',
  agreement_goals: 'id agreementId title description ownerPartyId ownerBodyId sortOrder version needIds actionIds',
  goal_measures: 'id goalId indicatorId partyId baselineYear baselineValue targetYear targetValue note version',
  agenda_items:
    'id meetingId bodyId year position section title caseNumber presenterId preparerId proposal publicity legalBasis relatedNeedIds handling decision decisionMode votesFor votesAgainst votesAbstain decidedAt quorumPresent quorumMembers decidedByUserId version',
  appeal_instruction_templates: 'bodyId textFi textSv textEn updatedByUserId version updatedAt',
  meeting_attendance: 'meetingId personId partyId status deputyForPersonId recordedByUserId version updatedAt',
  // A meeting's row, and what its events add: the elected checkers, who checked when, the checks a reopening cleared.
  meetings:
    'id bodyId title startsAt location status currentItemId agendaPublishedAt minutesCheckedAt publishedAt personalDataRemovalDue personalDataRemovedAt demo createdByUserId version checkers personId checkedAt clearedChecks',
  need_actions: 'id needId title description ownerPartyId dueDate status agendaItemId version createdAt updatedAt',
  need_comments: 'id needId body createdAt',
  need_responsibilities: 'needId partyId role description version updatedByUserId createdAt updatedAt',
  service_needs:
    'id title summary status priority targetGroups themeCodes municipalityIds partyIds legalBasis estimatedResidents indicators ownerBodyId statusNote fieldProvenance demo createdByUserId createdByPartyId version createdAt updatedAt',
  need_indicator_targets:
    'needId indicatorId partyId baselineYear baselineValue targetYear targetValue note version updatedByUserId createdAt updatedAt',
  // Written by hand.
  'document.updated': 'bytes updates fromVersion editors userId partyId',
  attachment: 'targetType targetId name contentType size sha256 storage',
  party: 'names subRegion version population value referenceDate status source',
  person: 'name title partyId userId version',
  user: 'displayName partyId roles status via linkKind expiresAt passwordChanged',
  session: 'userId revokedAt',
  api_token: 'name scopes prefix userId revokedAt',
  indicator: 'source code name unit values fromYear toYear',
  notification: 'kind subjectType ids',
};

describe("the audit trail's field names", () => {
  it.each(languages)('name every key the server records, in %s', (lang) => {
    const t = createTranslate(catalogues[lang], lang);
    const unnamed = Object.entries(recordedKeys).flatMap(([source, keys]) =>
      keys
        .split(' ')
        .filter((key) => !fieldLabel(t, key)?.trim())
        .map((key) => `${source}.${key}`),
    );
    expect(unnamed).toEqual([]);
  });

  it("names a document edit's fields, not by their keys", () => {
    const t = createTranslate(catalogues.fi, 'fi');
    expect(['bytes', 'editors', 'updates', 'fromVersion'].map((key) => fieldLabel(t, key))).toEqual([
      'Muutosten koko',
      'Muokkaajat',
      'Muokkauksia',
      'Versiosta',
    ]);
  });
});

describe("a document edit's editors", () => {
  const users = { names: new Map([['u1', 'Maija Meikäläinen']]), unnamed: 'käyttäjä' };
  const parties = new Map([['p1', 'Jyväskylä']]);
  const t = createTranslate(catalogues.fi, 'fi');
  const edits = (count: number) => t('audit.editorEdits', { count });

  it('read as each editor by name and party, and how many edits', () => {
    const editors = [
      { userId: 'u1', partyId: 'p1', updates: 3 },
      { userId: 'u2', partyId: null, updates: 1 },
    ];
    expect(editorsText(editors, users, parties, edits)).toEqual([
      'Maija Meikäläinen (Jyväskylä): 3 muokkausta',
      'käyttäjä: 1 muokkaus',
    ]);
  });

  it('leave a value of another shape as it is', () => {
    expect(editorsText('x', users, parties, edits)).toBe('x');
    expect(editorsText([{ id: 'a' }], users, parties, edits)).toEqual([{ id: 'a' }]);
  });
});

describe("a disclosure's outcome", () => {
  it.each(languages)('names every error code in words in %s', (lang) => {
    const t = createTranslate(catalogues[lang], lang);
    const raw = [...errorCodes, ...requestErrorCodes].filter((code) => {
      const word = disclosureOutcomeLabel(t, code);
      return word === code || word.startsWith('disclosures.') || word.trim() === '';
    });
    expect(raw).toEqual([]);
  });

  it('says FORBIDDEN in Finnish, and keeps a code it does not know', () => {
    const t = createTranslate(catalogues.fi, 'fi');
    expect(disclosureOutcomeLabel(t, 'FORBIDDEN')).toBe('ei oikeutta');
    expect(disclosureOutcomeLabel(t, 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
