import { IntlMessageFormat } from 'intl-messageformat';

/**
 * The follow-up report's words in the three interface languages (the client's words for the same things),
 * in ICU MessageFormat as the client's catalogues: `{name}`, and `{n, plural, one {…} other {…}}` for counts.
 */
export type ReportLang = 'fi' | 'sv' | 'en';

export const REPORT_TEXTS = {
  fi: {
    kind: 'SEURANTARAPORTTI',
    subject: 'Tavoitteen vuosiseuranta',
    year: 'Seurantavuosi {year}',
    agreement: 'Sopimus: {title}',
    owner: 'Vastuussa: {owner}',
    progress: 'Edistyminen',
    progressLine:
      '{share} tavoitteesta saavutettu ({status}). Mittareita {measures}, joista {withData} mitattu ja {reached} saavutettu; toimenpiteitä {actions}, joista {done} valmiina.',
    progressNone: 'Ei vielä mitattavaa ({status}).',
    measures: 'Mittarit',
    noMeasures: 'Tavoitteella ei ole mittareita.',
    cols: ['Mittari', 'Lähtötaso', 'Tavoite', 'Arvo', 'Muutos vuodessa', 'Edistyminen', 'Odotettu'],
    noValue: 'ei arvoa',
    actions: 'Toimenpiteet',
    noActions: 'Ei linkitettyjä toimenpiteitä.',
    due: 'määräaika {date}',
    needs: 'Palvelutarpeet',
    noNeeds: 'Ei linkitettyjä palvelutarpeita.',
    generated: 'Laadittu {date}. Indikaattoriarvot: tuodut tilastot (esim. THL/Sotkanet).',
    page: 'Sivu {page} / {pages}',
    status: { NO_DATA: 'ei tietoa', IN_PROGRESS: 'kesken', REACHED: 'saavutettu' },
  },
  sv: {
    kind: 'UPPFÖLJNINGSRAPPORT',
    subject: 'Årlig uppföljning av målet',
    year: 'Uppföljningsår {year}',
    agreement: 'Avtal: {title}',
    owner: 'Ansvarig: {owner}',
    progress: 'Framsteg',
    progressLine:
      '{share} av målet uppnått ({status}). Mätare {measures}, varav {withData} mätta och {reached} uppnådda; åtgärder {actions}, varav {done} klara.',
    progressNone: 'Inget att mäta ännu ({status}).',
    measures: 'Mätare',
    noMeasures: 'Målet har inga mätare.',
    cols: ['Mätare', 'Utgångsläge', 'Mål', 'Värde', 'Förändring på ett år', 'Framsteg', 'Förväntat'],
    noValue: 'inget värde',
    actions: 'Åtgärder',
    noActions: 'Inga kopplade åtgärder.',
    due: 'senast {date}',
    needs: 'Servicebehov',
    noNeeds: 'Inga kopplade servicebehov.',
    generated: 'Upprättad {date}. Indikatorvärden: importerad statistik (t.ex. THL/Sotkanet).',
    page: 'Sida {page} / {pages}',
    status: { NO_DATA: 'inga uppgifter', IN_PROGRESS: 'pågår', REACHED: 'uppnått' },
  },
  en: {
    kind: 'FOLLOW-UP REPORT',
    subject: 'Annual follow-up of the goal',
    year: 'Year {year}',
    agreement: 'Agreement: {title}',
    owner: 'Responsible: {owner}',
    progress: 'Progress',
    progressLine:
      '{share} of the goal reached ({status}). {measures, plural, one {# measure} other {# measures}}, {withData} measured and {reached} reached; {actions, plural, one {# action} other {# actions}}, {done} done.',
    progressNone: 'Nothing to measure yet ({status}).',
    measures: 'Measures',
    noMeasures: 'The goal has no measures.',
    cols: ['Measure', 'Baseline', 'Target', 'Value', 'Change in a year', 'Progress', 'Expected'],
    noValue: 'no value',
    actions: 'Actions',
    noActions: 'No linked actions.',
    due: 'due {date}',
    needs: 'Service needs',
    noNeeds: 'No linked service needs.',
    generated: 'Made {date}. Indicator values: imported statistics (e.g. THL/Sotkanet).',
    page: 'Page {page} of {pages}',
    status: { NO_DATA: 'no data', IN_PROGRESS: 'in progress', REACHED: 'reached' },
  },
} as const;

const LOCALES: Record<ReportLang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** Formats one of the texts with its values in the language, picking plural forms by the language's rules. */
export const fill = (text: string, values: Record<string, string | number>, lang: ReportLang = 'fi') =>
  // ignoreTag: the texts are plain, so "<" is a character and not rich-text markup.
  String(new IntlMessageFormat(text, LOCALES[lang], undefined, { ignoreTag: true }).format(values));

// The PDF's Helvetica (WinAnsi) has no U+2212 minus sign, which Intl uses for Finnish and Swedish.
const winAnsi = (text: string) => text.replace(/\u2212/g, '-').replace(/\u202f/g, '\u00a0');

/** A number as the reader writes it (decimal comma in Finnish and Swedish). */
export const formatNumber = (lang: ReportLang, value: number) =>
  winAnsi(new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(value));
/** A share as a whole percentage. */
export const formatShare = (lang: ReportLang, share: number) =>
  winAnsi(new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share));
/** A calendar date (or a moment, on the clock in Finland) in the reader's language. */
export const formatDate = (lang: ReportLang, date: string | Date) =>
  winAnsi(
    new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Europe/Helsinki', dateStyle: 'long' }).format(
      typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date,
    ),
  );
