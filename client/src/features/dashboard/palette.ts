import type { NeedStatus } from '../../graphql/generated/graphql';

/*
 * Colours of the dashboard. Categorical colours come from the Okabe–Ito and
 * Paul Tol palettes (told apart with the common colour vision deficiencies),
 * darkened where needed so that every mark has at least 3:1 contrast against
 * the white card (WCAG 2.1 1.4.11); adjacent segments are separated by a white
 * gap, and every figure is also in the legend, the summary and the table.
 */

/** Status colours in lifecycle order (contrast against white in brackets). */
export const STATUS_COLORS: Readonly<Record<NeedStatus, string>> = {
  IDENTIFIED: '#CC6677', // rose 3.7:1
  UNDER_ANALYSIS: '#999933', // olive 3.0:1
  AGREED: '#AA4499', // purple 5.3:1
  IN_PROGRESS: '#0072B2', // blue 5.2:1
  MONITORING: '#009E73', // bluish green 3.4:1
  RESOLVED: '#117733', // green 5.7:1
  ESCALATED: '#332288', // indigo 12.2:1
  REJECTED: '#6F6F6F', // grey 5.0:1
};

/** Overdue against open-on-schedule actions. */
export const OVERDUE_COLOR = '#D55E00'; // vermillion 3.9:1
export const OPEN_COLOR = '#0072B2'; // blue 5.2:1

/** Ratification outcomes; pending is a hatched outline, not a fill. */
export const RATIFICATION_COLORS = {
  approved: '#117733',
  changes: '#009E73',
  rejected: '#882255', // wine 8.7:1
  pending: '#6F6F6F',
} as const;

/** A single-series bar (time to resolve). */
export const BAR_COLOR = '#2F6DB0'; // 5.3:1

/**
 * The tile map's sequential blues, level 0 (no needs) to 5. Light tiles take
 * dark text (at least 6:1), the two darkest white text (at least 5.3:1).
 */
export const TILE_FILLS = ['#EEF3F8', '#D2E3F3', '#A6C8E8', '#6BA3D6', '#2F6DB0', '#1B4F8A'] as const;
export const tileTextColor = (level: number): string => (level >= 4 ? '#FFFFFF' : '#212121');

/** Lines of the indicator charts: colour, dash and marker differ, so a line is known without colour. */
export const SERIES_STYLES = [
  { color: '#0072B2', dash: '', marker: 'circle' },
  { color: '#D55E00', dash: '7 4', marker: 'square' },
  { color: '#117733', dash: '2 3', marker: 'triangle' },
  { color: '#AA4499', dash: '10 3 2 3', marker: 'diamond' },
] as const;

export type MarkerShape = (typeof SERIES_STYLES)[number]['marker'];
