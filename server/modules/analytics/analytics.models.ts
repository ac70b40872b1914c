import type { ChangeEventRow } from '../../realtime/changes.table.js';

/** `DimensionValue` before its label is put in the caller's language. */
export interface DimensionValueModel {
  dimension: string;
  value: string;
}

/** `ChangeEventConnection` with its count made only when asked for (a sync pages without it). */
export interface ChangeEventConnectionModel {
  edges: { cursor: string; node: ChangeEventRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}
