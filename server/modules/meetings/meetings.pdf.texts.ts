/** The words of the minutes PDF in Finnish, Swedish and English (`?lang=`). */
export type PdfLang = 'fi' | 'sv' | 'en';

interface PdfTexts {
  locale: string;
  heading: string;
  time: string;
  place: string;
  chair: string;
  secretary: string;
  attendance: string;
  status: Record<string, string>;
  deputyFor: string;
  removedName: string;
  secret: string;
  caseNumber: string;
  preparer: string;
  presenter: string;
  proposal: string;
  handling: string;
  decision: string;
  mode: Record<string, string>;
  votes: (v: { for: number; against: number; abstain: number }) => string;
  quorum: (present: number, members: number) => string;
  actions: string;
  /** An action's due date, shown after its title and owner party. */
  due: (date: string) => string;
  notes: string;
  checkers: string;
  checked: (name: string | null, at: string) => string;
  appeal: string;
  published: (at: string) => string;
  removed: string;
  removalDue: (date: string) => string;
  page: (n: number, of: number) => string;
}

export const PDF_TEXTS: Record<PdfLang, PdfTexts> = {
  fi: {
    locale: 'fi-FI',
    heading: 'Pöytäkirja',
    time: 'Aika',
    place: 'Paikka',
    chair: 'Puheenjohtaja',
    secretary: 'Sihteeri',
    attendance: 'Läsnä',
    status: { PRESENT: 'läsnä', REMOTE: 'etänä', ABSENT: 'poissa' },
    deputyFor: 'varajäsenenä jäsenen {name} sijasta',
    removedName: '[nimi poistettu]',
    secret: 'Salassa pidettävä',
    caseNumber: 'Dnro',
    preparer: 'Valmistelija',
    presenter: 'Esittelijä',
    proposal: 'Päätösehdotus',
    handling: 'Käsittely',
    decision: 'Päätös',
    mode: {
      UNANIMOUS: 'yksimielinen',
      VOTE: 'äänestys',
      TABLED: 'pantiin pöydälle',
      RETURNED_FOR_PREPARATION: 'palautettiin valmisteluun',
      NOTED: 'merkittiin tiedoksi',
    },
    votes: (v) => `Äänet: jaa ${v.for}, ei ${v.against}, tyhjää ${v.abstain}`,
    quorum: (p, m) => `Päätösvaltaisuus: ${p}/${m} jäsentä läsnä`,
    actions: 'Päätöksen toimenpiteet',
    due: (d) => `määräaika ${d}`,
    notes: 'Muistiinpanot',
    checkers: 'Pöytäkirjan tarkastus',
    checked: (name, at) => `${name ?? '[nimi poistettu]'}: tarkastettu ${at}`,
    appeal: 'Oikaisuvaatimusohje',
    published: (at) => `Julkaistu ${at}.`,
    removed: 'Henkilötiedot on poistettu muutoksenhakuajan päätyttyä.',
    removalDue: (d) => `Henkilötiedot poistetaan muutoksenhakuajan päätyttyä (${d}).`,
    page: (n, of) => `Sivu ${n} / ${of}`,
  },
  sv: {
    locale: 'sv-FI',
    heading: 'Protokoll',
    time: 'Tid',
    place: 'Plats',
    chair: 'Ordförande',
    secretary: 'Sekreterare',
    attendance: 'Närvarande',
    status: { PRESENT: 'närvarande', REMOTE: 'på distans', ABSENT: 'frånvarande' },
    deputyFor: 'som ersättare för {name}',
    removedName: '[namnet borttaget]',
    secret: 'Sekretessbelagd',
    caseNumber: 'Dnr',
    preparer: 'Beredare',
    presenter: 'Föredragande',
    proposal: 'Beslutsförslag',
    handling: 'Behandling',
    decision: 'Beslut',
    mode: {
      UNANIMOUS: 'enhälligt',
      VOTE: 'omröstning',
      TABLED: 'bordlades',
      RETURNED_FOR_PREPARATION: 'återremitterades',
      NOTED: 'antecknades för kännedom',
    },
    votes: (v) => `Röster: ja ${v.for}, nej ${v.against}, blankt ${v.abstain}`,
    quorum: (p, m) => `Beslutförhet: ${p}/${m} ledamöter närvarande`,
    actions: 'Åtgärder enligt beslutet',
    due: (d) => `senast ${d}`,
    notes: 'Anteckningar',
    checkers: 'Protokolljustering',
    checked: (name, at) => `${name ?? '[namnet borttaget]'}: justerat ${at}`,
    appeal: 'Anvisning om begäran om omprövning',
    published: (at) => `Publicerat ${at}.`,
    removed: 'Personuppgifterna har tagits bort efter besvärstiden.',
    removalDue: (d) => `Personuppgifterna tas bort när besvärstiden gått ut (${d}).`,
    page: (n, of) => `Sida ${n} / ${of}`,
  },
  en: {
    locale: 'en-GB',
    heading: 'Minutes',
    time: 'Time',
    place: 'Place',
    chair: 'Chair',
    secretary: 'Secretary',
    attendance: 'Present',
    status: { PRESENT: 'present', REMOTE: 'remote', ABSENT: 'absent' },
    deputyFor: 'deputising for {name}',
    removedName: '[name removed]',
    secret: 'Confidential',
    caseNumber: 'Ref.',
    preparer: 'Prepared by',
    presenter: 'Presented by',
    proposal: 'Proposal',
    handling: 'Discussion',
    decision: 'Decision',
    mode: {
      UNANIMOUS: 'unanimous',
      VOTE: 'vote',
      TABLED: 'tabled',
      RETURNED_FOR_PREPARATION: 'returned for preparation',
      NOTED: 'noted',
    },
    votes: (v) => `Votes: for ${v.for}, against ${v.against}, abstained ${v.abstain}`,
    quorum: (p, m) => `Quorum: ${p} of ${m} members present`,
    actions: 'Actions of the decision',
    due: (d) => `due ${d}`,
    notes: 'Notes',
    checkers: 'Minutes checked by',
    checked: (name, at) => `${name ?? '[name removed]'}: checked ${at}`,
    appeal: 'Instructions for requesting a rectification',
    published: (at) => `Published ${at}.`,
    removed: 'Personal data was removed after the appeal period.',
    removalDue: (d) => `Personal data will be removed after the appeal period (${d}).`,
    page: (n, of) => `Page ${n} of ${of}`,
  },
};

/** The language of `?lang=`, else null. */
export function pdfLang(v: unknown): PdfLang | null {
  return v === 'fi' || v === 'sv' || v === 'en' ? v : null;
}
