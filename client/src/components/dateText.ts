/**
 * Dates and times as the design system's fields show them (a date as the UI language writes it, the way
 * the app shows dates elsewhere: 5.3.2026 in Finnish and Swedish, 05/03/2026 in English; a time 9.30) and
 * as the forms send them (ISO 2026-03-05 and 09:30). A date is read day first in every language, with
 * ".", "/" or "-" between its parts.
 */
import { calendarDate } from '../i18n/dates';
import { formatDate, type Language } from '../i18n/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-03-05" → "5.3.2026" (Finnish, Swedish) or "05/03/2026" (English), as formatDate writes it; should
 * the language's formatter write something this module cannot read back, d.M.yyyy. Anything else (empty,
 * half typed) comes back as it was.
 */
export function isoToDateText(iso: string, lang: Language = 'fi'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const written = formatDate(iso, lang);
  return dateTextToIso(written) === iso ? written : `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
}

/**
 * A day-first date → ISO: "5.3.2026", "05.03.2026", "31/12/2026" or "31-12-2026" → "2026-03-05" / "2026-12-31"
 * (day and month with one or two digits, the same separator twice); undefined for text that is not a real date.
 */
export function dateTextToIso(text: string): string | undefined {
  const m = /^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return calendarDate(year, month, day);
}

/** The example date a field's hint and message show, as the language writes it: "31.12.2026", "31/12/2026". */
export const dateExample = (lang: Language): string => isoToDateText('2026-12-31', lang);

/** What a form gets from a date field: '' when empty, ISO when it is a date, else the text as typed (the field's guard keeps its form from sending it: dateSubmitGuard). */
export function dateFieldValue(text: string): string {
  if (text.trim() === '') return '';
  return dateTextToIso(text) ?? text;
}

/** "09:30" → "9.30"; anything else as it was. */
export function isoToTimeText(iso: string): string {
  const m = /^(\d{2}):(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}.${m[2]}` : iso;
}

/** "9.30", "9:30", "930" or "9" → "09:30" / "09:00"; undefined for text that is not a time of day. */
export function timeTextToIso(text: string): string | undefined {
  const t = text.trim();
  const m = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const [hours, minutes] = [Number(m[1]), Number(m[2] ?? '0')];
  if (hours > 23 || minutes > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** "2026-12-12T10:00" → ["2026-12-12", "10:00"] (a datetime-local value in parts). */
export function splitDateTime(value: string): [string, string] {
  const [date = '', time = ''] = value.split('T');
  return [date, time.slice(0, 5)];
}

/**
 * A datetime-local value from a date and a time: '' when both are empty; a part that is missing stays empty and a
 * part that is not valid stays as typed ("2026-12-12T", "T25:61"), so the value is a valid one only when both are.
 */
export function joinDateTime(date: string, time: string): string {
  if (!date && !time) return '';
  return `${date}T${time}`;
}
