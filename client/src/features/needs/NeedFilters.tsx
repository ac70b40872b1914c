import { useEffect, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import type { NeedOptionsQuery } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { groupLabel, priorityLabel, sortLabel, statuses, statusLabel, priorities, sorts, targetGroups } from './needs.labels';
import { isFiltered, type RegisterView } from './needsFilters';

/** The register's filters; every change goes to the URL (the text after a short pause). */
export function NeedFilters({ view, options, onChange }: { view: RegisterView; options: NeedOptionsQuery | undefined; onChange: (next: RegisterView) => void }) {
  const { t, name, lang } = useI18n();
  const collator = new Intl.Collator(lang);
  const [text, setText] = useState(view.text);
  useEffect(() => setText(view.text), [view.text]);
  useEffect(() => {
    if (text === view.text) return;
    const timer = setTimeout(() => onChange({ ...view, text }), 350);
    return () => clearTimeout(timer);
  }, [text, view, onChange]);

  const set = <K extends keyof RegisterView>(key: K, value: RegisterView[K]) => onChange({ ...view, [key]: value });
  const byName = <T extends { names: { fi: string; sv?: string | null; en?: string | null } }>(list: T[]) =>
    [...list].sort((a, b) => collator.compare(name(a.names), name(b.names)));
  const municipalities = byName((options?.parties ?? []).filter((p) => p.kind === 'MUNICIPALITY'));
  const parties = byName(options?.parties ?? []);

  return (
    <form className="yp-need-filters" role="search" aria-label={t('needs.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="yp-need-filters__text">
        {t('needs.filter.text')}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="filter-text" />
      </label>
      <label>
        {t('needs.filter.status')}
        <select value={view.status[0] ?? ''} onChange={(e) => set('status', e.target.value ? [e.target.value as RegisterView['status'][number]] : [])} data-testid="filter-status">
          <option value="">{t('needs.filter.any')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('needs.filter.theme')}
        <select value={view.theme} onChange={(e) => set('theme', e.target.value)} data-testid="filter-theme">
          <option value="">{t('needs.filter.any')}</option>
          {(options?.themes ?? []).map((th) => (
            <option key={th.code} value={th.code}>
              {th.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('needs.filter.municipality')}
        <select value={view.municipality} onChange={(e) => set('municipality', e.target.value)} data-testid="filter-municipality">
          <option value="">{t('needs.filter.any')}</option>
          {municipalities.map((p) => (
            <option key={p.id} value={p.id}>
              {name(p.names)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('needs.filter.group')}
        <select value={view.group} onChange={(e) => set('group', e.target.value as RegisterView['group'])}>
          <option value="">{t('needs.filter.any')}</option>
          {targetGroups.map((g) => (
            <option key={g} value={g}>
              {groupLabel(t, g)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('needs.filter.priority')}
        <select value={view.priority} onChange={(e) => set('priority', e.target.value as RegisterView['priority'])} data-testid="filter-priority">
          <option value="">{t('needs.filter.any')}</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {priorityLabel(t, p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('needs.filter.body')}
        <select value={view.body} onChange={(e) => set('body', e.target.value)}>
          <option value="">{t('needs.filter.any')}</option>
          {(options?.cooperationBodies ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('needs.filter.party')}
        <select value={view.party} onChange={(e) => set('party', e.target.value)} data-testid="filter-party">
          <option value="">{t('needs.filter.any')}</option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {name(p.names)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('needs.sort')}
        <select value={view.sort} onChange={(e) => set('sort', e.target.value as RegisterView['sort'])} data-testid="sort">
          {sorts.map((s) => (
            <option key={s} value={s}>
              {sortLabel(t, s)}
            </option>
          ))}
        </select>
      </label>
      <label className="yp-need-filters__check">
        <input type="checkbox" checked={view.gaps} onChange={(e) => set('gaps', e.target.checked)} data-testid="filter-gaps" />
        {t('needs.filter.gaps')}
      </label>
      {isFiltered(view) && (
        <Button variant="secondaryNoBorder" onClick={() => onChange({ ...view, text: '', status: [], theme: '', municipality: '', group: '', priority: '', body: '', party: '', gaps: false })}>
          {t('needs.filter.clear')}
        </Button>
      )}
    </form>
  );
}
