import type { Catalogue } from './i18n';

/** The English catalogue, for analysts and newcomers. */
export const en: Catalogue = {
  'app.name': 'Yhteispeli',
  'app.tagline': 'Shared workspace of the parties to the Central Finland cooperation agreement',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.footer': 'Yhteispeli – cooperation of the municipalities, the wellbeing services county and the regional council',
  'app.pageTitle': '{page} – Yhteispeli',

  'nav.label': 'Main menu',
  'nav.account': 'My account',
  'nav.menu': 'Menu',
  'nav.parties': 'Parties',

  'header.logout': 'Log out',
  'header.loggingOut': 'Logging out',
  'header.languageMenu': 'Choose language',
  // Layout: the design system's date and time fields (components/DateField.tsx).
  'form.dateHint': 'For example {example}',
  'form.dateInvalid': 'Enter the date in the format {example}',
  'form.longDate': '{weekday} {date}',
  'form.datePicker': 'Choose date',
  'form.datePickerChosen': 'Choose date, selected date {date}',
  'form.time': 'Time',
  'form.timeHint': 'As H.mm, e.g. 9.30',
  'form.multi.available': '{count, plural, one {# option} other {# options}}',
  'form.multi.removed': '{option} removed',
  'form.multi.selected': '{count} selected',
  'form.multi.none': 'No options',
  'form.multi.removeAll': 'Remove all selections',
  'form.multi.chipAction': 'Remove',

  'connection.label': 'Connection status',
  'connection.connecting': 'Connecting…',
  'connection.connected': 'Connected',
  'connection.reconnecting': 'Connection lost, reconnecting…',
  'connection.offline': 'No network connection',

  'login.title': 'Log in',
  'login.intro': 'Log in with your work email address and password.',
  'login.sessionEnded': 'Your session has ended. Please sign in again.',
  'login.loggedOutInOtherTab': 'You signed out in another tab. Please sign in again.',
  'login.draftsKept': 'The text you typed but did not send will be restored when you sign in again.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in',
  'login.emailRequired': 'Enter your email address.',
  'login.passwordRequired': 'Enter your password.',
  'login.failedTitle': 'Login failed',
  'login.wrongCredentials': 'The email address or password is wrong. Check them and try again.',
  'login.demoTitle': 'Demo accounts',
  'login.demoIntro': 'Choose an account to fill in the form.',
  'login.demoPassword': 'Every demo account has the password',
  'login.demo.admin': 'Secretariat, administers everything',
  'login.demo.jyvaskyla': 'Representative of the City of Jyväskylä',
  'login.demo.hyvinvointialue': 'Representative of the wellbeing services county',
  'login.demo.laukaa': 'Representative of the Municipality of Laukaa',
  'login.demo.analyst': 'Analyst, read-only',

  'notFound.title': 'Page not found',
  'notFound.recordTitle': 'Not found',
  'notFound.text': 'There is no page at this address. It may be mistyped, or the page has been removed.',
  'notFound.home': 'Go to the front page',
  'empty.value': '(empty)',
  // A shared link's filter value that the page does not know (components/useUrlFilters.tsx).
  'filters.unknownValue':
    'The link had a filter value that is not known. It was left out, and you see the information without it.',

  'error.title': 'Error',
  'error.retry': 'Try again',
  'error.UNAUTHENTICATED': 'Your session has ended. Please log in again.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.NOT_FOUND': 'Not found, or you are not allowed to see it.',
  'error.BAD_USER_INPUT': 'Some of the information is not valid. Correct the marked fields.',
  // A page that could not load has no fields to mark (PageError).
  'error.BAD_USER_INPUT_PAGE':
    'The page could not be shown because the server did not accept its request. Check the page address or try again.',
  'error.CONFLICT': 'Someone else changed this in the meantime. The current version is {version}.',
  'error.INVALID_TRANSITION': 'This status change is not allowed: {from} → {to}.',
  'error.QUERY_TOO_COMPLEX': 'The query is too heavy (limit {limit}, query {actual}).',
  'error.RATE_LIMITED': 'Too many attempts. You can try again in {seconds} seconds.',
  'error.RATE_LIMITED_MINUTES': 'Too many attempts. You can try again in {minutes, plural, one {# minute} other {# minutes}}.',
  // Database outage (issue 9): a retryable answer, not an internal error.
  'error.SERVICE_UNAVAILABLE':
    'The service is briefly unavailable (the database cannot be reached). Try again in {seconds} seconds.',
  'error.INTERNAL_SERVER_ERROR':
    'An unexpected error occurred in the service. If it happens again, give the administrator the error code {requestId}.',
  'error.NETWORK': 'Cannot reach the server. Check your network connection and try again.',
  'error.UNKNOWN': 'Something went wrong. Please try again.',
  'error.field': 'The server did not accept the value: {message}',
  'error.fieldRequired': 'This is required.',
  'error.fieldTooLong': 'At most {max} characters.',
  'error.fieldInvisible': 'Write visible text: invisible characters alone are not enough.',
  'error.fieldOneLine': 'Write this on one line, without line breaks.',
  'error.fieldEmail': 'Give the e-mail address as name@example.fi.',
  'error.fieldDecidedInFuture': 'A decision already made cannot be dated after today.',
  'error.fieldUnknown': 'The server did not accept this value. Check it and try again.',
  'error.fieldWholeNumber': 'Enter a whole number without decimals, for example 1200.',
  'error.fieldNumber': 'Enter a number, for example 12.5.',
  'error.fieldAtLeast': 'The smallest allowed value is {min, number}.',
  'error.fieldAtMost': 'The largest allowed value is {max, number}.',
  'error.fieldTooLarge': 'The number is too large.',
  'error.fieldYear': 'Enter a year from 1900 to 2100.',
  'error.fieldYearFrom': 'Enter the year {year} or later.',
  'error.fieldYearUntil': 'Enter the year {year} or earlier.',

  'enum.PartyKind.MUNICIPALITY': 'Municipality',
  'enum.PartyKind.WELLBEING_SERVICES_COUNTY': 'Wellbeing services county',
  'enum.PartyKind.REGIONAL_COUNCIL': 'Regional council',
  'enum.PartyKind.EMPLOYMENT_AREA': 'Employment area',
  'enum.PartyKind.JOINT_MUNICIPAL_AUTHORITY': 'Joint municipal authority',
  'enum.PartyKind.STATE_AUTHORITY': 'State authority',
  'enum.PartyKind.NGO_OR_PARISH': 'NGO or parish',
  'enum.PartyKind.EDUCATION_PROVIDER': 'Education provider',
  'enum.MunicipalForm.KUNTA': 'Municipality',
  'enum.MunicipalForm.KAUPUNKI': 'City',
  'enum.FigureStatus.FINAL': 'final',
  'enum.FigureStatus.PRELIMINARY': 'preliminary',
  'enum.Role.SECRETARIAT': 'Secretariat',
  'enum.Role.PARTY_REPRESENTATIVE': 'Party representative',
  'enum.Role.ANALYST': 'Analyst',

  'edit.title': 'Edit names and sub-region',
  'edit.intro': 'You are editing version {version}. The Finnish name is required.',
  'edit.optional': 'optional',
  'edit.save': 'Save changes',
  'edit.saving': 'Saving',
  'edit.cancel': 'Discard changes',
  'edit.saved': 'Changes saved. The party is now at version {version}.',
  'edit.noChanges': 'You have not changed anything.',
  'edit.fiRequired': 'Enter the name in Finnish.',
  'edit.remoteTitle': 'Changed by someone else meanwhile',
  'edit.remoteBy': '{actor} changed this party while you were editing it. Your unsaved changes are kept in the form.',
  'edit.remoteAnonymous': 'Someone else changed this party while you were editing it. Your unsaved changes are kept in the form.',
  'edit.conflictTitle': 'Someone else saved first',
  'edit.conflictBody':
    'Your changes were not saved because the party was changed after you started editing (version {base} → {version}). Compare the values and choose which to keep.',
  'edit.compareCaption': 'Current values and your changes',
  'edit.compareField': 'Field',
  'edit.theirs': 'Current values',
  'edit.mine': 'Your changes',
  'edit.keepTheirs': 'Keep current values',
  'edit.applyMine': 'Save my changes',

  // Issue 13: known sources of population figures in the UI language (the data keeps the source as written).
  'population.src.statisticsFinland': 'Statistics Finland',
  'population.src.sotkanetDemo': 'THL/Sotkanet (demo values)',

  // Exports of actions, decisions and attendance (issue 13, "exports")
  'exports.actions': "Download the party's actions",
  'exports.actionsHint': "The file holds the chosen party's actions in the needs you can see.",
  'exports.meetingTitle': "The meeting's data as a file",
  'exports.decisions': 'Download the decisions',
  'exports.attendance': 'Download the attendance',

  // The main menu: analytics
  'nav.audit': 'Audit trail',
  'nav.apiTokens': 'API tokens',
  'nav.disclosures': 'Disclosure log',

  // The main menu: cooperation
  'nav.cooperation': 'Cooperation structure',
  'nav.agreements': 'Agreements',

  // The main menu: dashboard
  'nav.dashboard': 'Situational picture',

  // The main menu: meetings
  'nav.meetings': 'Meetings',
  'nav.minutes': 'Minutes',

  // The main menu: needs
  'nav.needs': 'Service needs',
  'nav.matrix': 'Responsibility matrix',
  'nav.partyActions': 'Actions',

  // The main menu: people
  'nav.people': 'People',

  // The main menu: profile
  'nav.profile': 'My profile',

  // Sign-in (the login page is in the first load)
  'login.sso': 'Sign in with your organisation account',
  'login.ssoIntro': 'Or sign in with your organisation account, if the secretariat invited your work address.',
  'login.sso.no-account': 'No invited user was found for your organisation account. Ask the secretariat for an invitation.',
  'login.sso.failed': 'Signing in with your organisation account failed. Please try again.',

  // Why the server refused to record or publish (errorMessage.ts)
  'rec.reason.NO_QUORUM':
    'The meeting has no quorum: {present} of {members, plural, one {# member} other {# members}} present, {required} needed. Record attendance first.',
  'rec.reason.UNDECIDED_ITEMS': 'These items have no decision: {items}.',
  'rec.reason.NOT_MINUTES_CHECKER': 'Only the minutes checkers elected by the meeting can mark the minutes checked.',
  'rec.reason.NO_CHECKERS': 'Elect two minutes checkers first.',
  'rec.reason.ALREADY_CHECKED': 'You have already marked the minutes checked.',
  'rec.reason.NOT_CHECKED': 'Both checkers must check the minutes before publication.',
  'rec.reason.MINUTES_CHECKED': 'A checker has already checked the minutes: reopen them for a correction first.',
  'rec.reason.NO_ACCOUNT':
    'Only a member present who has a user account can be elected a minutes checker: without an account, nobody can sign in to check the minutes.',
  'rec.reason.MINUTES_CHANGED_AFTER_CHECK':
    'The minutes text changed after it was checked. Reopen the minutes for a correction and have both checkers check them again.',
  'rec.reason.CHECKER_NOT_PRESENT': 'A checker must be recorded present.',
  'rec.reason.CHECKER_ABSENT': 'This person is a minutes checker: elect another checker first.',
  'rec.reason.TOO_MANY_VOTES': 'More votes than voting members present ({present}). Check the counts or the attendance.',
  'rec.reason.NOT_A_SEAT': "A deputy stands in only for the body's chair, vice-chair or a member.",
  'rec.reason.HOLDS_A_SEAT': 'This person is a member of the body and cannot stand in for another member.',
  'rec.reason.NOT_A_DEPUTY': 'This person is not a deputy member of the body.',
  'rec.reason.OTHER_PARTY': 'A deputy member stands in only for a member of their own party.',
  'rec.reason.SEAT_TAKEN': 'Another deputy already stands in for this member. Record that deputy absent first.',
  'rec.reason.SECTIONS_PUBLISHED':
    'The agenda is published: its section numbers are public and do not change. A published item cannot be removed (it can be tabled or returned for preparation), and the meeting cannot move to another year.',
  'rec.reason.VOTES_ONLY_FOR_VOTE':
    'Vote counts are recorded only for a decision taken by vote. Choose vote as the mode, or leave the counts out.',
  'rec.reason.NOT_A_PARTICIPANT':
    'This person is not a member, deputy member, secretary, presenter, expert or observer of the body: their attendance is not recorded for this meeting.',
  'rec.reason.NOT_A_VOTING_MEMBER':
    'The minutes checkers are elected among the members present (the chair, a vice-chair, a member, or a deputy member standing in for a member).',
  'rec.reason.SEAT_HOLDER_PRESENT':
    'The member is recorded present: a deputy stands in only for an absent member. Record the member absent first.',
  'rec.reason.DEPUTY_STANDS_IN':
    'A deputy present stands in for this member. Record the deputy absent first, then the member present.',

  // Needs' refusals that errorMessage.ts explains
  'need.ownerBodyRefused': 'You can only choose a body you sit in.',
  'need.ownPartyRequiredPlain':
    'A need you record must concern your own party: choose it among the municipalities or the other parties.',
};
