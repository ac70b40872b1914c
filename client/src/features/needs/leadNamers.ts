import type { I18nValue } from '../../i18n/I18nProvider';

/**
 * Who names (and changes) a need's lead party, as words: the secretariat, or the owner body's chair or secretary
 * (the server's needsPolicy.nameLead; not the lead's own representatives).
 */
export function leadNamers({ t, lang }: Pick<I18nValue, 't' | 'lang'>, ownerBody: { name: string } | null | undefined) {
  const namers = [t('need.moveOn.secretariat'), ...(ownerBody ? [t('need.whoNamesLead.body', { body: ownerBody.name })] : [])];
  return new Intl.ListFormat(lang, { type: 'disjunction' }).format(namers);
}
