import type { homeFi } from './home.fi';

/** Front page messages in English. */
export const homeEn: Record<keyof typeof homeFi, string> = {
  'home.title': 'Home',
  'home.greeting': 'Hello, {name}',
  'home.intro': 'What is coming up for you and your organisation, and what is waiting.',
  'home.introParty': 'Party: {party}',
  'home.meetings': 'Coming meetings',
  'home.meetingsEmpty': 'No coming meetings in the bodies you have access to.',
  'home.meetingsAll': 'All meetings',
  'home.enterRoom': 'Go to the meeting room',
  'home.actions': "Your party's open actions",
  'home.actionsSummary': '{total} open, {overdue} of them overdue',
  'home.actionsEmpty': 'Your party has no open actions.',
  'home.actionsAll': "All of the party's actions",
  'home.needs': 'Needs your party is responsible for',
  'home.needsSummary': '{total, plural, one {# need} other {# needs}}, most recently changed first',
  'home.needsEmpty': 'Your party has no responsibility in any need.',
  'home.needsAll': 'Show all in the register',
  'home.needRole': 'Role: {role}',
  'home.agreements': 'Decision awaited',
  'home.agreementsIntro': "Agreements where your party's decision is missing or pending.",
  'home.agreementsEmpty': 'Your party has decided on all its agreements.',
  'home.gaps': 'Needs without a lead',
  'home.gapsCount':
    '{count, plural, =0 {Every open need has a lead party.} one {# open need without a lead party} other {# open needs without a lead party}}',
  'home.gapsLink': 'Show them in the register',
  'home.due': 'due {date}',
  'home.noDue': 'no due date',
};
