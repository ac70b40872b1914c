import { useEffect, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { SelectField } from '../../components/SelectField';
import type { NeedOptionsQuery, NeedStatus, Priority, TargetGroup } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { groupLabel, priorityLabel, sortLabel, statuses, statusLabel, priorities, sorts, targetGroups } from './needs.labels';
import { isFiltered, type RegisterView } from './needsFilters';

/** The register's filters; every change goes to the URL (the text after a short pause). */
export function NeedFilters({
  view,
  options,
  onChange,
}: {
  view: RegisterView;
  options: NeedOptionsQuery | undefined;
  onChange: (next: RegisterView) => void;
}) {
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
  const any = t('needs.filter.any');

  return (
    <form className="yp-need-filters" role="search" aria-label={t('needs.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="yp-need-filters__text">
        {t('needs.filter.text')}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="filter-text" />
      </label>
      <SelectField<NeedStatus>
        id="filter-status"
        label={t('needs.filter.status')}
        value={view.status[0] ?? ''}
        emptyLabel={any}
        options={statuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        onChange={(status) => set('status', status ? [status] : [])}
        testId="filter-status"
      />
      <SelectField
        id="filter-theme"
        label={t('needs.filter.theme')}
        value={view.theme}
        emptyLabel={any}
        options={(options?.themes ?? []).map((th) => ({ value: th.code, label: th.name }))}
        onChange={(theme) => set('theme', theme)}
        testId="filter-theme"
      />
      <SelectField
        id="filter-municipality"
        label={t('needs.filter.municipality')}
        value={view.municipality}
        emptyLabel={any}
        options={municipalities.map((p) => ({ value: p.id, label: name(p.names) }))}
        onChange={(municipality) => set('municipality', municipality)}
        testId="filter-municipality"
      />
      <SelectField<TargetGroup>
        id="filter-group"
        label={t('needs.filter.group')}
        value={view.group}
        emptyLabel={any}
        options={targetGroups.map((g) => ({ value: g, label: groupLabel(t, g) }))}
        onChange={(group) => set('group', group)}
      />
      <SelectField<Priority>
        id="filter-priority"
        label={t('needs.filter.priority')}
        value={view.priority}
        emptyLabel={any}
        options={priorities.map((p) => ({ value: p, label: priorityLabel(t, p) }))}
        onChange={(priority) => set('priority', priority)}
        testId="filter-priority"
      />
      <SelectField
        id="filter-body"
        label={t('needs.filter.body')}
        value={view.body}
        emptyLabel={any}
        options={(options?.cooperationBodies ?? []).map((b) => ({ value: b.id, label: b.name }))}
        onChange={(body) => set('body', body)}
      />
      <SelectField
        id="filter-party"
        label={t('needs.filter.party')}
        value={view.party}
        emptyLabel={any}
        options={parties.map((p) => ({ value: p.id, label: name(p.names) }))}
        onChange={(party) => set('party', party)}
        testId="filter-party"
      />
      <SelectField<RegisterView['sort']>
        id="filter-sort"
        label={t('needs.sort')}
        value={view.sort}
        options={sorts.map((s) => ({ value: s, label: sortLabel(t, s) }))}
        onChange={(sort) => sort && set('sort', sort)}
        testId="sort"
      />
      <label className="yp-need-filters__check">
        <input type="checkbox" checked={view.gaps} onChange={(e) => set('gaps', e.target.checked)} data-testid="filter-gaps" />
        {t('needs.filter.gaps')}
      </label>
      {isFiltered(view) && (
        <Button
          variant="secondaryNoBorder"
          onClick={() =>
            onChange({
              ...view,
              text: '',
              status: [],
              theme: '',
              municipality: '',
              group: '',
              priority: '',
              body: '',
              party: '',
              gaps: false,
            })
          }
        >
          {t('needs.filter.clear')}
        </Button>
      )}
    </form>
  );
}
