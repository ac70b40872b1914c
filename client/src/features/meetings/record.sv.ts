import type { recordFi } from './record.fi';

/** Swedish messages of the lawful record. */
export const recordSv: { readonly [K in keyof typeof recordFi]: string } = {
  'rec.quorum': 'Beslutförhet',
  'rec.quorumReached':
    'Beslutfört: {present}/{members, plural, one {# ledamot} other {# ledamöter}} närvarande (minst {required}).',
  'rec.quorumMissing':
    'Inte beslutfört: {present}/{members, plural, one {# ledamot} other {# ledamöter}} närvarande, {required} behövs. Anteckna närvaron före besluten.',
  'rec.decisionQuorum': 'Beslutförhet vid beslutet: {present}/{members, plural, one {# ledamot} other {# ledamöter}} närvarande',
  'rec.checkers': 'Protokolljusterare',
  'rec.checkersIntro':
    'Mötet väljer två justerare bland de närvarande ledamöterna; en ersättare kan vara justerare när hen ersätter en ledamot. Protokollet är justerat när båda har markerat det justerat.',
  'rec.noCheckers': 'Inga justerare har valts ännu.',
  'rec.checkedAt': 'justerat {date}',
  'rec.notChecked': 'har inte justerat ännu',
  'rec.elect': 'Välj justerare',
  'rec.electLegend': 'Välj två närvarande ledamöter',
  'rec.electSubmit': 'Spara justerarna',
  'rec.noAccount': 'inget användarkonto: kan inte logga in och justera',
  'rec.checkerNoAccount': 'inget aktivt användarkonto: kan inte justera',
  'rec.checkerNoAccountElect':
    'Justeraren {names} kan inte logga in och justera protokollet, eftersom hen inte har något aktivt användarkonto. Välj en annan justerare.',
  'rec.checkerNoAccountReopen':
    'Justeraren {names} kan inte logga in och justera protokollet, eftersom hen inte har något aktivt användarkonto. Öppna först protokollet för rättelse och välj sedan en annan justerare.',
  'rec.electHint': 'Välj exakt två.',
  'rec.electTwoRequired': 'Välj exakt två närvarande ledamöter.',
  'rec.elected': 'Justerarna har valts.',
  'rec.nobodyPresent': 'Anteckna först de närvarande ledamöterna.',
  'rec.check': 'Markera protokollet justerat',
  'rec.checkUndecided': 'Protokollet kan markeras justerat när ett beslut har antecknats i varje ärende. Beslut saknas: {items}.',
  'rec.checkNotVoting':
    'Du kan inte markera protokollet justerat: du är inte längre en närvarande ledamot eller en ersättare som ersätter en ledamot (till exempel har ditt medlemskap upphört). Be att en ny justerare väljs.',
  'rec.checked': 'Din justering har sparats.',
  'rec.lockedByCheck':
    'Protokollets innehåll är låst: en justerare har markerat det justerat. Anteckningar, beslut och närvaro kan inte ändras, så att det publicerade protokollet inte avviker från det justerade.',
  'rec.reopen': 'Öppna protokollet för rättelse',
  'rec.reopenHint':
    'Om en justerare har hittat ett fel, öppna protokollet för rättelse. Alla justeringar tas bort och justerarna justerar det rättade protokollet på nytt.',
  'rec.reopenConfirm':
    'Öppna protokollet för rättelse? Justeringarna ({count}) tas bort och båda justerarna ska justera protokollet på nytt.',
  'rec.reopened': 'Protokollet har öppnats för rättelse. Justeringarna har tagits bort.',
  'rec.appeal': 'Anvisning om begäran om omprövning',
  'rec.appealIntro':
    'Organets anvisning fogas till det publicerade protokollet. Finska är obligatoriskt; svenska och engelska om organet använder dem.',
  'rec.appealDefault': 'Organet har ingen egen anvisning: standardtexten används.',
  'rec.appealFi': 'På finska',
  'rec.appealSv': 'På svenska',
  'rec.appealEn': 'På engelska',
  'rec.appealSave': 'Spara anvisningen',
  'rec.appealSaved': 'Anvisningen har sparats.',
  'rec.appealEdit': 'Redigera anvisningen',
  'rec.actions': 'Åtgärder enligt beslutet',
  'rec.actionDue': 'senast {date}',
  'rec.decidedIn': 'Beslutat: {meeting}, {section}',
  'rec.overdueTitle': 'Personuppgifter ska tas bort',
  'rec.overdueIntro':
    'Besvärstiden för dessa publicerade protokoll har gått ut. Ta bort namnen ur det offentliga protokollet (kommunallagen 140 §).',
  'rec.overdueDue': 'besvärstiden gick ut {date}',
  'rec.removeFrom': 'Ta bort personuppgifterna: {title}',
  'rec.removed': 'Personuppgifterna har tagits bort: {title}.',
  'rec.pdfIn': 'PDF: {languages}',
};
