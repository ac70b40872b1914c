import type { CountedWhenAsked } from '../../lib/connection.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import type { ActionRow, CommentRow, ResponsibilityRow, ServiceNeedRow } from './needs.table.js';

/** A need as GraphQL resolves it: the current row, or (with `asOf`) one rebuilt from its events. */
export type ServiceNeedModel = ServiceNeedRow & {
  asOf?: { at: Date; responsibilities: ResponsibilityRow[]; actions: ActionRow[] };
};

/** One field's provenance (`ServiceNeed.provenance`). */
export interface FieldProvenanceModel {
  field: string;
  partyId: string | null;
  userId: string | null;
  at: string;
}

/** One entry of a need's history; `hideActor` for analysts on comments. */
export interface NeedHistoryModel {
  event: ChangeEventRow;
  hideActor: boolean;
}

/** A comment as one caller sees it: `authorHidden` for analysts (they never see who wrote). */
export type NeedCommentModel = CommentRow & { authorHidden: boolean };

/** Payload of `serviceNeedChanged`. */
export interface ServiceNeedEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  name: string;
  need: ServiceNeedModel;
  action: ActionRow | null;
  comment: NeedCommentModel | null;
  actorUserId: string | null;
  /** The line the event adds to the need's history. */
  historyEntry: NeedHistoryModel;
}

/** Payload of `serviceNeedWithdrawn`: the need's id and when, nothing else of it. */
export interface ServiceNeedWithdrawalModel {
  id: string;
  at: Date;
}

/** `ServiceNeedConnection` with its count made only when asked for (a page of the register needs none). */
export type ServiceNeedConnectionModel = CountedWhenAsked<ServiceNeedModel>;
