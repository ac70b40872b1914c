import type { I18nValue } from '../../i18n/I18nProvider';

/**
 * Who names (and changes) a need's lead party, as words: the secretariat, or the owner body's chair or secretary
 * (the server's needsPolicy.nameLead; not the lead's own representatives). `ownerBody` is the body's name in the UI language.
 */
export function leadNamers({ t, lang }: Pick<I18nValue, 't' | 'lang'>, ownerBody: string | null | undefined) {
  const namers = [t('need.moveOn.secretariat'), ...(ownerBody ? [t('need.whoNamesLead.body', { body: ownerBody })] : [])];
  return new Intl.ListFormat(lang, { type: 'disjunction' }).format(namers);
}

/**
 * Who sets a need's responsibilities, as the sentences under its responsibilities table: the lead's namers as
 * leadNamers says them (the owner body's chair and secretary only when the need has an owner body), then the lead's
 * representatives for the other parties.
 */
export function whoSetsResponsibilities(i18n: Pick<I18nValue, 't' | 'lang'>, ownerBody: string | null | undefined) {
  const lead = ownerBody ? i18n.t('need.whoSetsAny') : i18n.t('need.leadSetBy', { who: leadNamers(i18n, ownerBody) });
  return `${lead} ${i18n.t('need.othersSetByLead')}`;
}
