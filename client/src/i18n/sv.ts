import type { Catalogue } from './i18n';

/** The Swedish catalogue (Finland Swedish terms: välfärdsområde, landskapsförbund). */
export const sv: Catalogue = {
  'app.name': 'Yhteispeli',
  'app.tagline': 'Gemensam arbetsplats för parterna i samarbetsavtalet i Mellersta Finland',
  'app.skipToContent': 'Gå till huvudinnehållet',
  'app.loading': 'Laddar…',
  'app.footer': 'Yhteispeli – samarbete mellan kommunerna, välfärdsområdet och landskapsförbundet',
  'app.pageTitle': '{page} – Yhteispeli',

  'nav.label': 'Huvudmeny',
  'nav.account': 'Mitt konto',
  'nav.menu': 'Meny',
  'nav.parties': 'Parter',

  'header.logout': 'Logga ut',
  'header.loggingOut': 'Loggar ut',
  'header.languageMenu': 'Välj språk',
  // Layout: the design system's date and time fields (components/DateField.tsx).
  'form.dateHint': 'Till exempel {example}',
  'form.dateInvalid': 'Ange datumet i formatet {example}',
  'form.longDate': '{weekday} {date}',
  'form.datePicker': 'Välj datum',
  'form.datePickerChosen': 'Välj datum, valt datum {date}',
  'form.time': 'Klockslag',
  'form.timeHint': 'I formatet t.mm, t.ex. 9.30',
  'form.multi.available': '{count} alternativ',
  'form.multi.removed': '{option} borttagen',
  'form.multi.selected': '{count, plural, one {# vald} other {# valda}}',
  'form.multi.none': 'Inga alternativ',
  'form.multi.removeAll': 'Ta bort alla val',
  'form.multi.chipAction': 'Ta bort',

  'connection.label': 'Anslutningens status',
  'connection.connecting': 'Ansluter…',
  'connection.connected': 'Ansluten',
  'connection.reconnecting': 'Anslutningen bröts, ansluter på nytt…',
  'connection.offline': 'Ingen nätverksanslutning',

  'login.title': 'Logga in',
  'login.intro': 'Logga in med din e-postadress i arbetet och ditt lösenord.',
  'login.sessionEnded': 'Din session har avslutats. Logga in igen.',
  'login.loggedOutInOtherTab': 'Du loggade ut i en annan flik. Logga in igen.',
  'login.draftsKept': 'Den text du skrev men inte skickade återställs när du loggar in igen.',
  'login.email': 'E-postadress',
  'login.password': 'Lösenord',
  'login.submit': 'Logga in',
  'login.submitting': 'Loggar in',
  'login.emailRequired': 'Ange e-postadress.',
  'login.passwordRequired': 'Ange lösenord.',
  'login.failedTitle': 'Inloggningen misslyckades',
  'login.wrongCredentials': 'E-postadressen eller lösenordet är fel. Kontrollera dem och försök igen.',
  'login.demoTitle': 'Demokonton',
  'login.demoIntro': 'Välj ett konto så fylls det i formuläret.',
  'login.demoPassword': 'Alla demokonton har lösenordet',
  'login.demo.admin': 'Sekretariatet, administrerar allt',
  'login.demo.jyvaskyla': 'Representant för Jyväskylä stad',
  'login.demo.hyvinvointialue': 'Representant för välfärdsområdet',
  'login.demo.laukaa': 'Representant för Laukas kommun',
  'login.demo.analyst': 'Analytiker, endast läsrätt',

  'notFound.title': 'Sidan hittades inte',
  'notFound.recordTitle': 'Hittades inte',
  'notFound.text': 'Det finns ingen sida på adressen. Den kan vara felskriven, eller så har sidan tagits bort.',
  'notFound.home': 'Till startsidan',
  'empty.value': '(tom)',
  // A shared link's filter value that the page does not know (components/useUrlFilters.tsx).
  'filters.unknownValue': 'Länken hade ett filter med ett okänt värde. Det har utelämnats och du ser uppgifterna utan det.',

  'error.title': 'Fel',
  'error.retry': 'Försök igen',
  'error.UNAUTHENTICATED': 'Din session har gått ut. Logga in på nytt.',
  'error.FORBIDDEN': 'Du har inte rätt att göra detta.',
  'error.NOT_FOUND': 'Uppgiften hittades inte, eller så har du inte rätt att se den.',
  'error.BAD_USER_INPUT': 'En del av uppgifterna godtas inte. Rätta de markerade fälten.',
  // A page that could not load has no fields to mark (PageError).
  'error.BAD_USER_INPUT_PAGE':
    'Sidan kunde inte visas eftersom servern inte godtog dess sökning. Kontrollera sidans adress eller försök igen.',
  'error.CONFLICT': 'Någon annan ändrade uppgiften under tiden. Nuvarande version är {version}.',
  'error.INVALID_TRANSITION': 'Statusändringen är inte tillåten: {from} → {to}.',
  'error.QUERY_TOO_COMPLEX': 'Frågan är för tung (gräns {limit}, frågan {actual}).',
  'error.RATE_LIMITED': 'För många försök. Du kan försöka igen om {seconds} sekunder.',
  'error.RATE_LIMITED_MINUTES': 'För många försök. Du kan försöka igen om {minutes, plural, one {# minut} other {# minuter}}.',
  // Database outage (issue 9): a retryable answer, not an internal error.
  'error.SERVICE_UNAVAILABLE':
    'Tjänsten är tillfälligt otillgänglig (databasen kan inte nås). Försök igen om {seconds} sekunder.',
  'error.INTERNAL_SERVER_ERROR':
    'Ett oväntat fel uppstod i tjänsten. Om felet upprepas, meddela administratören felkoden {requestId}.',
  'error.NETWORK': 'Ingen kontakt med servern. Kontrollera nätverksanslutningen och försök igen.',
  'error.UNKNOWN': 'Något gick fel. Försök igen.',
  'error.field': 'Servern godtog inte värdet: {message}',
  'error.fieldRequired': 'Uppgiften är obligatorisk.',
  'error.fieldTooLong': 'Högst {max} tecken.',
  'error.fieldInvisible': 'Skriv synlig text: enbart osynliga tecken räcker inte.',
  'error.fieldOneLine': 'Skriv detta på en rad, utan radbrytningar.',
  'error.fieldEmail': 'Ange e-postadressen i formen namn@exempel.fi.',
  'error.fieldDecidedInFuture': 'Ett fattat beslut kan inte dateras efter i dag.',
  'error.fieldUnknown': 'Servern godtog inte det här värdet. Kontrollera det och försök igen.',
  'error.fieldWholeNumber': 'Ange ett heltal utan decimaler, till exempel 1200.',
  'error.fieldNumber': 'Ange ett tal, till exempel 12,5.',
  'error.fieldAtLeast': 'Det minsta tillåtna värdet är {min, number}.',
  'error.fieldAtMost': 'Det största tillåtna värdet är {max, number}.',
  'error.fieldTooLarge': 'Talet är för stort.',
  'error.fieldYear': 'Ange ett år mellan 1900 och 2100.',
  'error.fieldYearFrom': 'Ange år {year} eller senare.',
  'error.fieldYearUntil': 'Ange år {year} eller tidigare.',

  'enum.PartyKind.MUNICIPALITY': 'Kommun',
  'enum.PartyKind.WELLBEING_SERVICES_COUNTY': 'Välfärdsområde',
  'enum.PartyKind.REGIONAL_COUNCIL': 'Landskapsförbund',
  'enum.PartyKind.EMPLOYMENT_AREA': 'Sysselsättningsområde',
  'enum.PartyKind.JOINT_MUNICIPAL_AUTHORITY': 'Samkommun',
  'enum.PartyKind.STATE_AUTHORITY': 'Statlig myndighet',
  'enum.PartyKind.NGO_OR_PARISH': 'Organisation eller församling',
  'enum.PartyKind.EDUCATION_PROVIDER': 'Utbildningsanordnare',
  'enum.MunicipalForm.KUNTA': 'Kommun',
  'enum.MunicipalForm.KAUPUNKI': 'Stad',
  'enum.FigureStatus.FINAL': 'slutlig',
  'enum.FigureStatus.PRELIMINARY': 'preliminär',
  'enum.Role.SECRETARIAT': 'Sekretariatet',
  'enum.Role.PARTY_REPRESENTATIVE': 'Partens representant',
  'enum.Role.ANALYST': 'Analytiker',

  'edit.title': 'Redigera namn och ekonomisk region',
  'edit.intro': 'Du redigerar version {version}. Namnet på finska är obligatoriskt.',
  'edit.optional': 'valfritt',
  'edit.save': 'Spara ändringarna',
  'edit.saving': 'Sparar',
  'edit.cancel': 'Ångra ändringarna',
  'edit.saved': 'Ändringarna har sparats. Partens version är nu {version}.',
  'edit.noChanges': 'Du har inte ändrat något.',
  'edit.fiRequired': 'Ange namnet på finska.',
  'edit.remoteTitle': 'Uppgifterna ändrades samtidigt',
  'edit.remoteBy': '{actor} ändrade den här parten medan du redigerade den. Dina osparade ändringar finns kvar i formuläret.',
  'edit.remoteAnonymous':
    'Någon annan ändrade den här parten medan du redigerade den. Dina osparade ändringar finns kvar i formuläret.',
  'edit.conflictTitle': 'Någon annan hann spara först',
  'edit.conflictBody':
    'Dina ändringar sparades inte, eftersom parten ändrades efter att du började redigera (version {base} → {version}). Jämför uppgifterna och välj vilka som ska gälla.',
  'edit.compareCaption': 'Nuvarande uppgifter och dina ändringar',
  'edit.compareField': 'Fält',
  'edit.theirs': 'Nuvarande uppgifter',
  'edit.mine': 'Dina ändringar',
  'edit.keepTheirs': 'Behåll nuvarande uppgifter',
  'edit.applyMine': 'Spara mina ändringar',

  // Issue 13: known sources of population figures in the UI language (the data keeps the source as written).
  'population.src.statisticsFinland': 'Statistikcentralen',
  'population.src.sotkanetDemo': 'THL/Sotkanet (demovärden)',

  // Exports of actions, decisions and attendance (issue 13, "exports")
  'exports.actions': 'Ladda ned partens åtgärder',
  'exports.actionsHint': 'Filen innehåller den valda partens åtgärder i de servicebehov som du kan se.',
  'exports.meetingTitle': 'Mötets uppgifter som fil',
  'exports.decisions': 'Ladda ned besluten',
  'exports.attendance': 'Ladda ned närvaron',

  // The main menu: analytics
  'nav.audit': 'Ändringshistorik',
  'nav.apiTokens': 'API-nycklar',
  'nav.disclosures': 'Utlämningslogg',

  // The main menu: cooperation
  'nav.cooperation': 'Samarbetsstruktur',
  'nav.agreements': 'Avtal',

  // The main menu: dashboard
  'nav.dashboard': 'Lägesbild',

  // The main menu: meetings
  'nav.meetings': 'Möten',
  'nav.minutes': 'Protokoll',

  // The main menu: needs
  'nav.needs': 'Servicebehov',
  'nav.matrix': 'Ansvarsmatris',
  'nav.partyActions': 'Åtgärder',

  // The main menu: people
  'nav.people': 'Personer',

  // The main menu: profile
  'nav.profile': 'Min profil',

  // Sign-in (the login page is in the first load)
  'login.sso': 'Logga in med organisationens konto',
  'login.ssoIntro': 'Eller logga in med din organisations konto, om sekretariatet har bjudit in din arbetsadress.',
  'login.sso.no-account': 'Ingen inbjuden användare hittades för din organisations konto. Be sekretariatet om en inbjudan.',
  'login.sso.failed': 'Inloggningen med organisationens konto misslyckades. Försök igen.',

  // Why the server refused to record or publish (errorMessage.ts)
  'rec.reason.NO_QUORUM':
    'Mötet är inte beslutfört: {present}/{members, plural, one {# ledamot} other {# ledamöter}} närvarande, {required} behövs. Anteckna närvaron först.',
  'rec.reason.UNDECIDED_ITEMS': 'Beslut saknas i dessa ärenden: {items}.',
  'rec.reason.NOT_MINUTES_CHECKER': 'Endast de protokolljusterare som mötet valt kan markera protokollet justerat.',
  'rec.reason.NO_CHECKERS': 'Välj först två protokolljusterare.',
  'rec.reason.ALREADY_CHECKED': 'Du har redan markerat protokollet justerat.',
  'rec.reason.NOT_CHECKED': 'Båda justerarna ska justera protokollet före publiceringen.',
  'rec.reason.MINUTES_CHECKED': 'En justerare har redan justerat protokollet: öppna protokollet för rättelse först.',
  'rec.reason.NO_ACCOUNT':
    'Till protokolljusterare kan endast en närvarande ledamot med användarkonto väljas: utan konto kan man inte logga in och justera protokollet.',
  'rec.reason.MINUTES_CHANGED_AFTER_CHECK':
    'Protokollets text har ändrats efter justeringen. Öppna protokollet för rättelse och be båda justerarna att justera det på nytt.',
  'rec.reason.CHECKER_NOT_PRESENT': 'En justerare ska vara antecknad som närvarande.',
  'rec.reason.CHECKER_ABSENT': 'Personen är protokolljusterare: välj först en annan justerare.',
  'rec.reason.TOO_MANY_VOTES':
    'Fler röster än röstberättigade ledamöter närvarande ({present}). Kontrollera rösterna eller närvaron.',
  'rec.reason.NOT_A_SEAT': 'En ersättare kan bara ersätta organets ordförande, vice ordförande eller en ledamot.',
  'rec.reason.HOLDS_A_SEAT': 'Personen är själv ledamot i organet och kan inte ersätta en annan ledamot.',
  'rec.reason.NOT_A_DEPUTY': 'Personen är inte ersättare i organet.',
  'rec.reason.OTHER_PARTY': 'En ersättare kan bara ersätta en ledamot för sin egen part.',
  'rec.reason.SEAT_TAKEN': 'En annan ersättare ersätter redan ledamoten. Anteckna först den ersättaren som frånvarande.',
  'rec.reason.SECTIONS_PUBLISHED':
    'Föredragningslistan är publicerad: dess paragrafnummer är offentliga och ändras inte. Ett publicerat ärende kan inte tas bort (det kan bordläggas eller återremitteras), och mötet kan inte flyttas till ett annat år.',
  'rec.reason.VOTES_ONLY_FOR_VOTE':
    'Röstetal antecknas bara för ett beslut som fattats genom omröstning. Välj omröstning som sätt eller lämna bort röstetalen.',
  'rec.reason.NOT_A_PARTICIPANT':
    'Personen är inte ledamot, ersättare, sekreterare, föredragande, sakkunnig eller observatör i organet: hens närvaro antecknas inte för det här mötet.',
  'rec.reason.NOT_A_VOTING_MEMBER':
    'Protokolljusterarna väljs bland de närvarande ledamöterna (ordförande, vice ordförande, ledamot eller en ersättare som ersätter en ledamot).',
  'rec.reason.SEAT_HOLDER_PRESENT':
    'Ledamoten är antecknad som närvarande: en ersättare ersätter bara en frånvarande ledamot. Anteckna först ledamoten som frånvarande.',
  'rec.reason.DEPUTY_STANDS_IN':
    'En närvarande ersättare ersätter ledamoten. Anteckna först ersättaren som frånvarande, sedan ledamoten som närvarande.',

  // Needs' refusals that errorMessage.ts explains
  'need.ownerBodyRefused': 'Du kan bara välja ett organ där du är medlem.',
  'need.ownPartyRequiredPlain':
    'Ett behov du registrerar måste gälla din egen part: välj den bland kommunerna eller de andra parterna.',
};
