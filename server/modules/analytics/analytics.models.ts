import type { CountedWhenAsked } from '../../lib/connection.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';

/** `DimensionValue` before its label is put in the caller's language. */
export interface DimensionValueModel {
  dimension: string;
  value: string;
}

/** `ChangeEventConnection` with its count made only when asked for (a sync pages without it). */
export type ChangeEventConnectionModel = CountedWhenAsked<ChangeEventRow>;
