import { addMessages } from '../../i18n/catalogues';
import { analyticsEn } from './analytics.en';
import { analyticsFi } from './analytics.fi';
import { analyticsSv } from './analytics.sv';
import { auditFieldsEn } from './auditFields.en';
import { auditFieldsFi } from './auditFields.fi';
import { auditFieldsSv } from './auditFields.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const analyticsMessages = addMessages({
  fi: { ...analyticsFi, ...auditFieldsFi },
  sv: { ...analyticsSv, ...auditFieldsSv },
  en: { ...analyticsEn, ...auditFieldsEn },
});
