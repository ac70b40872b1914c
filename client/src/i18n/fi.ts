/**
 * The shell's Finnish catalogue: the words of what every page shows (layout, navigation, sign-in, errors,
 * enum labels). A feature's words live beside it (features/<feature>/<feature>.fi.ts) and load with it.
 * Swedish and English are typed as `Catalogue`, so a key added here and missing there fails tsc. Messages
 * are ICU MessageFormat: `{name}`, `{count, plural, one {# tarve} other {# tarvetta}}`; the catalogue test
 * checks that every language's message parses and uses the same arguments.
 */
export const fi = {
  'app.name': 'Yhteispeli',
  'app.tagline': 'Keski-Suomen yhteistyösopimuksen osapuolten yhteinen työtila',
  'app.skipToContent': 'Siirry pääsisältöön',
  'app.loading': 'Ladataan…',
  'app.footer': 'Yhteispeli – kuntien, hyvinvointialueen ja maakunnan liiton yhteistyö',
  'app.pageTitle': '{page} – Yhteispeli',

  'nav.label': 'Päävalikko',
  'nav.account': 'Oma tili',
  'nav.menu': 'Valikko',
  'nav.parties': 'Osapuolet',

  'header.logout': 'Kirjaudu ulos',
  'header.loggingOut': 'Kirjaudutaan ulos',
  'header.languageMenu': 'Valitse kieli',
  // Layout: the design system's date and time fields (components/DateField.tsx).
  'form.dateHint': 'Esimerkiksi {example}',
  'form.dateInvalid': 'Anna päivämäärä muodossa {example}',
  'form.longDate': '{weekday} {date}',
  'form.datePicker': 'Valitse päivämäärä',
  'form.datePickerChosen': 'Valitse päivämäärä, valittu päivä {date}',
  'form.time': 'Kellonaika',
  'form.timeHint': 'Muodossa t.mm, esim. 9.30',
  'form.multi.available': '{count, plural, one {# vaihtoehto} other {# vaihtoehtoa}}',
  'form.multi.removed': '{option} poistettu',
  'form.multi.selected': '{count} valittu',
  'form.multi.none': 'Ei vaihtoehtoja',
  'form.multi.removeAll': 'Poista kaikki valinnat',
  'form.multi.chipAction': 'Poista',

  'connection.label': 'Yhteyden tila',
  'connection.connecting': 'Yhdistetään…',
  'connection.connected': 'Yhteys toimii',
  'connection.reconnecting': 'Yhteys katkesi, yhdistetään uudelleen…',
  'connection.offline': 'Ei verkkoyhteyttä',

  'login.title': 'Kirjaudu sisään',
  'login.intro': 'Kirjaudu työsähköpostiosoitteellasi ja salasanallasi.',
  'login.sessionEnded': 'Istuntosi päättyi. Kirjaudu uudelleen.',
  'login.loggedOutInOtherTab': 'Kirjauduit ulos toisessa välilehdessä. Kirjaudu uudelleen.',
  'login.draftsKept': 'Kirjoittamasi lähettämätön teksti palautetaan, kun kirjaudut uudelleen.',
  'login.email': 'Sähköpostiosoite',
  'login.password': 'Salasana',
  'login.submit': 'Kirjaudu sisään',
  'login.submitting': 'Kirjaudutaan sisään',
  'login.emailRequired': 'Anna sähköpostiosoite.',
  'login.passwordRequired': 'Anna salasana.',
  'login.failedTitle': 'Kirjautuminen ei onnistunut',
  'login.wrongCredentials': 'Sähköpostiosoite tai salasana on väärin. Tarkista ne ja yritä uudelleen.',
  'login.demoTitle': 'Esittelytunnukset',
  'login.demoIntro': 'Valitse tunnus, niin se täytetään lomakkeelle.',
  'login.demoPassword': 'Kaikkien esittelytunnusten salasana on',
  'login.demo.admin': 'Sihteeristö, ylläpitää kaikkea',
  'login.demo.jyvaskyla': 'Jyväskylän kaupungin edustaja',
  'login.demo.hyvinvointialue': 'Hyvinvointialueen edustaja',
  'login.demo.laukaa': 'Laukaan kunnan edustaja',
  'login.demo.analyst': 'Analyytikko, vain lukuoikeus',

  'notFound.title': 'Sivua ei löytynyt',
  'notFound.recordTitle': 'Ei löytynyt',
  'notFound.text': 'Osoitteessa ei ole sivua. Se on ehkä kirjoitettu väärin, tai sivu on poistettu.',
  'notFound.home': 'Etusivulle',
  'empty.value': '(tyhjä)',
  // A shared link's filter value that the page does not know (components/useUrlFilters.tsx).
  'filters.unknownValue': 'Linkissä oli suodatin, jonka arvoa ei tunneta. Se jätettiin pois, ja näet tiedot ilman sitä.',

  'error.title': 'Virhe',
  'error.retry': 'Yritä uudelleen',
  'error.UNAUTHENTICATED': 'Istuntosi on päättynyt. Kirjaudu sisään uudelleen.',
  'error.FORBIDDEN': 'Sinulla ei ole oikeutta tähän toimintoon.',
  'error.NOT_FOUND': 'Tietoa ei löytynyt, tai sinulla ei ole oikeutta nähdä sitä.',
  'error.BAD_USER_INPUT': 'Osa tiedoista ei kelpaa. Korjaa merkityt kentät.',
  // A page that could not load has no fields to mark (PageError).
  'error.BAD_USER_INPUT_PAGE':
    'Sivua ei voitu näyttää, koska palvelin ei hyväksynyt sen hakua. Tarkista sivun osoite tai yritä uudelleen.',
  'error.CONFLICT': 'Joku muu muutti tietoa sillä välin. Nykyinen versio on {version}.',
  'error.INVALID_TRANSITION': 'Tilamuutos ei ole sallittu: {from} → {to}.',
  'error.QUERY_TOO_COMPLEX': 'Kysely on liian raskas (raja {limit}, kysely {actual}).',
  'error.RATE_LIMITED': 'Liian monta yritystä. Voit yrittää uudelleen {seconds} sekunnin kuluttua.',
  'error.RATE_LIMITED_MINUTES': 'Liian monta yritystä. Voit yrittää uudelleen {minutes} minuutin kuluttua.',
  // Database outage (issue 9): a retryable answer, not an internal error.
  'error.SERVICE_UNAVAILABLE':
    'Palvelu on hetken poissa käytöstä (tietokantaan ei saada yhteyttä). Yritä uudelleen {seconds} sekunnin kuluttua.',
  'error.INTERNAL_SERVER_ERROR':
    'Palvelussa tapahtui odottamaton virhe. Jos virhe toistuu, kerro ylläpidolle virhetunniste {requestId}.',
  'error.NETWORK': 'Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
  'error.UNKNOWN': 'Jokin meni vikaan. Yritä uudelleen.',
  'error.field': 'Palvelin ei hyväksynyt arvoa: {message}',
  'error.fieldRequired': 'Tämä tieto on pakollinen.',
  'error.fieldTooLong': 'Enintään {max} merkkiä.',
  'error.fieldInvisible': 'Kirjoita näkyvää tekstiä: pelkät näkymättömät merkit eivät riitä.',
  'error.fieldOneLine': 'Kirjoita tämä yhdelle riville, ilman rivinvaihtoja.',
  'error.fieldEmail': 'Anna sähköpostiosoite muodossa nimi@esimerkki.fi.',
  'error.fieldDecidedInFuture': 'Tehty päätös ei voi olla päivätty tämän päivän jälkeen.',
  'error.fieldUnknown': 'Palvelin ei hyväksynyt tätä arvoa. Tarkista se ja yritä uudelleen.',
  'error.fieldWholeNumber': 'Anna kokonaisluku ilman desimaaleja, esimerkiksi 1200.',
  'error.fieldNumber': 'Anna luku, esimerkiksi 12,5.',
  'error.fieldAtLeast': 'Pienin sallittu arvo on {min, number}.',
  'error.fieldAtMost': 'Suurin sallittu arvo on {max, number}.',
  'error.fieldTooLarge': 'Luku on liian suuri.',
  'error.fieldYear': 'Anna vuosi väliltä 1900–2100.',
  'error.fieldYearFrom': 'Anna vuosi {year} tai myöhempi.',
  'error.fieldYearUntil': 'Anna vuosi {year} tai aiempi.',

  'enum.PartyKind.MUNICIPALITY': 'Kunta',
  'enum.PartyKind.WELLBEING_SERVICES_COUNTY': 'Hyvinvointialue',
  'enum.PartyKind.REGIONAL_COUNCIL': 'Maakunnan liitto',
  'enum.PartyKind.EMPLOYMENT_AREA': 'Työllisyysalue',
  'enum.PartyKind.JOINT_MUNICIPAL_AUTHORITY': 'Kuntayhtymä',
  'enum.PartyKind.STATE_AUTHORITY': 'Valtion viranomainen',
  'enum.PartyKind.NGO_OR_PARISH': 'Järjestö tai seurakunta',
  'enum.PartyKind.EDUCATION_PROVIDER': 'Koulutuksen järjestäjä',
  'enum.MunicipalForm.KUNTA': 'Kunta',
  'enum.MunicipalForm.KAUPUNKI': 'Kaupunki',
  'enum.FigureStatus.FINAL': 'lopullinen',
  'enum.FigureStatus.PRELIMINARY': 'ennakollinen',
  'enum.Role.SECRETARIAT': 'Sihteeristö',
  'enum.Role.PARTY_REPRESENTATIVE': 'Osapuolen edustaja',
  'enum.Role.ANALYST': 'Analyytikko',

  'edit.title': 'Muokkaa nimiä ja seutukuntaa',
  'edit.intro': 'Muokkaat versiota {version}. Suomenkielinen nimi on pakollinen.',
  'edit.optional': 'valinnainen',
  'edit.save': 'Tallenna muutokset',
  'edit.saving': 'Tallennetaan',
  'edit.cancel': 'Peru muutokset',
  'edit.saved': 'Muutokset tallennettu. Osapuolen versio on nyt {version}.',
  'edit.noChanges': 'Et ole muuttanut mitään.',
  'edit.fiRequired': 'Anna nimi suomeksi.',
  'edit.remoteTitle': 'Tietoja muutettiin samaan aikaan',
  'edit.remoteBy': '{actor} muutti tätä osapuolta, kun muokkasit sitä. Tallentamattomat muutoksesi ovat tallessa lomakkeella.',
  'edit.remoteAnonymous':
    'Joku muu muutti tätä osapuolta, kun muokkasit sitä. Tallentamattomat muutoksesi ovat tallessa lomakkeella.',
  'edit.conflictTitle': 'Joku muu ehti tallentaa ensin',
  'edit.conflictBody':
    'Muutoksiasi ei tallennettu, koska osapuolta muutettiin sen jälkeen, kun aloitit muokkaamisen (versio {base} → {version}). Vertaa tietoja ja valitse, mitkä jäävät voimaan.',
  'edit.compareCaption': 'Nykyiset tiedot ja sinun muutoksesi',
  'edit.compareField': 'Kenttä',
  'edit.theirs': 'Nykyiset tiedot',
  'edit.mine': 'Sinun muutoksesi',
  'edit.keepTheirs': 'Pidä nykyiset tiedot',
  'edit.applyMine': 'Tallenna omat muutokseni',

  // Issue 13: known sources of population figures in the UI language (the data keeps the source as written).
  'population.src.statisticsFinland': 'Tilastokeskus',
  'population.src.sotkanetDemo': 'THL/Sotkanet (demoarvot)',

  // Exports of actions, decisions and attendance (issue 13, "exports")
  'exports.actions': 'Lataa osapuolen toimenpiteet',
  'exports.actionsHint': 'Tiedostossa ovat valitun osapuolen toimenpiteet niissä palvelutarpeissa, jotka voit nähdä.',
  'exports.meetingTitle': 'Kokouksen tiedot tiedostona',
  'exports.decisions': 'Lataa päätökset',
  'exports.attendance': 'Lataa läsnäolot',

  // The main menu: analytics
  'nav.audit': 'Muutoshistoria',
  'nav.apiTokens': 'API-avaimet',
  'nav.disclosures': 'Luovutusloki',

  // The main menu: cooperation
  'nav.cooperation': 'Yhteistyörakenne',
  'nav.agreements': 'Sopimukset',

  // The main menu: dashboard
  'nav.dashboard': 'Tilannekuva',

  // The main menu: meetings
  'nav.meetings': 'Kokoukset',
  'nav.minutes': 'Pöytäkirjat',

  // The main menu: needs
  'nav.needs': 'Palvelutarpeet',
  'nav.matrix': 'Vastuumatriisi',
  'nav.partyActions': 'Toimenpiteet',

  // The main menu: people
  'nav.people': 'Henkilöt',

  // The main menu: profile
  'nav.profile': 'Oma profiili',

  // Sign-in (the login page is in the first load)
  'login.sso': 'Kirjaudu organisaation tunnuksilla',
  'login.ssoIntro': 'Tai kirjaudu organisaatiosi tunnuksilla, jos sihteeristö on kutsunut sinut työsähköpostiisi.',
  'login.sso.no-account': 'Organisaatiosi tunnuksilla ei löytynyt kutsuttua käyttäjää. Pyydä sihteeristöltä kutsu.',
  'login.sso.failed': 'Kirjautuminen organisaation tunnuksilla epäonnistui. Yritä uudelleen.',

  // Why the server refused to record or publish (errorMessage.ts)
  'rec.reason.NO_QUORUM':
    'Kokous ei ole päätösvaltainen: {present}/{members} jäsentä läsnä, tarvitaan {required}. Kirjaa läsnäolo ensin.',
  'rec.reason.UNDECIDED_ITEMS': 'Näistä asioista puuttuu päätös: {items}.',
  'rec.reason.NOT_MINUTES_CHECKER': 'Vain kokouksen valitsemat pöytäkirjantarkastajat voivat merkitä pöytäkirjan tarkastetuksi.',
  'rec.reason.NO_CHECKERS': 'Valitse ensin kaksi pöytäkirjantarkastajaa.',
  'rec.reason.ALREADY_CHECKED': 'Olet jo merkinnyt pöytäkirjan tarkastetuksi.',
  'rec.reason.NOT_CHECKED': 'Molempien tarkastajien on tarkastettava pöytäkirja ennen julkaisua.',
  'rec.reason.MINUTES_CHECKED': 'Tarkastaja on jo tarkastanut pöytäkirjan: avaa pöytäkirja ensin korjattavaksi.',
  'rec.reason.NO_ACCOUNT':
    'Pöytäkirjantarkastajaksi voi valita vain läsnä olevan jäsenen, jolla on käyttäjätunnus: ilman tunnusta ei voi kirjautua tarkastamaan pöytäkirjaa.',
  'rec.reason.MINUTES_CHANGED_AFTER_CHECK':
    'Pöytäkirjan tekstiä on muutettu tarkastuksen jälkeen. Avaa pöytäkirja korjattavaksi ja pyydä molempia tarkastajia tarkastamaan se uudelleen.',
  'rec.reason.CHECKER_NOT_PRESENT': 'Tarkastajan on oltava kirjattu läsnä olevaksi.',
  'rec.reason.CHECKER_ABSENT': 'Henkilö on pöytäkirjantarkastaja: valitse ensin toinen tarkastaja.',
  'rec.reason.TOO_MANY_VOTES': 'Ääniä on enemmän kuin äänivaltaisia jäseniä läsnä ({present}). Tarkista äänimäärät tai läsnäolo.',
  'rec.reason.NOT_A_SEAT': 'Varajäsen voi toimia vain toimielimen puheenjohtajan, varapuheenjohtajan tai jäsenen sijaisena.',
  'rec.reason.HOLDS_A_SEAT': 'Henkilö on itse toimielimen jäsen eikä voi toimia toisen jäsenen varajäsenenä.',
  'rec.reason.NOT_A_DEPUTY': 'Henkilö ei ole toimielimen varajäsen.',
  'rec.reason.OTHER_PARTY': 'Varajäsen voi toimia vain oman osapuolensa jäsenen sijaisena.',
  'rec.reason.SEAT_TAKEN': 'Jäsenen sijaisena on jo toinen varajäsen. Kirjaa hänet ensin poissa olevaksi.',
  'rec.reason.SECTIONS_PUBLISHED':
    'Esityslista on julkaistu: sen pykälänumerot ovat julkisia eivätkä muutu. Julkaistua asiaa ei voi poistaa (sen voi jättää pöydälle tai palauttaa valmisteluun), eikä kokousta voi siirtää toiselle vuodelle.',
  'rec.reason.VOTES_ONLY_FOR_VOTE':
    'Äänimäärät kirjataan vain äänestyksellä tehdylle päätökselle. Valitse tavaksi äänestys tai jätä äänimäärät pois.',
  'rec.reason.NOT_A_PARTICIPANT':
    'Henkilö ei ole toimielimen jäsen, varajäsen, sihteeri, esittelijä, asiantuntija eikä tarkkailija: hänen läsnäoloaan ei kirjata tähän kokoukseen.',
  'rec.reason.NOT_A_VOTING_MEMBER':
    'Pöytäkirjantarkastajat valitaan läsnä olevista jäsenistä (puheenjohtaja, varapuheenjohtaja, jäsen tai jäsenen sijaisena toimiva varajäsen).',
  'rec.reason.SEAT_HOLDER_PRESENT':
    'Jäsen on kirjattu läsnä olevaksi: varajäsen toimii vain poissa olevan jäsenen sijaisena. Kirjaa jäsen ensin poissa olevaksi.',
  'rec.reason.DEPUTY_STANDS_IN':
    'Jäsenen sijaisena toimii läsnä oleva varajäsen. Kirjaa varajäsen ensin poissa olevaksi, sitten jäsen läsnä olevaksi.',

  // Needs' refusals that errorMessage.ts explains
  'need.ownerBodyRefused': 'Voit valita vain elimen, jossa olet jäsenenä.',
  'need.ownPartyRequiredPlain': 'Kirjaamasi tarpeen on koskettava omaa osapuoltasi: valitse se kunniin tai muihin osapuoliin.',
} as const;
