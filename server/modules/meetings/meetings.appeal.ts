/**
 * Appeal instructions (oikaisuvaatimusohje, Kuntalaki 410/2015 §§ 133-136,
 * 140): the default text a body's minutes carry until the secretariat writes
 * the body's own. `{body}` and `{address}` are filled in from the body.
 */

/** Texts of the appeal instructions; Finnish is always there, Swedish and English where the body has them. */
export interface AppealTexts {
  fi: string;
  sv?: string | null;
  en?: string | null;
}

const FI = `OIKAISUVAATIMUSOHJE

Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen. Päätöksestä ei voi suoraan valittaa tuomioistuimeen.

Oikaisuvaatimusoikeus
Oikaisuvaatimuksen saa tehdä se, johon päätös on kohdistettu tai jonka oikeuteen, velvollisuuteen tai etuun päätös välittömästi vaikuttaa (asianosainen), sekä kunnan jäsen.

Oikaisuvaatimusaika
Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista. Kunnan jäsenen ja asianosaisen katsotaan saaneen päätöksestä tiedon seitsemän päivän kuluttua siitä, kun pöytäkirja on julkaistu yleisessä tietoverkossa. Tiedoksisaantipäivää ei lueta määräaikaan. Jos määräajan viimeinen päivä on pyhäpäivä tai arkilauantai, saa oikaisuvaatimuksen tehdä ensimmäisenä arkipäivänä sen jälkeen.

Oikaisuvaatimusviranomainen
{body}
{address}

Oikaisuvaatimuksen sisältö
Oikaisuvaatimuksessa on ilmoitettava päätös, johon oikaisuvaatimus kohdistuu, miten päätöstä halutaan oikaistavaksi ja millä perusteella oikaisua vaaditaan, sekä oikaisuvaatimuksen tekijän nimi ja yhteystiedot.

Kielto hakea muutosta
Valmistelua tai täytäntöönpanoa koskevaan päätökseen (asia pantiin pöydälle, palautettiin valmisteluun tai merkittiin tiedoksi) ei saa hakea muutosta (kuntalaki 136 §).`;

const SV = `ANVISNING OM HUR MAN BEGÄR OMPRÖVNING

Den som är missnöjd med detta beslut kan begära omprövning skriftligt. Beslutet får inte överklagas direkt hos domstol.

Rätt att begära omprövning
Omprövning får begäras av den som beslutet avser eller vars rätt, skyldighet eller fördel direkt påverkas av beslutet (part) samt av kommunmedlemmarna.

Tidsfrist
Omprövning ska begäras inom 14 dagar från delfåendet av beslutet. En kommunmedlem och en part anses ha fått del av beslutet sju dagar efter att protokollet publicerats i ett allmänt datanät. Dagen för delfåendet räknas inte in i tidsfristen. Om den sista dagen är en helgdag eller en helgfri lördag, får omprövning begäras den första vardagen därefter.

Omprövningsmyndighet
{body}
{address}

Omprövningsbegärans innehåll
Av begäran ska framgå vilket beslut den gäller, hur beslutet ska ändras och på vilka grunder samt namn och kontaktuppgifter på den som framställer begäran.

Förbud mot att söka ändring
Ändring får inte sökas i beslut som gäller beredning eller verkställighet (ärendet bordlades, återremitterades eller antecknades för kännedom) (kommunallagen 136 §).`;

const EN = `INSTRUCTIONS FOR REQUESTING A RECTIFICATION

Anyone dissatisfied with this decision may request a rectification in writing. The decision cannot be appealed directly to a court.

Who may request a rectification
The person the decision concerns or whose right, obligation or interest it directly affects (a party), and the members of the municipality.

Time limit
The request must be made within 14 days of being notified of the decision. A member of the municipality and a party are deemed to have been notified seven days after the minutes were published on the public network. The day of notification is not counted. If the last day is a public holiday or a Saturday, the request may be made on the next working day.

Authority to send the request to
{body}
{address}

Contents of the request
State the decision the request concerns, how it should be rectified and on what grounds, and the requester's name and contact details.

No appeal
A decision that concerns only preparation or implementation (the item was tabled, returned for preparation or noted) cannot be appealed (Local Government Act, section 136).`;

/** The default instructions for a body, in every language its name is given in (Finnish always). */
export function defaultAppealTexts(bodyNames: { fi: string; sv?: string | null; en?: string | null }, address = ''): AppealTexts {
  const fill = (template: string, body: string) =>
    template
      .replace('{body}', body)
      .replace('{address}', address)
      .replace(/\n{3,}/g, '\n\n');
  return {
    fi: fill(FI, bodyNames.fi),
    sv: fill(SV, bodyNames.sv || bodyNames.fi),
    en: fill(EN, bodyNames.en || bodyNames.fi),
  };
}

/** The instructions in a language, falling back to Finnish. */
export function appealTextIn(texts: AppealTexts, lang: 'fi' | 'sv' | 'en'): string {
  return (lang === 'fi' ? texts.fi : texts[lang]) || texts.fi;
}
