import './people.messages';
import type { AccountStatus } from '../../graphql/generated/graphql';
import type { Translate } from '../../i18n/i18n';

/** The label of an account's status, e.g. "Kutsuttu" (the words the audit trail uses too). */
export const accountStatusLabel = (t: Translate, value: AccountStatus): string => t(`people.status.${value}`);

/** Every account status, in the order of an account's life, for filters. */
export const accountStatuses: readonly AccountStatus[] = ['INVITED', 'ACTIVE', 'DEACTIVATED'];
