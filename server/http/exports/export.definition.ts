import type { Request } from 'express';
import type { GraphQLContext } from '../../graphql/context.js';
import type { LabelledEnum } from '../../modules/analytics/analytics.labels.js';
import type { PartyRow } from '../../modules/parties/parties.table.js';
import type { Cell, ExportColumn } from './export.format.js';

/** What an export's rows are made with: the request's context and how to word values. */
export interface ExportScope {
  ctx: GraphQLContext;
  /** `columns=keys`: stable keys in the header and enumerations as codes (for tools). */
  codes: boolean;
  /** An enumeration's value as a label in the requested language (or as the code with `codes`). */
  label(value: string | null | undefined, of?: LabelledEnum): string | null;
  /** A party (for its official code and its name in the requested language). */
  party(id: string | null | undefined): Promise<PartyRow | undefined>;
  /** Text in the requested language. */
  name(text: { fi: string; sv?: string | null; en?: string | null } | null | undefined): string | null;
}

/** One export: its path, its columns and how it reads its rows. */
export interface ExportDefinition<R> {
  /** `/export/<name>.csv` and `.xlsx`; also the file's and the sheet's name. */
  name: string;
  /** How the disclosure log names what was disclosed, e.g. `export.serviceNeeds`. */
  rootField: string;
  columns: readonly ExportColumn[];
  /**
   * Reads the query parameters and checks them and the caller's access (BAD_USER_INPUT,
   * NOT_FOUND) before anything is sent; gives the parameters as logged and the rows in batches.
   */
  open(
    query: Request['query'],
    scope: ExportScope,
  ): Promise<{ parameters: unknown; batches: AsyncIterable<R[]> | Iterable<R[]> }>;
  cells(row: R, scope: ExportScope): Promise<Record<string, Cell>>;
}
