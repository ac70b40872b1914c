/** The demo meetings' agenda items: the coming meeting's and the past one's, with their decisions. */

export interface SeedItem {
  title: string;
  caseNumber?: string;
  presenter?: string;
  preparer?: string;
  proposal: string;
  publicity?: 'PUBLIC' | 'PARTLY_SECRET' | 'SECRET';
  legalBasis?: string;
  needs?: string[];
  decision?: { text: string; mode: string; handling?: string };
}

/** The coming meeting of the municipal assembly: five items, one of them partly secret. */
export const COMING: SeedItem[] = [
  {
    title: 'Kokouksen avaus, laillisuus ja päätösvaltaisuus',
    proposal: 'Puheenjohtaja avaa kokouksen. Todetaan kokous laillisesti koolle kutsutuksi ja päätösvaltaiseksi.',
  },
  {
    title: 'Pöytäkirjantarkastajien valinta',
    proposal: 'Valitaan kaksi pöytäkirjantarkastajaa, jotka tarkastavat pöytäkirjan kahden viikon kuluessa.',
  },
  {
    title: 'Yhdyspintasuunnitelman 2026–2029 toimeenpanon seuranta: nuorten mielenterveys ja oppilashuolto',
    caseNumber: 'KSLIITTO/412/00.01.01/2026',
    presenter: 'liitto',
    preparer: 'liitto2',
    proposal:
      'Kuntakokous merkitsee tiedoksi yhdyspintasuunnitelman toimeenpanon tilannekatsauksen ja sopii jatkotoimenpiteistä nuorten matalan kynnyksen mielenterveyspalveluissa sekä koulukuraattori- ja psykologipalveluiden saatavuudessa.',
    needs: ['Nuorten mielenterveyden matalan kynnyksen palvelut', 'Koulukuraattorin ja -psykologin palvelut lähikouluissa'],
  },
  {
    title: 'Hyvinvointialueen palveluverkon muutokset: terveysasemien muuttuminen palvelupisteiksi',
    caseNumber: 'KSLIITTO/388/00.01.01/2026',
    presenter: 'hva',
    preparer: 'hva2',
    proposal:
      'Kuntakokous käy lähetekeskustelun hyvinvointialueen palveluverkkosuunnitelmasta ja pyytää hyvinvointialuetta kuulemaan muutoksen kohteena olevat kunnat ennen päätöksentekoa.',
    needs: ['Terveysaseman muuttuminen palvelupisteeksi'],
  },
  {
    title: 'Valmiussuunnittelu: hoivayksiköiden evakuointi häiriötilanteissa',
    caseNumber: 'KSLIITTO/301/00.01.01/2026',
    presenter: 'liitto',
    proposal:
      'Kuntakokous hyväksyy evakuointiyhteistyön periaatteet ja saattaa ne kuntien ja hyvinvointialueen valmiussuunnitelmiin.',
    publicity: 'PARTLY_SECRET',
    legalBasis: 'JulkL 24.1 § 8 k',
    needs: ['Valmiussuunnittelu: evakuointi ja hoivayksiköt'],
  },
];

/** The previous meeting, held, checked and published. */
export const PAST: SeedItem[] = [
  {
    title: 'Kokouksen avaus, laillisuus ja päätösvaltaisuus',
    proposal: 'Todetaan kokous laillisesti koolle kutsutuksi ja päätösvaltaiseksi.',
    decision: { text: 'Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.', mode: 'UNANIMOUS' },
  },
  {
    title: 'Yhdyspintasuunnitelman 2026–2029 hyväksyminen',
    caseNumber: 'KSLIITTO/120/00.01.01/2026',
    presenter: 'liitto',
    preparer: 'liitto2',
    proposal: 'Kuntakokous hyväksyy yhdyspintasuunnitelman 2026–2029 ja esittää sen osapuolten valtuustojen hyväksyttäväksi.',
    decision: {
      text: 'Kuntakokous hyväksyi yhdyspintasuunnitelman 2026–2029 ja esittää sen osapuolten valtuustojen hyväksyttäväksi.',
      mode: 'UNANIMOUS',
      handling: 'Keskustelun kuluessa todettiin, että pienten kuntien kotoutumispalvelut tarkennetaan suunnitelman seurannassa.',
    },
  },
  {
    title: 'Hyte-kertoimen tavoitteet ja kuntakorit 2026',
    presenter: 'hva',
    proposal: 'Merkitään tiedoksi hyte-kertoimen tavoitteet ja kuntakorien valmistelun aikataulu.',
    decision: { text: 'Merkittiin tiedoksi.', mode: 'NOTED' },
  },
  {
    title: 'Oppilashuollon tiedonvaihdon erityistilanteet',
    presenter: 'hva',
    proposal: 'Kuntakokous linjaa tiedonvaihdon menettelyn erityistilanteissa.',
    publicity: 'SECRET',
    legalBasis: 'JulkL 24.1 § 25 k',
    decision: { text: 'Linjattiin menettely esityksen mukaisesti.', mode: 'UNANIMOUS' },
  },
];
