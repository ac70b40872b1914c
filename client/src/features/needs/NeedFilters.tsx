import { useEffect, useRef, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { SelectField, type SelectOption } from '../../components/SelectField';
import type { NeedOptionsQuery, NeedStatus } from '../../graphql/generated/graphql';
import { byPlaceName } from '../../i18n/i18n';
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
  const { t, name } = useI18n();
  const [text, setText] = useState(view.text);
  const textRef = useRef<HTMLInputElement>(null);
  useEffect(() => setText(view.text), [view.text]);
  useEffect(() => {
    if (text === view.text) return;
    const timer = setTimeout(() => onChange({ ...view, text }), 350);
    return () => clearTimeout(timer);
  }, [text, view, onChange]);

  const set = <K extends keyof RegisterView>(key: K, value: RegisterView[K]) => onChange({ ...view, [key]: value });
  const byName = <T extends { names: { fi: string; sv?: string | null; en?: string | null } }>(list: T[]) =>
    byPlaceName(list, (p) => name(p.names));
  const municipalities = byName((options?.parties ?? []).filter((p) => p.kind === 'MUNICIPALITY'));
  const parties = byName(options?.parties ?? []);
  const any = t('needs.filter.any');
  /** A single choice of the register, "any" ('', which every one of these keys takes) first; its id is filter-<key>. */
  const choice = <K extends 'theme' | 'municipality' | 'group' | 'priority' | 'body' | 'party'>(
    key: K,
    label: string,
    options: readonly SelectOption<RegisterView[K]>[],
    testId?: string,
  ) => (
    <SelectField<RegisterView[K]>
      id={`filter-${key}`}
      label={label}
      value={view[key]}
      emptyLabel={any}
      options={options}
      onChange={(value) => set(key, value as RegisterView[K])}
      testId={testId}
    />
  );

  return (
    <form className="yp-need-filters" role="search" aria-label={t('needs.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="yp-need-filters__text">
        {t('needs.filter.text')}
        <input ref={textRef} type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="filter-text" />
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
      {choice(
        'theme',
        t('needs.filter.theme'),
        (options?.themes ?? []).map((th) => ({ value: th.code, label: name(th.names) })),
        'filter-theme',
      )}
      {choice(
        'municipality',
        t('needs.filter.municipality'),
        municipalities.map((p) => ({ value: p.id, label: name(p.names) })),
        'filter-municipality',
      )}
      {choice(
        'group',
        t('needs.filter.group'),
        targetGroups.map((g) => ({ value: g, label: groupLabel(t, g) })),
      )}
      {choice(
        'priority',
        t('needs.filter.priority'),
        priorities.map((p) => ({ value: p, label: priorityLabel(t, p) })),
        'filter-priority',
      )}
      {choice(
        'body',
        t('needs.filter.body'),
        (options?.cooperationBodies ?? []).map((b) => ({ value: b.id, label: name(b.names) })),
      )}
      {choice(
        'party',
        t('needs.filter.party'),
        parties.map((p) => ({ value: p.id, label: name(p.names) })),
        'filter-party',
      )}
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
          onClick={() => {
            // The field's own text too, at once: else a render in between would see it differ from the cleared view and
            // send it again after the pause (a slow machine took 350 ms there and the typed words came back).
            setText('');
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
            });
            // The button goes with the filters it cleared: focus goes to the first filter, not to the page's start.
            textRef.current?.focus();
          }}
        >
          {t('needs.filter.clear')}
        </Button>
      )}
    </form>
  );
}
