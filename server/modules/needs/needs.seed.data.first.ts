import { DEMO, SOTKA, type DemoNeed } from './needs.seed.model.js';

/** The first half of the demo needs, in the order they are seeded (see needs.seed.data.ts). */
export const DEMO_NEEDS_FIRST: DemoNeed[] = [
  {
    title: 'Koulukuraattorin ja -psykologin palvelut lähikouluissa',
    summary:
      'Oppilashuollon kuraattori- ja psykologipalvelut ovat hyvinvointialueen, tilat ja arki koulun. Pienissä kouluissa käyntiaikoja on liian vähän ja jonot venyvät.' +
      DEMO,
    themes: ['STUDENT_WELFARE'],
    groups: ['PUPILS_AND_STUDENTS'],
    municipalities: ['410', '892', '500'],
    others: ['15'],
    body: 'pupil',
    status: 'IN_PROGRESS',
    priority: 'HIGH',
    residents: 820,
    legalBasis: 'Oppilas- ja opiskelijahuoltolaki 1287/2013',
    indicators: [],
    responsibilities: [
      ['15', 'LEAD', 'Kuraattori- ja psykologiresurssit, ajanvaraus'],
      ['410', 'CONTRIBUTOR', 'Tilat ja lukujärjestykset'],
      ['892', 'CONTRIBUTOR', 'Tilat'],
      ['500', 'INFORMED', ''],
    ],
    actions: [
      ['15', 'Kiertävän kuraattorin aikataulu syyslukukaudelle', -20, 'IN_PROGRESS'],
      ['410', 'Työhuone kuraattorille Vihtavuoren koululle', 14, 'PLANNED'],
      ['15', 'Jonotilanteen seuranta kuukausittain', 45, 'PLANNED'],
    ],
    age: 210,
  },
  {
    title: 'Lastensuojelun ja koulun yhteistyömalli',
    summary:
      'Lastensuojelun asiakkuudessa olevien oppilaiden koulunkäynnin tuki katkeaa siirtymissä. Tarvitaan yhteinen toimintamalli tiedonkulkuun suostumuksen pohjalta.' +
      DEMO,
    themes: ['STUDENT_WELFARE', 'FAMILIES'],
    groups: ['CHILDREN_AND_FAMILIES', 'PUPILS_AND_STUDENTS'],
    municipalities: ['179', '410', '992'],
    others: ['15'],
    body: 'pupil',
    status: 'AGREED',
    priority: 'HIGH',
    residents: 140,
    legalBasis: 'Lastensuojelulaki 417/2007; perusopetuslaki 628/1998',
    indicators: [],
    responsibilities: [
      ['15', 'LEAD', 'Lastensuojelu, toimintamallin valmistelu'],
      ['179', 'CONTRIBUTOR', 'Perusopetus'],
      ['410', 'CONTRIBUTOR', 'Perusopetus'],
    ],
    actions: [
      ['15', 'Toimintamallin luonnos oppilashuoltoverkostolle', -5, 'IN_PROGRESS'],
      ['179', 'Rehtorien kommentit luonnokseen', 21, 'PLANNED'],
    ],
    age: 160,
  },
  {
    title: 'Nuorten mielenterveyden matalan kynnyksen palvelut',
    summary:
      'Nuorten mielenterveyden tuen jonot ovat pitkät; kunnan nuorisotyö kohtaa nuoret, mutta ohjaus hyvinvointialueen palveluihin ei toimi.' +
      DEMO,
    themes: ['YOUTH', 'HYTE'],
    groups: ['YOUTH'],
    municipalities: ['179', '992', '729'],
    others: ['15'],
    body: 'assembly',
    status: 'UNDER_ANALYSIS',
    priority: 'CRITICAL',
    residents: 1900,
    legalBasis: 'Nuorisolaki 1285/2016; sosiaali- ja terveydenhuollon järjestämislaki 612/2021 6 §',
    indicators: [SOTKA('4', 'Psykiatrinen sairaalahoito, 0–17-vuotiaat / 1 000')],
    responsibilities: [
      ['15', 'LEAD', 'Mielenterveyspalvelut'],
      ['179', 'CONTRIBUTOR', 'Etsivä nuorisotyö'],
      ['992', 'CONTRIBUTOR', 'Nuorisotyö'],
    ],
    actions: [['15', 'Palvelupolun kuvaus nuorisotyöstä terapiaan', -12, 'PLANNED']],
    age: 90,
  },
  {
    title: 'Työllisyyspalvelujen ja kuntoutuksen yhteensovitus',
    summary:
      'Työllisyyspalvelut siirtyivät kunnille 1.1.2025; kuntouttava työtoiminta ja kuntoutus ovat hyvinvointialueen. Monialaisen TYP-palvelun työnjako on sovittava Kelan kanssa.' +
      DEMO,
    themes: ['EMPLOYMENT'],
    groups: ['UNEMPLOYED', 'WORKING_AGE'],
    municipalities: ['179', '182', '992'],
    others: ['15'],
    body: 'employment',
    status: 'IN_PROGRESS',
    priority: 'HIGH',
    residents: 2600,
    legalBasis: 'Laki työvoimapalvelujen järjestämisestä 380/2023; laki monialaisesta yhteispalvelusta 1369/2014',
    indicators: [SOTKA('5', 'Toimeentulotukea saaneet 25–64-vuotiaat, %')],
    responsibilities: [
      ['179', 'LEAD', 'Työllisyysalueen vastuukunta'],
      ['15', 'CONTRIBUTOR', 'Kuntoutus ja kuntouttava työtoiminta'],
      ['182', 'CONTRIBUTOR', 'Eteläisen työllisyysalueen vastuukunta'],
    ],
    actions: [
      ['179', 'Yhteinen asiakasohjauksen prosessi', -30, 'DONE'],
      ['15', 'Kuntouttavan työtoiminnan paikat kartoitettu', -3, 'IN_PROGRESS'],
      ['182', 'Jämsän seudun TYP-tiimin kokoonpano', 30, 'PLANNED'],
    ],
    age: 300,
  },
  {
    title: 'Kotoutumisen palvelut pienissä kunnissa',
    summary:
      'Kotoutumislain uudistus siirsi vastuuta kunnille. Pienissä kunnissa ei ole omaa kotoutumistyöntekijää; palveluja on järjestettävä seudullisesti.' +
      DEMO,
    themes: ['INTEGRATION'],
    groups: ['IMMIGRANTS'],
    municipalities: ['931', '601', '226', '312'],
    others: ['15', '13'],
    body: 'employment',
    status: 'IDENTIFIED',
    priority: 'MEDIUM',
    residents: 3,
    legalBasis: 'Kotoutumislaki 681/2023',
    indicators: [],
    responsibilities: [
      ['931', 'CONTRIBUTOR', 'Alustava halukkuus vastuukunnaksi'],
      ['15', 'INFORMED', 'Sosiaalipalvelut'],
    ],
    actions: [],
    age: 25,
  },
  {
    title: 'Ikääntyneiden esteetön asuminen ja kotihoito',
    summary:
      'Kotihoito (hyvinvointialue) ei riitä, jos asunto ei ole esteetön (kunta). Tarvitaan yhteinen tilannekuva asuntokannasta ja kotihoidon reiteistä.' +
      DEMO,
    themes: ['OLDER_PEOPLE', 'HOUSING_AND_TRANSPORT'],
    groups: ['OLDER_PEOPLE'],
    municipalities: ['249', '729', '931', '077'],
    others: ['15'],
    body: 'assembly',
    status: 'AGREED',
    priority: 'HIGH',
    residents: 4100,
    legalBasis: 'Vanhuspalvelulaki 980/2012',
    indicators: [SOTKA('6', 'Somaattisen erikoissairaanhoidon hoitopäivät 75 vuotta täyttäneillä / 1 000')],
    responsibilities: [
      ['15', 'LEAD', 'Kotihoito ja palvelutarpeen arviointi'],
      ['249', 'CONTRIBUTOR', 'Asuntokanta ja korjausavustukset'],
      ['729', 'CONTRIBUTOR', 'Asuntokanta'],
    ],
    actions: [
      ['249', 'Esteettömyyskartoitus vuokrataloyhtiön kohteista', -40, 'IN_PROGRESS'],
      ['15', 'Kotihoidon reittien ja asiakasmäärien kooste', 10, 'PLANNED'],
    ],
    age: 240,
  },
  {
    title: 'Arjen turvallisuus ja kotien paloturvallisuus',
    summary:
      'Pelastustoimi on hyvinvointialueen, arjen turvallisuuden suunnittelu kunnan. Yksin asuvien ikääntyneiden kotien paloturvallisuuskäynnit on sovitettava kotihoidon kanssa.' +
      DEMO,
    themes: ['SAFETY', 'OLDER_PEOPLE'],
    groups: ['OLDER_PEOPLE', 'WHOLE_POPULATION'],
    municipalities: ['182', '172', '435', '850'],
    others: ['15'],
    body: 'preparedness',
    status: 'MONITORING',
    priority: 'MEDIUM',
    residents: 2300,
    legalBasis: 'Pelastuslaki 379/2011',
    indicators: [],
    responsibilities: [
      ['15', 'LEAD', 'Pelastuslaitos ja kotihoito'],
      ['182', 'INFORMED', 'Turvallisuussuunnitelma'],
    ],
    actions: [
      ['15', 'Paloturvallisuuskäynnit kotihoidon asiakkaille', -60, 'DONE'],
      ['182', 'Turvallisuussuunnitelman päivitys', -10, 'PLANNED'],
    ],
    age: 330,
  },
  {
    title: 'Terveysaseman muuttuminen palvelupisteeksi',
    summary:
      'Palveluverkkopäätös muuttaa terveysaseman palvelupisteeksi. Kunnan on varauduttava liikenneyhteyksiin ja tiloihin; asukkaille tiedotetaan yhdessä.' +
      DEMO,
    themes: ['SERVICE_NETWORK', 'PREMISES'],
    groups: ['WHOLE_POPULATION'],
    municipalities: ['216', '256', '265'],
    others: ['15'],
    body: 'assembly',
    status: 'ESCALATED',
    priority: 'CRITICAL',
    residents: 4700,
    legalBasis: 'Hyvinvointialuelaki 611/2021 14 §',
    indicators: [],
    responsibilities: [
      ['15', 'LEAD', 'Palveluverkkopäätös'],
      ['216', 'CONTRIBUTOR', 'Tilat ja liikenne'],
      ['13', 'INFORMED', 'Edunvalvonta'],
    ],
    actions: [
      ['15', 'Vaikutusten arviointi kuntakokoukselle', -15, 'DONE'],
      ['216', 'Kutsuliikenteen selvitys', -2, 'IN_PROGRESS'],
    ],
    age: 120,
  },
  {
    title: 'Perhekeskuksen kohtaamispaikat',
    summary:
      'Perhekeskuksen palvelut ovat hyvinvointialueen, kohtaamispaikat ja varhaiskasvatus kunnan. Kohtaamispaikkojen aukioloista ja tiloista sovitaan.' +
      DEMO,
    themes: ['FAMILIES'],
    groups: ['CHILDREN_AND_FAMILIES'],
    municipalities: ['179', '410', '500', '592'],
    others: ['15'],
    body: 'pupil',
    status: 'RESOLVED',
    priority: 'LOW',
    residents: 5200,
    legalBasis: null,
    indicators: [],
    responsibilities: [
      ['15', 'LEAD', 'Perhekeskus'],
      ['179', 'CONTRIBUTOR', 'Tilat'],
      ['410', 'CONTRIBUTOR', 'Tilat'],
    ],
    actions: [['410', 'Kohtaamispaikka kirjaston yhteyteen', -90, 'DONE']],
    age: 400,
  },
];
