import type { homeFi } from './home.fi';

/** Front page messages in Swedish. */
export const homeSv: Record<keyof typeof homeFi, string> = {
  'home.title': 'Startsida',
  'home.greeting': 'Hej, {name}',
  'home.intro': 'Här ser du vad som är på kommande för dig och din organisation och vad som väntar.',
  'home.introParty': 'Part: {party}',
  'home.meetings': 'Kommande möten',
  'home.meetingsEmpty': 'Inga kommande möten i de organ som du har tillgång till.',
  'home.meetingsAll': 'Alla möten',
  'home.enterRoom': 'Gå till mötesrummet',
  'home.actions': 'Partens öppna åtgärder',
  'home.actionsSummary':
    '{total, plural, one {# öppen} other {# öppna}}, varav {overdue, plural, one {# försenad} other {# försenade}}',
  'home.actionsEmpty': 'Din part har inga öppna åtgärder.',
  'home.actionsAll': 'Alla partens åtgärder',
  'home.needs': 'Behov där din part har ansvar',
  'home.needsSummary': '{total} behov, senast ändrade först',
  'home.needsEmpty': 'Din part har inget ansvar för något behov.',
  'home.needsAll': 'Visa alla i registret',
  'home.needRole': 'Roll: {role}',
  'home.agreements': 'Beslut väntar',
  'home.agreementsIntro': 'Avtal där din parts beslut saknas eller pågår.',
  'home.agreementsEmpty': 'Din part har fattat beslut om alla sina avtal.',
  'home.gaps': 'Behov utan ansvarig part',
  'home.gapsCount':
    '{count, plural, =0 {Varje öppet behov har en part med huvudansvar.} one {# öppet behov utan en part med huvudansvar} other {# öppna behov utan en part med huvudansvar}}',
  'home.gapsLink': 'Visa dem i registret',
  'home.due': 'senast {date}',
  'home.noDue': 'ingen tidsfrist',
};
