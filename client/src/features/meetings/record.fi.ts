/** Finnish messages of the lawful record (checkers, quorum, appeal instructions, personal data); loaded with the feature (see its .messages.ts). */
export const recordFi = {
  'rec.quorum': 'Päätösvaltaisuus',
  'rec.quorumReached': 'Päätösvaltainen: {present}/{members} jäsentä läsnä (vähintään {required}).',
  'rec.quorumMissing':
    'Ei päätösvaltainen: {present}/{members} jäsentä läsnä, tarvitaan {required}. Kirjaa läsnäolo ennen päätöksiä.',
  'rec.decisionQuorum': 'Päätösvaltaisuus päätettäessä: {present}/{members} jäsentä läsnä',
  'rec.checkers': 'Pöytäkirjantarkastajat',
  'rec.checkersIntro':
    'Kokous valitsee kaksi tarkastajaa läsnä olevista jäsenistä; varajäsen voi olla tarkastaja, kun hän toimii jäsenen sijaisena. Pöytäkirja on tarkastettu, kun molemmat ovat merkinneet sen tarkastetuksi.',
  'rec.noCheckers': 'Tarkastajia ei ole vielä valittu.',
  'rec.checkedAt': 'tarkastanut {date}',
  'rec.notChecked': 'ei vielä tarkastanut',
  'rec.elect': 'Valitse tarkastajat',
  'rec.electLegend': 'Valitse kaksi läsnä olevaa jäsentä',
  'rec.electSubmit': 'Tallenna tarkastajat',
  'rec.noAccount': 'ei käyttäjätunnusta: ei voi kirjautua tarkastamaan',
  'rec.checkerNoAccount': 'ei käytössä olevaa käyttäjätunnusta: ei voi tarkastaa',
  'rec.checkerNoAccountElect':
    'Tarkastaja {names} ei voi kirjautua tarkastamaan pöytäkirjaa, koska hänellä ei ole käytössä olevaa käyttäjätunnusta. Valitse toinen tarkastaja.',
  'rec.checkerNoAccountReopen':
    'Tarkastaja {names} ei voi kirjautua tarkastamaan pöytäkirjaa, koska hänellä ei ole käytössä olevaa käyttäjätunnusta. Avaa ensin pöytäkirja korjattavaksi ja valitse sitten toinen tarkastaja.',
  'rec.electHint': 'Valitse täsmälleen kaksi.',
  'rec.electTwoRequired': 'Valitse täsmälleen kaksi läsnä olevaa jäsentä.',
  'rec.elected': 'Tarkastajat valittu.',
  'rec.nobodyPresent': 'Kirjaa ensin läsnä olevat jäsenet.',
  'rec.check': 'Merkitse pöytäkirja tarkastetuksi',
  'rec.checkUndecided':
    'Pöytäkirjan voi merkitä tarkastetuksi, kun jokaisesta asiasta on kirjattu päätös. Päätös puuttuu: {items}.',
  'rec.checkNotVoting':
    'Et voi merkitä pöytäkirjaa tarkastetuksi: et ole enää läsnä oleva jäsen tai jäsenen sijaisena toimiva varajäsen (esimerkiksi jäsenyytesi on päättynyt). Pyydä valitsemaan uusi tarkastaja.',
  'rec.checked': 'Merkintäsi on tallennettu.',
  'rec.lockedByCheck':
    'Pöytäkirjan sisältö on lukittu: tarkastaja on merkinnyt sen tarkastetuksi. Muistiinpanoja, päätöksiä ja läsnäoloa ei voi muuttaa, ettei julkaistu pöytäkirja poikkea tarkastetusta.',
  'rec.reopen': 'Avaa pöytäkirja korjattavaksi',
  'rec.reopenHint':
    'Jos tarkastaja löysi virheen, avaa pöytäkirja korjattavaksi. Kaikki tarkastusmerkinnät poistuvat, ja tarkastajat tarkastavat korjatun pöytäkirjan uudelleen.',
  'rec.reopenConfirm':
    'Avataanko pöytäkirja korjattavaksi? Tarkastusmerkinnät ({count}) poistuvat, ja molempien tarkastajien on tarkastettava pöytäkirja uudelleen.',
  'rec.reopened': 'Pöytäkirja on avattu korjattavaksi. Tarkastusmerkinnät poistettiin.',
  'rec.appeal': 'Oikaisuvaatimusohje',
  'rec.appealIntro':
    'Julkaistuun pöytäkirjaan liitetään toimielimen oikaisuvaatimusohje. Suomi on pakollinen; ruotsi ja englanti, jos toimielin käyttää niitä.',
  'rec.appealDefault': 'Toimielimellä ei ole omaa ohjetta: käytetään oletustekstiä.',
  'rec.appealFi': 'Suomeksi',
  'rec.appealSv': 'Ruotsiksi',
  'rec.appealEn': 'Englanniksi',
  'rec.appealSave': 'Tallenna ohje',
  'rec.appealSaved': 'Ohje tallennettu.',
  'rec.appealEdit': 'Muokkaa ohjetta',
  'rec.actions': 'Päätöksen toimenpiteet',
  'rec.actionDue': 'määräaika {date}',
  'rec.decidedIn': 'Päätetty: {meeting}, {section}',
  'rec.overdueTitle': 'Henkilötiedot poistettava',
  'rec.overdueIntro':
    'Näiden julkaistujen pöytäkirjojen muutoksenhakuaika on päättynyt. Poista nimet julkisesta pöytäkirjasta (kuntalaki 140 §).',
  'rec.overdueDue': 'muutoksenhakuaika päättyi {date}',
  'rec.removeFrom': 'Poista henkilötiedot: {title}',
  'rec.removed': 'Henkilötiedot poistettu: {title}.',
  'rec.pdfIn': 'PDF: {languages}',
};
