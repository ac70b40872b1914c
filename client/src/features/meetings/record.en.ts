import type { recordFi } from './record.fi';

/** English messages of the lawful record. */
export const recordEn: { readonly [K in keyof typeof recordFi]: string } = {
  'rec.quorum': 'Quorum',
  'rec.quorumReached': 'Reached: {present} of {members, plural, one {# member} other {# members}} present (at least {required}).',
  'rec.quorumMissing':
    'Not reached: {present} of {members, plural, one {# member} other {# members}} present, {required} needed. Record attendance before decisions.',
  'rec.decisionQuorum': 'Quorum at the decision: {present} of {members, plural, one {# member} other {# members}} present',
  'rec.checkers': 'Minutes checkers',
  'rec.checkersIntro':
    'The meeting elects two of the members present to check the minutes; a deputy member may be one while standing in for a member. The minutes are checked once both have marked them checked.',
  'rec.noCheckers': 'No checkers elected yet.',
  'rec.checkedAt': 'checked {date}',
  'rec.notChecked': 'not checked yet',
  'rec.elect': 'Elect the checkers',
  'rec.electLegend': 'Choose two members present',
  'rec.electSubmit': 'Save the checkers',
  'rec.noAccount': 'no user account: cannot sign in to check',
  'rec.checkerNoAccount': 'no active user account: cannot check',
  'rec.checkerNoAccountElect':
    'The checker {names} cannot sign in to check the minutes: they have no active user account. Elect another checker.',
  'rec.checkerNoAccountReopen':
    'The checker {names} cannot sign in to check the minutes: they have no active user account. Reopen the minutes for a correction first, then elect another checker.',
  'rec.electHint': 'Choose exactly two.',
  'rec.electTwoRequired': 'Choose exactly two members who are present.',
  'rec.elected': 'Checkers elected.',
  'rec.nobodyPresent': 'Record which members are present first.',
  'rec.check': 'Mark the minutes checked',
  'rec.checkUndecided': 'The minutes can be marked checked once every item has a recorded decision. No decision yet: {items}.',
  'rec.checkNotVoting':
    'You cannot mark the minutes checked: you are no longer a member present or a deputy standing in for one (for example, your membership has ended). Ask for another checker to be elected.',
  'rec.checked': 'Your check has been recorded.',
  'rec.lockedByCheck':
    'The content of the minutes is locked: a checker has marked them checked. Notes, decisions and attendance cannot be changed, so that the published minutes are what was checked.',
  'rec.reopen': 'Reopen the minutes for a correction',
  'rec.reopenHint':
    'If a checker found an error, reopen the minutes for a correction. Every check is removed, and the checkers check the corrected minutes again.',
  'rec.reopenConfirm':
    'Reopen the minutes for a correction? The checks ({count}) are removed, and both checkers must check the minutes again.',
  'rec.reopened': 'The minutes have been reopened for a correction. The checks were removed.',
  'rec.appeal': 'Appeal instructions',
  'rec.appealIntro':
    "The body's appeal instructions go with its published minutes. Finnish is required; Swedish and English where the body uses them.",
  'rec.appealDefault': 'The body has no instructions of its own: the default text applies.',
  'rec.appealFi': 'In Finnish',
  'rec.appealSv': 'In Swedish',
  'rec.appealEn': 'In English',
  'rec.appealSave': 'Save the instructions',
  'rec.appealSaved': 'Instructions saved.',
  'rec.appealEdit': 'Edit the instructions',
  'rec.actions': 'Actions of the decision',
  'rec.actionDue': 'due {date}',
  'rec.decidedIn': 'Decided: {meeting}, {section}',
  'rec.overdueTitle': 'Personal data to remove',
  'rec.overdueIntro':
    'The appeal period of these published minutes has ended. Remove the names from the public minutes (Local Government Act, section 140).',
  'rec.overdueDue': 'appeal period ended {date}',
  'rec.removeFrom': 'Remove personal data: {title}',
  'rec.removed': 'Personal data removed: {title}.',
  'rec.pdfIn': 'PDF: {languages}',
};
