import { tzOffset } from '@date-fns/tz';

/**
 * The region's time zone. A calendar day (today, a due date, an appeal period's end) is the day on
 * the clock in Finland, never the UTC day: between midnight and 02:00 (03:00 in summer) the two differ.
 */
export const TIME_ZONE = 'Europe/Helsinki';

/** Minutes by which the clock in Finland is ahead of UTC at `at` (120 in winter, 180 in summer). */
export const helsinkiOffsetMinutes = (at: Date): number => tzOffset(TIME_ZONE, at);

/** The clock in Finland at `at` (whole seconds) as a Date whose UTC fields read it; for formatting only. */
export function helsinkiWallClock(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000 + helsinkiOffsetMinutes(at) * 60_000);
}

/** An offset in minutes as ISO 8601 writes it: `+02:00`. */
export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** A moment as ISO 8601 on the clock in Finland with its offset: `2026-12-03T09:15:00+02:00`. */
export function helsinkiIso(at: Date): string {
  return `${helsinkiWallClock(at).toISOString().slice(0, 19)}${offsetText(helsinkiOffsetMinutes(at))}`;
}

/** The calendar day (`YYYY-MM-DD`) in Finland at the moment `at`. */
export const helsinkiDay = (at: Date): string => helsinkiWallClock(at).toISOString().slice(0, 10);

/** The year in Finland at the moment `at` (a meeting at 00:30 on 1 January belongs to the new year). */
export const helsinkiYear = (at: Date): number => helsinkiWallClock(at).getUTCFullYear();

/** The moment the clock in Finland shows `hours`:`minutes` on `day` (`YYYY-MM-DD`), in winter and in summer time. */
export function atHelsinkiClock(day: string, hours: number, minutes = 0): Date {
  const asIfUtc = Date.parse(`${day}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  // The offset at the UTC reading is the offset at the local one, but in the night hour of a change.
  return new Date(asIfUtc - helsinkiOffsetMinutes(new Date(asIfUtc)) * 60_000);
}

/** Today's date (`YYYY-MM-DD`) on the clock in Finland. */
export const today = (now: Date = new Date()): string => helsinkiDay(now);

/** True when a due date (`YYYY-MM-DD`) is a day already past in Finland; a due date of today is not yet overdue. */
export const isOverdue = (dueDate: string | null | undefined, now: Date = new Date()): boolean =>
  dueDate != null && dueDate < today(now);

/** The calendar date `days` after the day `from` (`YYYY-MM-DD`); calendar arithmetic, no clock involved. */
export function addDays(from: string, days: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
