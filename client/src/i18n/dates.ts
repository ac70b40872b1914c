import { tzOffset } from '@date-fns/tz';

/**
 * The client's calendar and clock, in one place. Meetings happen in Central Finland: a time is shown and
 * read as it is on the clock there, whatever the viewer's computer says, so an agenda reads the same for
 * everyone; "today" is the day in Finland (the server's server/lib/dates.ts answers the same).
 */
export const TIME_ZONE = 'Europe/Helsinki';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Minutes by which the zone's clock is ahead of UTC at the given instant (whole seconds). */
const offsetMinutes = (instant: number, timeZone: string) => tzOffset(timeZone, new Date(Math.floor(instant / 1000) * 1000));

/** A calendar date as ISO ("2026-03-05"), or undefined when the day does not exist (31.2., month 13). */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date rolls 31.2. over into March; a real day survives the round trip.
  if (
    ![year, month, day].every(Number.isInteger) ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A `datetime-local` value ("2026-12-01T10:00") read as the clock in Finland, as an ISO instant
 * ("2026-12-01T08:00:00.000Z"); undefined when the value is not a date and time.
 */
export function localInputToIso(value: string, timeZone = TIME_ZONE): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset at the wall time's own instant; asked twice so a change to or from summer time lands right.
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}

/** An ISO instant as a `datetime-local` value on the clock in Finland (for editing a stored time). */
export function isoToLocalInput(iso: string, timeZone = TIME_ZONE): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  return new Date(t + offsetMinutes(t, timeZone) * 60_000).toISOString().slice(0, 16);
}

/** Today's date ("2026-12-03") on the clock in Finland, for date fields' defaults and limits whatever the computer's zone. */
export function todayInFinland(now: Date = new Date(), timeZone = TIME_ZONE): string {
  return isoToLocalInput(now.toISOString(), timeZone).slice(0, 10);
}

/** The year now in Finland (from 22:00 UTC on 31 December the next one). */
export const yearInFinland = (now: Date = new Date()): number => Number(todayInFinland(now).slice(0, 4));

/** The instant a day ("2026-12-03") starts, or with `endOfDay` ends, on the clock in Finland, as ISO. */
export function finnishDayBoundary(day: string, endOfDay = false, timeZone = TIME_ZONE): string | undefined {
  const start = localInputToIso(`${day}T00:00`, timeZone);
  if (!start || !endOfDay) return start;
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const nextStart = localInputToIso(`${next}T00:00`, timeZone);
  return nextStart ? new Date(Date.parse(nextStart) - 1000).toISOString() : undefined;
}
